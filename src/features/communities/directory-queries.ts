import { and, asc, desc, eq, ne, or, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../../platform/db/client.js";
import type { Cursor, Page } from "../../platform/http/pagination.js";
import { toPage } from "../../platform/http/pagination.js";
import type { Actor } from "../../platform/policy.js";
import type { CommunityDirectoryQuery } from "./directory-inputs.js";
import { communities } from "./tables.js";

export const cardColumns = {
  id: communities.id,
  slug: communities.slug,
  name: communities.name,
  tagline: communities.tagline,
  type: communities.type,
  practiceAreas: communities.practiceAreas,
  stage: communities.stage,
  status: communities.status,
  joinPolicy: communities.joinPolicy,
  visibility: communities.visibility,
  contentAccess: communities.contentAccess,
  memberCount: communities.memberCount,
  lastActivityAt: communities.lastActivityAt,
  createdAt: communities.createdAt,
};
export type CommunityCard = {
  id: string;
  slug: string;
  name: string;
  tagline: string;
  type: string;
  practiceAreas: string[];
  stage: string;
  status: string;
  joinPolicy: string;
  visibility: string;
  contentAccess: string;
  memberCount: number;
  lastActivityAt: Date;
  createdAt: Date;
};

// Each sort is a keyset: the column, its direction, and how to read its value back from a cursor.
const sorts = {
  activity: {
    column: communities.lastActivityAt,
    dir: "desc",
    key: (r: CommunityCard) => r.lastActivityAt.toISOString(),
  },
  newest: {
    column: communities.createdAt,
    dir: "desc",
    key: (r: CommunityCard) => r.createdAt.toISOString(),
  },
  size: { column: communities.memberCount, dir: "desc", key: (r: CommunityCard) => r.memberCount },
  name: { column: communities.name, dir: "asc", key: (r: CommunityCard) => r.name },
} as const satisfies Record<
  CommunityDirectoryQuery["sort"],
  { column: PgColumn; dir: "asc" | "desc"; key: (r: CommunityCard) => string | number }
>;

/** The cursor's key as the sort column's type, or null when the cursor was made for another sort. */
function cursorValue(sort: CommunityDirectoryQuery["sort"], key: string | number): unknown {
  if (sort === "activity" || sort === "newest") {
    const date = new Date(String(key));
    return Number.isNaN(date.getTime()) ? null : date;
  }
  if (sort === "size") return typeof key === "number" ? key : null;
  return typeof key === "string" ? key : null;
}

/** The directory's query; the newer filters may be left out (home and search pages do). */
export type DirectorySearch = Omit<CommunityDirectoryQuery, "area" | "stage" | "status"> &
  Partial<Pick<CommunityDirectoryQuery, "area" | "stage" | "status">>;

/** The community directory: listed communities (plus the viewer's own), searched, filtered, keyset-paginated. */
export async function searchCommunities(
  db: Db,
  actor: Actor,
  query: DirectorySearch,
  cursor: Cursor | null,
  limit = 18,
): Promise<Page<CommunityCard>> {
  // Only current memberships count: an invitation or a request does not show an unlisted community.
  const myIds =
    actor.kind === "person"
      ? [...actor.memberships]
          .filter(([, m]) => m.state === "active" || m.state === "on_break")
          .map(([id]) => id)
      : [];
  const conditions: SQL[] = [ne(communities.status, "proposed")];
  const mine = myIds.length
    ? sql`${communities.id} in (${sql.join(
        myIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql`false`;
  if (query.mine === "1") conditions.push(mine);
  else conditions.push(or(eq(communities.visibility, "listed"), mine)!);
  if (query.type) conditions.push(eq(communities.type, query.type));
  if (query.area) conditions.push(sql`${communities.practiceAreas} @> array[${query.area}]::text[]`);
  if (query.stage) conditions.push(eq(communities.stage, query.stage));
  // Closed communities stay findable: shown when the status filter asks for them, and when searching.
  if (query.status) conditions.push(eq(communities.status, query.status));
  else if (!query.q) conditions.push(ne(communities.status, "closed"));
  if (query.q) {
    // Words match the full-text index (name, practice areas, tagline, description); a name fragment
    // such as "secur" still matches by trigram similarity.
    conditions.push(
      or(
        sql`${communities.search} @@ websearch_to_tsquery('english', ${query.q})`,
        sql`${communities.name} ilike ${`%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`}`,
        sql`${communities.practiceAreas} @> array[${query.q.toLowerCase()}]::text[]`,
      )!,
    );
  }
  const sort = sorts[query.sort];
  const back = cursor?.direction === "before";
  // Going back reverses each direction; toPage restores display order.
  const ascending = (sort.dir === "asc") !== back;
  const value = cursor ? cursorValue(query.sort, cursor.key) : null;
  // A cursor from another sort order cannot continue this one: start from the top instead.
  if (cursor && value === null) cursor = null;
  if (cursor) {
    const op = ascending ? sql`>` : sql`<`;
    conditions.push(sql`(${sort.column}, ${communities.id}) ${op} (${value}, ${cursor.id})`);
  }
  const order = ascending
    ? [asc(sort.column), asc(communities.id)]
    : [desc(sort.column), desc(communities.id)];
  const rows = await db
    .select(cardColumns)
    .from(communities)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(limit + 1);
  return toPage(rows, { limit, cursor, keyOf: (row) => ({ key: sort.key(row), id: row.id }) });
}
