import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.js";
import { renderPage } from "../../ui/render.js";
import { searchPageQuery } from "./inputs.js";
import { filterChoices, filterCommunity, kindsFor, searchEverything } from "./queries.js";
import { SearchPage } from "./views/results.js";

/** One search over communities, discussions, resources, events and people, each as far as the searcher may see. */
export function searchPages(options: { now?: () => Date } = {}) {
  const app = new Hono<AppEnv>();
  const now = options.now ?? (() => new Date());

  app.get("/search", async (c) => {
    const actor = c.get("actor");
    const db = c.get("db");
    const query = searchPageQuery.parse(c.req.query());
    const kinds = kindsFor(actor);
    if (query.kind !== "all" && !kinds.includes(query.kind)) query.kind = "all";
    const [community, choices] = await Promise.all([
      filterCommunity(db, actor, query.community),
      actor.kind === "person" ? filterChoices(db, actor) : [],
    ]);
    const unknownCommunity = Boolean(query.community) && !community;
    if (unknownCommunity) query.community = "";
    const results = query.q
      ? await searchEverything(db, actor, {
          q: query.q,
          kind: query.kind,
          sort: query.sort,
          communityId: community?.id ?? null,
          page: query.page,
          now: now(),
        })
      : null;
    return renderPage(c, { title: query.q ? `Search: ${query.q}` : "Search" }, () => (
      <SearchPage
        actor={actor}
        query={query}
        results={results}
        kinds={kinds}
        community={community}
        unknownCommunity={unknownCommunity}
        choices={choices}
      />
    ));
  });

  return app;
}
