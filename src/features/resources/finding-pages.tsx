import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.js";
import { can } from "../../platform/policy.js";
import { renderPage } from "../../ui/render.js";
import { loadCommunityView } from "../communities/load.js";
import { CommunityShell, communityCrumbs, communityTitle } from "../communities/views/shell.js";
import { MembersOnlyTab } from "../communities/views/tab-shared.js";
import { ResourcesTab } from "./views/community-tab.js";
import "../communities/policy.js";

/** A community's Resources tab and /resources (owned by the finding work). */
export function resourceFindingPages() {
  const app = new Hono<AppEnv>();

  app.get("/communities/:slug/resources", async (c) => {
    const view = await loadCommunityView(c);
    const { community } = view;
    // Members-only content is never described to outsiders: they learn who can see it and how to join.
    const mayRead = can(c.get("actor"), "community.viewContent", community);
    return renderPage(
      c,
      { title: communityTitle(community, "Resources"), breadcrumbs: communityCrumbs(community, "Resources") },
      (ctx) => (
        <CommunityShell ctx={ctx} view={view} tab="resources">
          {mayRead ? <ResourcesTab view={view} /> : <MembersOnlyTab ctx={ctx} view={view} what="resources" />}
        </CommunityShell>
      ),
    );
  });
  return app;
}
