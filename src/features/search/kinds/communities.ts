import { and, desc, or, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/client.js";
import type { Actor } from "../../../platform/policy.js";
import { type CommunityCard, cardColumns } from "../../communities/directory-queries.js";
import { communities } from "../../communities/tables.js";
import type { SearchParams } from "../inputs.js";
import { boosted, COUNT_CAP, capped, findableCommunities, type KindResult, noResults } from "./shared.js";

/**
 * Communities as the directory finds them (listed ones, and unlisted ones only for their members;
 * closed ones stay findable), ranked by relevance with the same recency boost (on last activity).
 * A name fragment ("secur") still matches, as in the directory.
 */
function conditions(actor: Actor, params: SearchParams) {
  const fragment = `%${params.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  return and(
    findableCommunities(actor),
    params.communityId ? sql`${communities.id} = ${params.communityId}` : undefined,
    or(
      sql`${communities.search} @@ websearch_to_tsquery('english', ${params.q})`,
      sql`${communities.name} ilike ${fragment}`,
      sql`${communities.practiceAreas} @> array[${params.q.toLowerCase()}]::text[]`,
    ),
  );
}

export async function searchCommunityHits(
  db: Db,
  actor: Actor,
  params: SearchParams,
): Promise<KindResult<CommunityCard>> {
  if (!params.q) return noResults();
  const where = conditions(actor, params);
  // A name match outranks a word deep in a description.
  const rank = boosted(
    sql`(ts_rank_cd(${communities.search}, websearch_to_tsquery('english', ${params.q})) + case when ${communities.name} ilike ${`%${params.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`} then 1 else 0 end)`,
    sql`${communities.lastActivityAt}`,
    params.now,
  );
  const order =
    params.sort === "newest"
      ? [desc(communities.createdAt), desc(communities.id)]
      : [desc(rank), desc(communities.id)];
  const [items, count] = await Promise.all([
    db
      .select(cardColumns)
      .from(communities)
      .where(where)
      .orderBy(...order)
      .limit(params.limit)
      .offset(params.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(
      db
        .select({ id: communities.id })
        .from(communities)
        .where(where)
        .limit(COUNT_CAP + 1)
        .as("capped"),
    ),
  ]);
  const n = Number(count[0]?.n ?? 0);
  return capped(items, n);
}
