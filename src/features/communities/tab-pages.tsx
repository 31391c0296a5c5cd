import type { Context } from "hono";
import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.js";
import { can } from "../../platform/policy.js";
import { renderPage } from "../../ui/render.js";
import { type CommunityView, loadCommunityView } from "./load.js";
import { CommunityShell, type CommunityTab, communityCrumbs, communityTitle } from "./views/shell.js";
import { EventsTab } from "./views/tab-events.js";
import { ResourcesTab } from "./views/tab-resources.js";
import { MembersOnlyTab } from "./views/tab-shared.js";
import "./policy.js";

const tabs = [
  { key: "events", label: "Events", what: "events", Body: EventsTab },
  { key: "resources", label: "Resources", what: "resources", Body: ResourcesTab },
] as const satisfies {
  key: CommunityTab;
  label: string;
  what: string;
  Body: (props: { view: CommunityView }) => unknown;
}[];

/** The Events and Resources tabs of a community (empty until those features land). Discussions live in src/features/discussions. */
export function communityTabPages() {
  const app = new Hono<AppEnv>();

  for (const tab of tabs) {
    app.get(`/communities/:slug/${tab.key}`, async (c: Context<AppEnv>) => {
      const view = await loadCommunityView(c);
      const { community } = view;
      // Members-only content is never described to outsiders: they learn who can see it and how to join.
      const mayRead = can(c.get("actor"), "community.viewContent", community);
      return renderPage(
        c,
        { title: communityTitle(community, tab.label), breadcrumbs: communityCrumbs(community, tab.label) },
        (ctx) => (
          <CommunityShell ctx={ctx} view={view} tab={tab.key}>
            {mayRead ? <tab.Body view={view} /> : <MembersOnlyTab ctx={ctx} view={view} what={tab.what} />}
          </CommunityShell>
        ),
      );
    });
  }

  return app;
}
