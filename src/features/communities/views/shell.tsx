import type { Child } from "hono/jsx";
import type { PageContext } from "../../../ui/page-context.js";
import { MembershipActions } from "../../memberships/views/actions.js";
import type { CommunityView } from "../load.js";

export const communityTabs = [
  { key: "overview", label: "Overview", path: "" },
  { key: "discussions", label: "Discussions", path: "/discussions" },
  { key: "events", label: "Events", path: "/events" },
  { key: "resources", label: "Resources", path: "/resources" },
  { key: "members", label: "Members", path: "/members" },
  { key: "charter", label: "Charter", path: "/charter" },
] as const;
export type CommunityTab = (typeof communityTabs)[number]["key"];

/** Breadcrumbs for a page inside a community: Communities › Name › (this page). */
export function communityCrumbs(community: { slug: string; name: string }, page?: string) {
  return [
    { label: "Communities", href: "/communities" },
    page ? { label: community.name, href: `/communities/${community.slug}` } : { label: community.name },
    ...(page ? [{ label: page }] : []),
  ];
}

/** The page title for a community page: "Members – HR Operations" (the layout adds "– Convene"). */
export function communityTitle(community: { name: string }, page?: string) {
  return page ? `${page} – ${community.name}` : community.name;
}

/**
 * The frame of every community page: name, tagline, the viewer's membership actions, and the tabs.
 * `tab` is the current tab, or null for pages outside the tabs (settings, lifecycle...).
 */
export function CommunityShell({
  ctx,
  view,
  tab,
  children,
}: {
  ctx: PageContext;
  view: CommunityView;
  tab: CommunityTab | null;
  children?: Child;
}) {
  const { community } = view;
  return (
    <>
      <div class="page-header community-header">
        <div class="page-header-row">
          <div>
            <h1>{community.name}</h1>
            {community.tagline && <p class="lead">{community.tagline}</p>}
          </div>
          <MembershipActions ctx={ctx} view={view} />
        </div>
        {community.status === "closed" && (
          <p class="notice notice-info">
            This community has closed. Its pages stay here to read and search, but nothing new can be added.
          </p>
        )}
      </div>
      <nav class="tabs community-tabs" aria-label={`${community.name} sections`}>
        <ul>
          {communityTabs.map((t) => (
            <li>
              <a
                href={`/communities/${community.slug}${t.path}`}
                aria-current={t.key === tab ? "page" : undefined}
              >
                {t.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </>
  );
}
