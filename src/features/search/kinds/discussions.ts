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

/** A thread or a reply that matched. Replies carry their thread's title and link to their anchor. */
export interface PostHit {
  type: "thread" | "reply";
  id: string;
  threadId: string;
  title: string;
  titleSnippet: Snippet;
  threadKind: string;
  /** For a question thread: it has an accepted answer. For a reply: it is the accepted answer. */
  answered: boolean;
  authorName: string | null;
  communitySlug: string;
  communityName: string;
  createdAt: Date;
  snippet: Snippet;
  url: string;
}

type Row = {
  type: "thread" | "reply";
  id: string;
  thread_id: string;
  title: string;
  title_headline: string;
  thread_kind: string;
  answered: boolean;
  author_name: string | null;
  community_slug: string;
  community_name: string;
  created_at: Date | string;
  headline: string;
};

/**
 * Threads and replies together, in one ranked list. Only from communities whose content the
 * searcher may read (`readableCommunities`), never hidden or deleted posts, never the replies of a
 * hidden or deleted thread: not even for moderators, who use the moderation queue instead.
 * Uses the generated `search` columns and their GIN indexes; snippets are made only for the page's
 * rows (the outer query), because ts_headline re-reads the text.
 */
function matching(actor: Actor, params: SearchParams) {
  const community = params.communityId ? sql`and c.id = ${params.communityId}` : sql``;
  const now = params.now;
  return sql`
    with allowed as (
      select c.id, c.slug, c.name from communities c
      where ${readableCommunities(actor, "c")} ${community}
    ), query as (select websearch_to_tsquery('english', ${params.q}) as q)
    select 'thread' as type, t.id, t.id as thread_id, t.title, t.kind as thread_kind,
      (t.kind = 'question' and t.accepted_reply_id is not null) as answered,
      t.author_id, t.created_at, t.body as body, a.slug as community_slug, a.name as community_name,
      ${boosted(sql`ts_rank_cd(t.search, query.q)`, sql`t.created_at`, now)} as rank
    from threads t join allowed a on a.id = t.community_id cross join query
    where t.search @@ query.q and t.hidden_at is null and t.deleted_at is null
    union all
    select 'reply' as type, r.id, t.id as thread_id, t.title, t.kind as thread_kind,
      (t.accepted_reply_id = r.id) as answered,
      r.author_id, r.created_at, r.body as body, a.slug as community_slug, a.name as community_name,
      ${boosted(sql`ts_rank_cd(r.search, query.q)`, sql`r.created_at`, now)} as rank
    from replies r join allowed a on a.id = r.community_id join threads t on t.id = r.thread_id cross join query
    where r.search @@ query.q and r.hidden_at is null and r.deleted_at is null
      and t.hidden_at is null and t.deleted_at is null`;
}

export async function searchDiscussions(
  db: Db,
  actor: Actor,
  params: SearchParams,
): Promise<KindResult<PostHit>> {
  if (actor.kind !== "person" || !params.q) return { items: [], total: 0, atLeast: false };
  const order = params.sort === "newest" ? sql`created_at desc, id desc` : sql`rank desc, id desc`;
  const [page, count] = await Promise.all([
    db.execute(sql`
      with hits as (${matching(actor, params)} order by ${order} limit ${params.limit} offset ${params.offset})
      select hits.type, hits.id, hits.thread_id, hits.title, hits.thread_kind, hits.answered,
        hits.created_at, hits.community_slug, hits.community_name, p.name as author_name,
        ts_headline('english', ${headlineSource(sql`hits.title`)}, query.q, ${titleHeadlineOptions}) as title_headline,
        ts_headline('english', ${headlineSource(sql`hits.body`)}, query.q, ${headlineOptions}) as headline
      from hits cross join (select websearch_to_tsquery('english', ${params.q}) as q) query
      left join people p on p.id = hits.author_id
      order by ${order}`),
    db.execute(
      sql`select count(*)::int as n from (${matching(actor, params)} limit ${COUNT_CAP + 1}) capped`,
    ),
  ]);
  const items = rowsOf<Row>(page).map((row): PostHit => {
    const base = `/communities/${row.community_slug}/discussions/${row.thread_id}`;
    return {
      type: row.type,
      id: row.id,
      threadId: row.thread_id,
      title: row.title,
      titleSnippet: toSnippet(row.title_headline),
      threadKind: row.thread_kind,
      answered: Boolean(row.answered),
      authorName: row.author_name,
      communitySlug: row.community_slug,
      communityName: row.community_name,
      createdAt: asDate(row.created_at),
      snippet: toSnippet(row.headline),
      url: row.type === "reply" ? `${base}#reply-${row.id}` : base,
    };
  });
  const n = Number(rowsOf<{ n: number }>(count)[0]?.n ?? 0);
  return { items, total: Math.min(n, COUNT_CAP), atLeast: n > COUNT_CAP };
}
