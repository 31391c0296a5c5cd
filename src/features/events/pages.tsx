import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.js";
import { EmptyState, PageHeader } from "../../ui/components/common.js";
import { renderPage } from "../../ui/render.js";

/** Events have no data yet (they arrive with the events slice); the page says so plainly. */
export function eventPages() {
  const app = new Hono<AppEnv>();
  app.get("/events", (c) =>
    renderPage(c, { title: "Events" }, () => (
      <>
        <PageHeader title="Events" lead="Workshops, talks, roundtables and socials run by the communities." />
        <EmptyState title="No events are planned yet">
          <p>
            Communities will list their activities here. Meanwhile,{" "}
            <a href="/communities">find a community</a> and join it to hear about its next meeting.
          </p>
        </EmptyState>
      </>
    )),
  );
  return app;
}
