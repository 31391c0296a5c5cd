import { Hono } from "hono";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { isHtmx } from "../../platform/http/htmx.js";
import { renderPage } from "../../ui/render.js";
import { kindLabels as resourceKindLabels } from "../resources/inputs.js";
import type { ResourceKind } from "../resources/tables.js";
import { type SimilarItem, similarItems } from "./similar-queries.js";

/** The suggestions under a question's title; an empty list renders nothing at all. */
export function SimilarList({ items }: { items: SimilarItem[] }) {
  if (items.length === 0) return null;
  return (
    <section class="similar" aria-labelledby="similar-heading">
      <h2 id="similar-heading" class="similar-heading">
        Somebody may have dealt with this
      </h2>
      <p class="muted similar-hint">Have a look before you post: one of these may already answer it.</p>
      <ul class="similar-list">
        {items.map((item) =>
          item.type === "thread" ? (
            <li>
              <a href={item.url}>{item.title}</a>
              <span class="similar-meta">
                {item.answered && <span class="badge badge-answered">Answered</span>}
                <span>{item.communityName}</span>
                <span>{item.replyCount === 1 ? "1 reply" : `${item.replyCount} replies`}</span>
              </span>
            </li>
          ) : (
            <li>
              <a href={item.url}>{item.title}</a>
              <span class="similar-meta">
                <span class="badge badge-muted">
                  {resourceKindLabels[item.kind as ResourceKind] ?? "Resource"}
                </span>
                {item.endorsed && <span class="badge badge-answered">Endorsed practice</span>}
                <span>{item.communityName ?? "Starter toolkit"}</span>
              </span>
            </li>
          ),
        )}
      </ul>
    </section>
  );
}

/** "Somebody may have dealt with this": similar threads and resources while a question is typed. */
export function similarPages() {
  const app = new Hono<AppEnv>();

  app.get("/discussions/similar", async (c) => {
    const actor = requirePerson(c);
    const title = (c.req.query("title") ?? "").slice(0, 200);
    const items = await similarItems(c.get("db"), actor, title);
    if (isHtmx(c)) {
      // The form's container is the live region; this wrapper is one too, for when it is not.
      return c.html(
        <div aria-live="polite" class="similar-results">
          <SimilarList items={items} />
        </div>,
      );
    }
    return renderPage(c, { title: "Similar discussions" }, () => (
      <>
        <h1>Similar discussions</h1>
        {items.length === 0 ? (
          <p>Nothing similar yet. Type at least three letters of your question's title.</p>
        ) : (
          <SimilarList items={items} />
        )}
      </>
    ));
  });

  return app;
}
