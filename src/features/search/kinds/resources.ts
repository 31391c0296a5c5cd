import { sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/client.js";
import type { Actor } from "../../../platform/policy.js";
import type { SearchParams } from "../inputs.js";
import {
  asDate,
  boosted,
  type Hit,
  type HitRow,
  hitOf,
  type KindResult,
  noResults,
  pageOfHits,
  queryTable,
  readableCommunities,
} from "./shared.js";

/** A resource that matched: a community's, or (community null) an item of the starter toolkit. */
export interface ResourceHit extends Hit {
  kind: string;
  status: "published" | "endorsed";
  community: { slug: string; name: string } | null;
  lastEditedAt: Date;
}

type Row = HitRow & {
  kind: string;
  status: "published" | "endorsed";
  community_slug: string | null;
  community_name: string | null;
  last_edited_at: Date | string;
};

/**
 * Published and endorsed resources (never drafts or archived ones) from communities whose content
 * the searcher may read (`readableCommunities`, as for threads), and the starter toolkit, which
 * every signed-in person may read. Title and tags weigh most, then the summary, then the body
 * (the generated `search` column); the agreed good practice (endorsed) ranks a little higher.
 */
function matching(actor: Actor, params: SearchParams) {
  const community = params.communityId ? sql`r.community_id = ${params.communityId}` : sql`true`;
  return sql`
    select r.id, r.title, r.kind, r.status, r.last_edited_at, r.summary, r.body,
      c.slug as community_slug, c.name as community_name,
      ${boosted(sql`(ts_rank_cd(r.search, query.q) * case when r.status = 'endorsed' then 1.25 else 1 end)`, sql`r.last_edited_at`, params.now)} as rank
    from resources r left join communities c on c.id = r.community_id
      cross join ${queryTable(params.q)}
    where r.search @@ query.q and r.status in ('published', 'endorsed')
      and ${community} and (r.community_id is null or ${readableCommunities(actor, "c")})`;
}

export async function searchResources(
  db: Db,
  actor: Actor,
  params: SearchParams,
): Promise<KindResult<ResourceHit>> {
  if (actor.kind !== "person" || !params.q) return noResults();
  const found = await pageOfHits<Row>(db, params, {
    matching: () => matching(actor, params),
    order: params.sort === "newest" ? sql`last_edited_at desc, id desc` : sql`rank desc, id desc`,
    columns: sql`hits.id, hits.title, hits.kind, hits.status, hits.last_edited_at, hits.community_slug, hits.community_name`,
    title: sql`hits.title`,
    text: sql`(hits.summary || ' … ' || hits.body)`,
  });
  const items = found.items.map(
    (row): ResourceHit => ({
      ...hitOf(row, `/resources/${row.id}`),
      kind: row.kind,
      status: row.status,
      community:
        row.community_slug && row.community_name
          ? { slug: row.community_slug, name: row.community_name }
          : null,
      lastEditedAt: asDate(row.last_edited_at),
    }),
  );
  return { ...found, items };
}
