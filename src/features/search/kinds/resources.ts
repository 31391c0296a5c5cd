import { sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/client.js";
import type { Actor } from "../../../platform/policy.js";
import type { SearchParams } from "../inputs.js";
import {
  asDate,
  boosted,
  COUNT_CAP,
  headlineOptions,
  headlineSource,
  type KindResult,
  readableCommunities,
  rowsOf,
  type Snippet,
  titleHeadlineOptions,
  toSnippet,
} from "./shared.js";

/** A resource that matched: a community's, or (community null) an item of the starter toolkit. */
export interface ResourceHit {
  id: string;
  title: string;
  titleSnippet: Snippet;
  kind: string;
  status: "published" | "endorsed";
  community: { slug: string; name: string } | null;
  lastEditedAt: Date;
  snippet: Snippet;
  url: string;
}

type Row = {
  id: string;
  title: string;
  title_headline: string;
  kind: string;
  status: "published" | "endorsed";
  community_slug: string | null;
  community_name: string | null;
  last_edited_at: Date | string;
  headline: string;
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
      cross join (select websearch_to_tsquery('english', ${params.q}) as q) query
    where r.search @@ query.q and r.status in ('published', 'endorsed')
      and ${community} and (r.community_id is null or ${readableCommunities(actor, "c")})`;
}

export async function searchResources(
  db: Db,
  actor: Actor,
  params: SearchParams,
): Promise<KindResult<ResourceHit>> {
  if (actor.kind !== "person" || !params.q) return { items: [], total: 0, atLeast: false };
  const order = params.sort === "newest" ? sql`last_edited_at desc, id desc` : sql`rank desc, id desc`;
  const [page, count] = await Promise.all([
    db.execute(sql`
      with hits as (${matching(actor, params)} order by ${order} limit ${params.limit} offset ${params.offset})
      select hits.id, hits.title, hits.kind, hits.status, hits.last_edited_at, hits.community_slug, hits.community_name,
        ts_headline('english', ${headlineSource(sql`hits.title`)}, query.q, ${titleHeadlineOptions}) as title_headline,
        ts_headline('english', ${headlineSource(sql`(hits.summary || ' … ' || hits.body)`)}, query.q, ${headlineOptions}) as headline
      from hits cross join (select websearch_to_tsquery('english', ${params.q}) as q) query
      order by ${order}`),
    db.execute(
      sql`select count(*)::int as n from (${matching(actor, params)} limit ${COUNT_CAP + 1}) capped`,
    ),
  ]);
  const items = rowsOf<Row>(page).map(
    (row): ResourceHit => ({
      id: row.id,
      title: row.title,
      titleSnippet: toSnippet(row.title_headline),
      kind: row.kind,
      status: row.status,
      community:
        row.community_slug && row.community_name
          ? { slug: row.community_slug, name: row.community_name }
          : null,
      lastEditedAt: asDate(row.last_edited_at),
      snippet: toSnippet(row.headline),
      url: `/resources/${row.id}`,
    }),
  );
  const n = Number(rowsOf<{ n: number }>(count)[0]?.n ?? 0);
  return { items, total: Math.min(n, COUNT_CAP), atLeast: n > COUNT_CAP };
}
