import { Hono } from "hono";
import { can } from "../../platform/policy.js";
import { loadCommunityView } from "../communities/load.js";
import { CommunityShell, communityCrumbs, communityTitle } from "../communities/views/shell.js";
import { MembersOnlyTab } from "../communities/views/tab-shared.js";
import { EventsTab } from "./views/community-tab.js";
import "../communities/policy.js";
import type { AppEnv } from "../../platform/http/context.js";
import { EmptyState, PageHeader } from "../../ui/components/common.js";
import { renderPage } from "../../ui/render.js";

/** /events, the community Events tab and upcoming events elsewhere (owned by the finding work). */
export function eventFindingPages() {
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

  app.get("/communities/:slug/events", async (c) => {
    const view = await loadCommunityView(c);
    const { community } = view;
    // Members-only content is never described to outsiders: they learn who can see it and how to join.
    const mayRead = can(c.get("actor"), "community.viewContent", community);
    return renderPage(
      c,
      { title: communityTitle(community, "Events"), breadcrumbs: communityCrumbs(community, "Events") },
      (ctx) => (
        <CommunityShell ctx={ctx} view={view} tab="events">
          {mayRead ? <EventsTab view={view} /> : <MembersOnlyTab ctx={ctx} view={view} what="events" />}
        </CommunityShell>
      ),
    );
  });
  return app;
}
