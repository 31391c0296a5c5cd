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

/** An event that matched, shown with a host the searcher may read (the main host when they can). */
export interface EventHit {
  id: string;
  title: string;
  titleSnippet: Snippet;
  type: string;
  cancelled: boolean;
  startsAt: Date;
  timeZone: string;
  community: { slug: string; name: string };
  snippet: Snippet;
  url: string;
}

type Row = {
  id: string;
  title: string;
  title_headline: string;
  type: string;
  status: string;
  starts_at: Date | string;
  time_zone: string;
  community_slug: string;
  community_name: string;
  headline: string;
};

/**
 * Events, as `event.view` decides: visible when the content of any host community is readable
 * (`readableCommunities`, so never through an unlisted community the searcher is not in). The
 * lateral join picks the host to name, so a host the searcher may not read is never named.
 * Cancelled events stay findable and are marked. Title and topics weigh most, then the
 * description, then the notes; the recency boost counts from the start (future events get it in full).
 */
function matching(actor: Actor, params: SearchParams) {
  const community = params.communityId ? sql`and c.id = ${params.communityId}` : sql``;
  return sql`
    select e.id, e.title, e.type, e.status, e.starts_at, e.time_zone, e.description, e.notes,
      host.slug as community_slug, host.name as community_name,
      ${boosted(sql`ts_rank_cd(e.search, query.q)`, sql`e.starts_at`, params.now)} as rank
    from events e
      cross join (select websearch_to_tsquery('english', ${params.q}) as q) query
      join lateral (
        select c.slug, c.name from event_hosts h join communities c on c.id = h.community_id
        where h.event_id = e.id and ${readableCommunities(actor, "c")} ${community}
        order by (c.id = e.community_id) desc, c.name
        limit 1
      ) host on true
    where e.search @@ query.q`;
}

export async function searchEvents(
  db: Db,
  actor: Actor,
  params: SearchParams,
): Promise<KindResult<EventHit>> {
  if (actor.kind !== "person" || !params.q) return { items: [], total: 0, atLeast: false };
  const order = params.sort === "newest" ? sql`starts_at desc, id desc` : sql`rank desc, id desc`;
  const [page, count] = await Promise.all([
    db.execute(sql`
      with hits as (${matching(actor, params)} order by ${order} limit ${params.limit} offset ${params.offset})
      select hits.id, hits.title, hits.type, hits.status, hits.starts_at, hits.time_zone,
        hits.community_slug, hits.community_name,
        ts_headline('english', ${headlineSource(sql`hits.title`)}, query.q, ${titleHeadlineOptions}) as title_headline,
        ts_headline('english', ${headlineSource(sql`(hits.description || ' … ' || hits.notes)`)}, query.q, ${headlineOptions}) as headline
      from hits cross join (select websearch_to_tsquery('english', ${params.q}) as q) query
      order by ${order}`),
    db.execute(
      sql`select count(*)::int as n from (${matching(actor, params)} limit ${COUNT_CAP + 1}) capped`,
    ),
  ]);
  const items = rowsOf<Row>(page).map(
    (row): EventHit => ({
      id: row.id,
      title: row.title,
      titleSnippet: toSnippet(row.title_headline),
      type: row.type,
      cancelled: row.status === "cancelled",
      startsAt: asDate(row.starts_at),
      timeZone: row.time_zone,
      community: { slug: row.community_slug, name: row.community_name },
      snippet: toSnippet(row.headline),
      url: `/events/${row.id}`,
    }),
  );
  const n = Number(rowsOf<{ n: number }>(count)[0]?.n ?? 0);
  return { items, total: Math.min(n, COUNT_CAP), atLeast: n > COUNT_CAP };
}
