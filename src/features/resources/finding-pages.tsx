import { Hono } from "hono";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { decodeCursor } from "../../platform/http/pagination.js";
import { activeRoleIn, can, isProgrammeTeam } from "../../platform/policy.js";
import { EmptyState, PageHeader } from "../../ui/components/common.js";
import { renderPage } from "../../ui/render.js";
import { loadCommunityView } from "../communities/load.js";
import { CommunityShell, communityCrumbs, communityTitle } from "../communities/views/shell.js";
import { MembersOnlyTab } from "../communities/views/tab-shared.js";
import { resourceNow } from "./clock.js";
import { type FindingQuery, findingQuery } from "./finding-inputs.js";
import { findResources, myCommunityChoices, readableCommunityBySlug, todayIn } from "./finding-queries.js";
import { ResourcesTab } from "./views/community-tab.js";
import { ResourceList } from "./views/resource-list.js";
import "../communities/policy.js";
import "./policy.js";

const filtersOf = (query: FindingQuery) => ({
  kind: query.kind,
  tag: query.tag,
  status: query.status,
  sort: query.sort,
});

/** A community's Resources tab and /resources across every community the viewer can read. */
export function resourceFindingPages() {
  const app = new Hono<AppEnv>();

  app.get("/communities/:slug/resources", async (c) => {
    const view = await loadCommunityView(c);
    const { community } = view;
    const actor = c.get("actor");
    // Members-only content is never described to outsiders: they learn who can see it and how to join.
    const mayRead = actor.kind === "person" && can(actor, "community.viewContent", community);
    const query = findingQuery.parse(c.req.query());
    const page = mayRead
      ? await findResources(c.get("db"), actor, {
          scope: { kind: "community", communityId: community.id },
          filters: filtersOf(query),
          cursor: decodeCursor(query.cursor),
        })
      : null;
    const role = activeRoleIn(actor, community.id);
    return renderPage(
      c,
      { title: communityTitle(community, "Resources"), breadcrumbs: communityCrumbs(community, "Resources") },
      (ctx) => (
        <CommunityShell ctx={ctx} view={view} tab="resources">
          {page ? (
            <ResourcesTab
              view={view}
              query={query}
              page={page}
              today={todayIn(resourceNow())}
              currentUrl={new URL(c.req.url)}
              canCreate={can(actor, "resource.create", community)}
              isLead={role === "convenor" || role === "core" || isProgrammeTeam(actor)}
            />
          ) : (
            <MembersOnlyTab ctx={ctx} view={view} what="resources" />
          )}
        </CommunityShell>
      ),
    );
  });

  app.get("/resources", async (c) => {
    const actor = requirePerson(c);
    const db = c.get("db");
    const query = findingQuery.parse(c.req.query());
    const [community, choices] = await Promise.all([
      query.community && query.community !== "toolkit"
        ? readableCommunityBySlug(db, actor, query.community)
        : null,
      myCommunityChoices(db, actor),
    ]);
    const unknownCommunity = Boolean(query.community) && query.community !== "toolkit" && !community;
    if (unknownCommunity) query.community = "";
    const page = await findResources(db, actor, {
      scope: query.community === "toolkit" ? { kind: "toolkit" } : { kind: "everywhere" },
      communityId: community?.id ?? null,
      filters: filtersOf(query),
      cursor: decodeCursor(query.cursor),
    });
    return renderPage(c, { title: "Resources", breadcrumbs: [{ label: "Resources" }] }, () => (
      <>
        <PageHeader
          title="Resources"
          lead={
            <>
              Guides, templates, tip-sheets and case studies from every community you can read, and the{" "}
              <a href="/toolkit">starter toolkit</a>.
            </>
          }
        />
        {unknownCommunity && (
          <p class="notice notice-info">
            We could not find a community you can read at that address, so this lists all of them.
          </p>
        )}
        <ResourceList
          action="/resources"
          query={query}
          page={page}
          today={todayIn(resourceNow())}
          currentUrl={new URL(c.req.url)}
          showCommunity
          communityChoices={choices}
          empty={
            <EmptyState title="No resources yet">
              <p>
                None of the communities you can read has published a resource yet. Start with the{" "}
                <a href="/toolkit">starter toolkit</a>, or write one from your community's Resources tab.
              </p>
            </EmptyState>
          }
        />
      </>
    ));
  });

  return app;
}
