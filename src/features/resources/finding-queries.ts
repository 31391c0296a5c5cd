import { and, asc, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { type Cursor, type Page, toPage } from "../../platform/http/pagination.js";
import { organisationTimeZone } from "../../platform/organisation-time-zone.js";
import { type Actor, activeRoleIn, isProgrammeTeam } from "../../platform/policy.js";
import { communities } from "../communities/tables.js";
import { toLocal } from "../events/zoned-time.js";
import { people } from "../people/tables.js";
import { currentMembershipIds, readableCommunities } from "../search/kinds/shared.js";
import { FINDING_PAGE_SIZE, type FindingFilters, type FindingSort } from "./finding-inputs.js";
import { collectionItems, collections, resources } from "./tables.js";
import { STARTER_TOOLKIT_SLUG } from "./toolkit/install.js";

/** A resource as lists show it: no body, with where it lives and who owns it. */
export interface ResourceListItem {
  id: string;
  communityId: string | null;
  communitySlug: string | null;
  communityName: string | null;
  toolkitSlug: string | null;
  kind: (typeof resources.$inferSelect)["kind"];
  title: string;
  summary: string;
  externalUrl: string;
  tags: string[];
  status: (typeof resources.$inferSelect)["status"];
  reviewBy: string | null;
  helpedCount: number;
  usedCount: number;
  lastEditedAt: Date;
  ownerName: string | null;
  ownerHandle: string | null;
}

const listColumns = {
  id: resources.id,
  communityId: resources.communityId,
  communitySlug: communities.slug,
  communityName: communities.name,
  toolkitSlug: resources.toolkitSlug,
  kind: resources.kind,
  title: resources.title,
  summary: resources.summary,
  externalUrl: resources.externalUrl,
  tags: resources.tags,
  status: resources.status,
  reviewBy: resources.reviewBy,
  helpedCount: resources.helpedCount,
  usedCount: resources.usedCount,
  lastEditedAt: resources.lastEditedAt,
  ownerName: people.name,
  ownerHandle: people.handle,
};

/** The organisation's calendar date, for "Due for review" (the review date is a calendar date). */
export function todayIn(now: Date): string {
  return toLocal(now, organisationTimeZone()).date;
}

/** Communities where the actor is a convenor or core member: they may see those communities' drafts. */
function ledCommunityIds(actor: Actor): string[] {
  return currentMembershipIds(actor).filter((id) => {
    const role = activeRoleIn(actor, id);
    return role === "convenor" || role === "core";
  });
}

const idIn = (column: SQL, ids: string[]): SQL =>
  ids.length === 0
    ? sql`false`
    : sql`${column} in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`;

/** The drafts the actor may see, as `resource.view` decides them: their own, their communities' if they lead, all for the programme team. */
function visibleDrafts(actor: Actor): SQL {
  if (actor.kind !== "person") return sql`false`;
  if (isProgrammeTeam(actor)) return sql`true`;
  return sql`(${resources.ownerId} = ${actor.id} or ${idIn(sql`${resources.communityId}`, ledCommunityIds(actor))})`;
}

function statusCondition(actor: Actor, status: FindingFilters["status"]): SQL {
  switch (status) {
    case "endorsed":
      return sql`${resources.status} = 'endorsed'`;
    case "draft":
      return sql`(${resources.status} = 'draft' and ${visibleDrafts(actor)})`;
    case "archived":
      return sql`${resources.status} = 'archived'`;
    default:
      return sql`${resources.status} in ('published', 'endorsed')`;
  }
}

/** Where a list looks: one community (already checked readable), the starter toolkit, or everywhere the actor may read. */
export type FindingScope =
  | { kind: "community"; communityId: string }
  | { kind: "toolkit" }
  | { kind: "everywhere" };

function scopeCondition(actor: Actor, scope: FindingScope): SQL {
  if (scope.kind === "community") return sql`${resources.communityId} = ${scope.communityId}`;
  if (scope.kind === "toolkit") return sql`${resources.communityId} is null`;
  // The same rule as search: the starter toolkit for every signed-in person, and communities whose content they may read.
  if (actor.kind !== "person") return sql`false`;
  return sql`(${resources.communityId} is null or ${readableCommunities(actor, "communities")})`;
}

/** Is this cursor key one this sort made? (A forged key would otherwise reach a cast in SQL.) */
export function validCursorKey(sort: FindingSort, key: string | number): boolean {
  if (typeof key !== "string") return false;
  if (sort === "helpful") return /^\d{1,9}:\d{1,9}$/.test(key);
  return !Number.isNaN(Date.parse(key)) && key.length <= 40;
}

function keyOf(sort: FindingSort, row: ResourceListItem) {
  return sort === "helpful"
    ? { key: `${row.helpedCount}:${row.usedCount}`, id: row.id }
    : { key: row.lastEditedAt.toISOString(), id: row.id };
}

function cursorCondition(sort: FindingSort, cursor: Cursor): SQL {
  const op = cursor.direction === "after" ? sql`<` : sql`>`;
  if (sort === "helpful") {
    const [helped, used] = String(cursor.key).split(":").map(Number);
    return sql`(${resources.helpedCount}, ${resources.usedCount}, ${resources.id}) ${op} (${helped}, ${used}, ${cursor.id})`;
  }
  return sql`(${resources.lastEditedAt}, ${resources.id}) ${op} (${String(cursor.key)}::timestamptz, ${cursor.id})`;
}

function orderFor(sort: FindingSort, backwards: boolean) {
  const dir = backwards ? asc : desc;
  return sort === "helpful"
    ? [dir(resources.helpedCount), dir(resources.usedCount), dir(resources.id)]
    : [dir(resources.lastEditedAt), dir(resources.id)];
}

/**
 * One page of resources for a list, newest edit or most helpful first, by keyset. Filters by kind,
 * tag and status; `communityId` narrows the "everywhere" scope to one readable community.
 */
export async function findResources(
  db: Db,
  actor: Actor,
  options: {
    scope: FindingScope;
    filters: FindingFilters;
    cursor: Cursor | null;
    limit?: number;
    communityId?: string | null;
  },
): Promise<Page<ResourceListItem>> {
  const { filters, cursor } = options;
  const limit = options.limit ?? FINDING_PAGE_SIZE;
  const usable = cursor && validCursorKey(filters.sort, cursor.key) ? cursor : null;
  const rows = await db
    .select(listColumns)
    .from(resources)
    .leftJoin(communities, eq(communities.id, resources.communityId))
    .leftJoin(people, eq(people.id, resources.ownerId))
    .where(
      and(
        scopeCondition(actor, options.scope),
        options.communityId ? eq(resources.communityId, options.communityId) : undefined,
        statusCondition(actor, filters.status),
        filters.kind ? eq(resources.kind, filters.kind) : undefined,
        filters.tag ? sql`${resources.tags} @> array[${filters.tag}]::text[]` : undefined,
        usable ? cursorCondition(filters.sort, usable) : undefined,
      ),
    )
    .orderBy(...orderFor(filters.sort, usable?.direction === "before"))
    .limit(limit + 1);
  return toPage(rows as ResourceListItem[], {
    limit,
    cursor: usable,
    keyOf: (row) => keyOf(filters.sort, row),
  });
}

/** The community the /resources filter names, if the actor may read its content; else null. */
export async function readableCommunityBySlug(db: Db, actor: Actor, slug: string) {
  if (!slug || actor.kind !== "person") return null;
  const [row] = await db
    .select({ id: communities.id, slug: communities.slug, name: communities.name })
    .from(communities)
    .where(and(eq(communities.slug, slug), readableCommunities(actor, "communities")));
  return row ?? null;
}

/** The communities offered in the /resources filter: the actor's own, by name. */
export async function myCommunityChoices(db: Db, actor: Actor) {
  const ids = currentMembershipIds(actor);
  if (ids.length === 0) return [];
  return db
    .select({ slug: communities.slug, name: communities.name })
    .from(communities)
    .where(idIn(sql`${communities.id}`, ids))
    .orderBy(communities.name)
    .limit(200);
}

export interface StarterToolkit {
  collection: { id: string; title: string; description: string } | null;
  items: ResourceListItem[];
}

/**
 * The starter toolkit collection with its items in order. Everyone signed in sees published and
 * endorsed items; the programme team, who look after it, also sees drafts and archived ones.
 */
export async function starterToolkit(db: Db, actor: Actor): Promise<StarterToolkit> {
  const [collection] = await db
    .select({ id: collections.id, title: collections.title, description: collections.description })
    .from(collections)
    .where(and(isNull(collections.communityId), eq(collections.slug, STARTER_TOOLKIT_SLUG)));
  if (!collection) return { collection: null, items: [] };
  const rows = await db
    .select(listColumns)
    .from(collectionItems)
    .innerJoin(resources, eq(resources.id, collectionItems.resourceId))
    .leftJoin(communities, eq(communities.id, resources.communityId))
    .leftJoin(people, eq(people.id, resources.ownerId))
    .where(
      and(
        eq(collectionItems.collectionId, collection.id),
        isProgrammeTeam(actor) ? undefined : sql`${resources.status} in ('published', 'endorsed')`,
      ),
    )
    .orderBy(asc(collectionItems.position), asc(resources.id))
    .limit(200);
  return { collection, items: rows as ResourceListItem[] };
}

/** A starter toolkit item's id by its slug, or null. */
export async function toolkitItemId(db: Db, slug: string): Promise<string | null> {
  const [row] = await db
    .select({ id: resources.id })
    .from(resources)
    .where(and(isNull(resources.communityId), eq(resources.toolkitSlug, slug)));
  return row?.id ?? null;
}
