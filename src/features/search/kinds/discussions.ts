import { sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/client.js";
import type { Actor } from "../../../platform/policy.js";
import type { SearchParams } from "../inputs.js";
import {
  asDate,
  boosted,
  capped,
  countMatches,
  type Hit,
  type HitRow,
  headlineOptions,
  headlineSource,
  hitOf,
  type KindResult,
  noResults,
  queryTable,
  readableCommunities,
  rowsOf,
  titleHeadlineOptions,
} from "./shared.js";

/** A thread or a reply that matched. Replies carry their thread's title and link to their anchor. */
export interface PostHit extends Hit {
  type: "thread" | "reply";
  threadId: string;
  threadKind: string;
  /** For a question thread: it has an accepted answer. For a reply: it is the accepted answer. */
  answered: boolean;
  authorName: string | null;
  communitySlug: string;
  communityName: string;
  createdAt: Date;
}

type Row = HitRow & {
  type: "thread" | "reply";
  thread_id: string;
  thread_kind: string;
  answered: boolean;
  author_name: string | null;
  community_slug: string;
  community_name: string;
  created_at: Date | string;
};

/**
 * Threads and replies that match, as (type, id, created_at, rank) only: the text, titles and names
 * are read afterwards for the page's rows alone. Only from communities whose content the searcher
 * may read (`readableCommunities`), never hidden or deleted posts, never the replies of a hidden or
 * deleted thread (an anti-join against the few withdrawn threads, which has its own partial index):
 * not even for moderators, who use the moderation queue instead. `since` limits the matches to a
 * recent window (see `searchDiscussions`).
 */
function matching(actor: Actor, params: SearchParams, since: Date | null) {
  const community = params.communityId ? sql`and c.id = ${params.communityId}` : sql``;
  const threadsSince = since ? sql`and t.created_at >= ${since}` : sql``;
  const repliesSince = since ? sql`and r.created_at >= ${since}` : sql``;
  const now = params.now;
  return sql`
    with allowed as (
      select c.id from communities c where ${readableCommunities(actor, "c")} ${community}
    ), query as (select websearch_to_tsquery('english', ${params.q}) as q)
    select 'thread' as type, t.id, t.created_at,
      ${boosted(sql`ts_rank_cd(t.search, query.q)`, sql`t.created_at`, now)} as rank
    from threads t cross join query
    where t.search @@ query.q and t.community_id in (select id from allowed)
      and t.hidden_at is null and t.deleted_at is null ${threadsSince}
    union all
    select 'reply' as type, r.id, r.created_at,
      ${boosted(sql`ts_rank_cd(r.search, query.q)`, sql`r.created_at`, now)} as rank
    from replies r cross join query
    where r.search @@ query.q and r.community_id in (select id from allowed)
      and r.hidden_at is null and r.deleted_at is null ${repliesSince}
      and r.thread_id not in (select w.id from threads w where w.hidden_at is not null or w.deleted_at is not null)`;
}

/** One page of matches since `since` (null: all), with the texts, names and snippets, and how many matched in all. */
async function pageOfMatches(db: Db, actor: Actor, params: SearchParams, since: Date | null) {
  const order = params.sort === "newest" ? sql`created_at desc, id desc` : sql`rank desc, id desc`;
  const result = await db.execute(sql`
    with hits as (
      select *, count(*) over () as matched from (${matching(actor, params, since)}) m
      order by ${order} limit ${params.limit} offset ${params.offset}
    ), posts as (
      select hits.type, hits.id, hits.created_at, hits.rank, hits.matched,
        coalesce(r.thread_id, hits.id) as thread_id, coalesce(r.body, t0.body) as body,
        coalesce(r.author_id, t0.author_id) as author_id
      from hits
      left join replies r on hits.type = 'reply' and r.id = hits.id
      left join threads t0 on hits.type = 'thread' and t0.id = hits.id
    )
    select posts.type, posts.id, posts.thread_id, posts.matched, t.title, t.kind as thread_kind,
      case when posts.type = 'thread' then (t.kind = 'question' and t.accepted_reply_id is not null)
        else t.accepted_reply_id = posts.id end as answered,
      posts.created_at, c.slug as community_slug, c.name as community_name, p.name as author_name,
      ts_headline('english', ${headlineSource(sql`t.title`)}, query.q, ${titleHeadlineOptions}) as title_headline,
      ts_headline('english', ${headlineSource(sql`posts.body`)}, query.q, ${headlineOptions}) as headline
    from posts
    join threads t on t.id = posts.thread_id
    join communities c on c.id = t.community_id
    cross join ${queryTable(params.q)}
    left join people p on p.id = posts.author_id
    order by ${order}`);
  const rows = rowsOf<Row & { matched: number | string }>(result);
  return { rows, matched: Number(rows[0]?.matched ?? 0) };
}

/** Recent windows tried, in days, before ranking every match. */
const WINDOWS = [30, 365];
/** A window serves a page when it holds at least this many matches (ten pages) and the page asked for. */
const WINDOW_MIN = 200;

/**
 * Ranking every match of a common word ("payroll" in 75,000 of a million posts) reads and ranks
 * every one of them: half a second on its own, seconds under load. So when the capped count finds
 * more than WINDOW_MIN matches, a page is first looked for among the matches of the last 30 days
 * (then of the last year), which btree indexes on `created_at` make cheap, and that window is used
 * when it holds at least WINDOW_MIN of them; otherwise everything is ranked. With the recency boost
 * an older post seldom outranks the recent ones; "newest first" is exact; pages deeper than a
 * window holds, and rare terms, rank everything.
 */
export async function searchDiscussions(
  db: Db,
  actor: Actor,
  params: SearchParams,
): Promise<KindResult<PostHit>> {
  if (actor.kind !== "person" || !params.q) return noResults();
  const needed = params.offset + params.limit;
  const n = await countMatches(db, matching(actor, params, null));
  if (n === 0) return noResults();
  // A rare term (few matches in all) is ranked in full at once: a window would not be cheaper.
  const windows = n > WINDOW_MIN && needed <= WINDOW_MIN ? WINDOWS : [];
  let page: Awaited<ReturnType<typeof pageOfMatches>> | null = null;
  for (const days of windows) {
    const found = await pageOfMatches(db, actor, params, new Date(params.now.getTime() - days * 86_400_000));
    if (found.matched >= WINDOW_MIN) {
      page = found;
      break;
    }
  }
  page ??= await pageOfMatches(db, actor, params, null);
  const items = page.rows.map((row): PostHit => {
    const base = `/communities/${row.community_slug}/discussions/${row.thread_id}`;
    return {
      ...hitOf(row, row.type === "reply" ? `${base}#reply-${row.id}` : base),
      type: row.type,
      threadId: row.thread_id,
      threadKind: row.thread_kind,
      answered: Boolean(row.answered),
      authorName: row.author_name,
      communitySlug: row.community_slug,
      communityName: row.community_name,
      createdAt: asDate(row.created_at),
    };
  });
  return capped(items, n);
}
