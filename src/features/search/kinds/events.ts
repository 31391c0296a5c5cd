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

/** An event that matched, shown with a host the searcher may read (the main host when they can). */
export interface EventHit extends Hit {
  type: string;
  cancelled: boolean;
  startsAt: Date;
  timeZone: string;
  community: { slug: string; name: string };
}

type Row = HitRow & {
  type: string;
  status: string;
  starts_at: Date | string;
  time_zone: string;
  community_slug: string;
  community_name: string;
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
      cross join ${queryTable(params.q)}
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
  if (actor.kind !== "person" || !params.q) return noResults();
  const found = await pageOfHits<Row>(db, params, {
    matching: () => matching(actor, params),
    order: params.sort === "newest" ? sql`starts_at desc, id desc` : sql`rank desc, id desc`,
    columns: sql`hits.id, hits.title, hits.type, hits.status, hits.starts_at, hits.time_zone,
        hits.community_slug, hits.community_name`,
    title: sql`hits.title`,
    text: sql`(hits.description || ' … ' || hits.notes)`,
  });
  const items = found.items.map(
    (row): EventHit => ({
      ...hitOf(row, `/events/${row.id}`),
      type: row.type,
      cancelled: row.status === "cancelled",
      startsAt: asDate(row.starts_at),
      timeZone: row.time_zone,
      community: { slug: row.community_slug, name: row.community_name },
    }),
  );
  return { ...found, items };
}
