// The large demo's bulk discussions (about a million posts by default) for the benchmark, made on
// the database server with generate_series rather than shipped row by row from Node. Its working
// tables are ordinary (unlogged) ones, not temporary, because each statement may use another
// pooled connection; they are dropped at the end.
// The text is
// pseudo-random but deterministic: every word comes from md5 of the post's number, so the same
// count gives the same posts. Ids look like uuidv7 (time first) so keyset order behaves as in use.

import type { Database } from "../platform/db/client.js";
import { progress } from "../platform/progress.js";

/** Words most posts use: the benchmark's "common term" search is `COMMON_WORD`. */
const WORDS = [
  "meeting",
  "deadline",
  "template",
  "policy",
  "budget",
  "report",
  "review",
  "colleague",
  "student",
  "contract",
  "process",
  "system",
  "training",
  "guidance",
  "calendar",
  "approval",
  "request",
  "form",
  "spreadsheet",
  "committee",
  "project",
  "team",
  "manager",
  "service",
  "change",
  "update",
  "question",
  "answer",
  "problem",
  "solution",
  "workshop",
  "document",
  "library",
  "research",
  "finance",
  "invoice",
  "payroll",
  "recruitment",
  "onboarding",
  "timetable",
  "assessment",
  "exam",
  "records",
  "data",
  "access",
  "account",
  "password",
  "laptop",
  "printer",
  "room",
  "booking",
  "travel",
  "expenses",
  "leave",
  "holiday",
  "induction",
  "handbook",
  "checklist",
  "feedback",
  "survey",
  "newsletter",
  "website",
  "accessibility",
  "content",
  "writing",
  "editing",
  "design",
  "testing",
  "release",
  "server",
  "cloud",
  "backup",
  "security",
  "incident",
  "risk",
  "audit",
  "compliance",
  "governance",
  "minutes",
  "agenda",
  "diary",
  "visitor",
  "event",
  "conference",
  "seminar",
  "lecture",
  "module",
  "programme",
  "funding",
  "grant",
  "proposal",
  "supplier",
  "procurement",
  "estate",
  "building",
  "energy",
  "recycling",
  "wellbeing",
  "mentoring",
  "coaching",
  "career",
  "promotion",
  "appraisal",
  "objective",
  "plan",
  "risk",
  "priority",
  "weekly",
  "monthly",
  "quarterly",
  "annual",
  "early",
  "late",
  "quick",
  "simple",
  "shared",
  "new",
  "old",
  "better",
  "clear",
  "useful",
  "tricky",
  "urgent",
  "careful",
  "friendly",
  "helpful",
  "local",
];
/** In about one post in fifty thousand: the benchmark's "rare term". */
export const RARE_WORD = "quokka";
export const COMMON_WORD = "payroll";
export const LONG_THREAD_TITLE = "A long conversation about shared calendars";
export const LONG_THREAD_REPLIES = 200;

const TAGS = [
  "payroll",
  "onboarding",
  "timetabling",
  "accessibility",
  "automation",
  "data",
  "governance",
  "project management",
  "templates",
  "security",
  "training",
  "events",
  "finance",
  "records",
];

const DEMO_NOW = "2026-11-01T09:00:00Z";

export function bulkPostCount(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CONVENE_BENCH_POSTS?.trim();
  if (!raw) return 1_000_000;
  const value = Number(raw.replace(/[_,]/g, ""));
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`CONVENE_BENCH_POSTS must be a whole number, not "${raw}"`);
  return value;
}

const sqlArray = (words: readonly string[]) =>
  `array[${words.map((w) => `'${w.replace(/'/g, "''")}'`).join(",")}]::text[]`;

// A word picked by 7 bits of a 60-bit hash `h`, slot k (0-7).
const word = (h: string, k: number) => `(w.a)[1 + ((${h} >> ${k * 7}) & 127) % w.n]`;
const sentence = (h: string, from: number, count: number) =>
  `concat_ws(' ', ${Array.from({ length: count }, (_, k) => word(h, (from + k) % 8)).join(", ")})`;
// A uuidv7-shaped id: 48 bits of milliseconds, then md5 of a salt and the number.
const uuidAt = (ms: string, salt: string) =>
  `(lpad(to_hex((${ms})::bigint), 12, '0') || substr(md5('${salt}' || g), 1, 20))`;
const formatUuid = (hex: string) =>
  `(substr(${hex}, 1, 8) || '-' || substr(${hex}, 9, 4) || '-7' || substr(${hex}, 14, 3) || '-8' || substr(${hex}, 18, 3) || '-' || substr(${hex}, 21, 12))`;

/**
 * Adds `posts` posts (threads and replies, about one thread in ten) to the active communities, each
 * by one of its members, weighted by size; plus one thread with exactly 200 replies in the largest
 * listed community. Counters, accepted answers and communities' last activity are set to match.
 */
export async function seedBulkPosts(database: Database, posts: number, quiet = false): Promise<number> {
  if (posts <= 0) return 0;
  const started = Date.now();
  const threadCount = Math.max(1, Math.round(posts / 10));
  const replyCount = Math.max(0, posts - threadCount - 1 - LONG_THREAD_REPLIES);
  const bar = quiet ? null : progress(`Writing ${posts.toLocaleString("en-GB")} discussion posts`, posts);
  const run = (text: string) => database.exec(text);
  const now = `extract(epoch from timestamptz '${DEMO_NOW}') * 1000`;

  await run(`
    drop table if exists bench_words, bench_members, bench_thread_ids;
    create unlogged table bench_words as select ${sqlArray(WORDS)} as a, ${WORDS.length} as n, ${sqlArray(TAGS)} as tags, ${TAGS.length} as ntags;
    -- Every active member of an active community, numbered overall (k) and within the community (n).
    create unlogged table bench_members as
      select (row_number() over (order by m.community_id, m.person_id) - 1)::bigint as k,
             (row_number() over (partition by m.community_id order by m.person_id) - 1)::int as n,
             count(*) over (partition by m.community_id)::int as size,
             m.community_id, m.person_id
      from memberships m join communities c on c.id = m.community_id
      where m.state = 'active' and c.status = 'active';
    create unique index on bench_members (k);
    create unique index on bench_members (community_id, n);
    analyze bench_members;
  `);

  // Threads, in batches so progress shows. h: 60 bits of md5 of the number.
  const BATCH = 20_000;
  const threadHash = `('x' || substr(md5('t' || g), 1, 15))::bit(60)::bigint`;
  const threadMs = `(${now} - (60000 + (${threadHash} % 63072000000)))`; // within the last two years
  for (let from = 0; from < threadCount; from += BATCH) {
    const to = Math.min(threadCount, from + BATCH) - 1;
    await run(`
      insert into threads (id, community_id, author_id, kind, title, body, tags, last_activity_at, created_at, updated_at)
      select ${formatUuid(uuidAt("ms", "t"))}, m.community_id, m.person_id,
             case when h % 10 < 4 then 'question' when h % 97 = 0 then 'announcement' else 'discussion' end,
             upper(left(${sentence("h", 0, 6)}, 1)) || substr(${sentence("h", 0, 6)}, 2) || case when h % 10 < 4 then '?' else '' end,
             ${sentence("h", 2, 8)} || '. ' || ${sentence("h2", 0, 8)} || case when g % 50000 = 7 then ' ${RARE_WORD}' else '' end || '.',
             array_remove(array[(w.tags)[1 + h2 % w.ntags], case when h2 % 3 = 0 then (w.tags)[1 + (h2 >> 8) % w.ntags] end], null),
             to_timestamp(ms / 1000.0), to_timestamp(ms / 1000.0), to_timestamp(ms / 1000.0)
      from (select g, ${threadHash} as h, ('x' || substr(md5('u' || g), 1, 15))::bit(60)::bigint as h2, ${threadMs} as ms
            from generate_series(${from}, ${to}) as g) s
      cross join bench_words w
      join bench_members m on m.k = s.h % (select count(*) from bench_members);
    `);
    bar?.advance(to - from + 1);
  }

  // Replies: each picks a thread (skewed towards a few busy ones) and a member of its community.
  await run(`
    create unlogged table bench_thread_ids as
      select (row_number() over (order by id) - 1)::bigint as t, id, community_id, created_at from threads;
    create unique index on bench_thread_ids (t);
  `);
  const replyHash = `('x' || substr(md5('r' || g), 1, 15))::bit(60)::bigint`;
  for (let from = 0; from < replyCount; from += BATCH * 2) {
    const to = Math.min(replyCount, from + BATCH * 2) - 1;
    await run(`
      insert into replies (id, thread_id, community_id, author_id, body, created_at, updated_at)
      select ${formatUuid(uuidAt("ms", "r"))}, t.id, t.community_id, m.person_id,
             ${sentence("h", 1, 7)} || '. ' || ${sentence("h", 4, 6)} || case when g % 50000 = 11 then ' ${RARE_WORD}' else '' end || '.',
             to_timestamp(ms / 1000.0), to_timestamp(ms / 1000.0)
      from (select g, h, t.id, t.community_id,
                   least(${now} - 60000, extract(epoch from t.created_at) * 1000 + 60000 + (h >> 20) % 1728000000) as ms
            from (select g, ${replyHash} as h from generate_series(${from}, ${to}) as g) r
            join bench_thread_ids t on t.t = floor((select count(*) from bench_thread_ids) * power(((r.h >> 30) & 1048575) / 1048576.0, 1.6))::bigint) t
      cross join bench_words w
      join bench_members m on m.community_id = t.community_id
       and m.n = t.h % (select size from bench_members x where x.community_id = t.community_id limit 1);
    `);
    bar?.advance(to - from + 1);
  }

  // The benchmark's long thread: exactly 200 replies, in the largest listed community whose content
  // every member of staff may read (so the signed-in admin sees it without joining).
  await run(`
    with c as (
      select id from communities where visibility = 'listed' and status = 'active' and content_access = 'staff'
      order by member_count desc, slug limit 1
    ), author as (
      select m.person_id from bench_members m join c on c.id = m.community_id order by m.n limit 1
    )
    insert into threads (id, community_id, author_id, kind, title, body, tags, last_activity_at, created_at, updated_at)
    select ${formatUuid(uuidAt(`${now} - 30 * 86400000::bigint`, "long"))}, c.id, author.person_id, 'discussion',
           '${LONG_THREAD_TITLE}', 'How does your team share one calendar across sites? Tell us what works.',
           array['calendars'], timestamptz '${DEMO_NOW}' - interval '30 days', timestamptz '${DEMO_NOW}' - interval '30 days',
           timestamptz '${DEMO_NOW}' - interval '30 days'
    from c, author, (select 1 as g) one;
    insert into replies (id, thread_id, community_id, author_id, body, created_at, updated_at)
    select ${formatUuid(uuidAt(`extract(epoch from t.created_at) * 1000 + g * 3600000::bigint`, "long-reply"))}, t.id, t.community_id, m.person_id,
           ${sentence("h", 0, 8)} || '.', t.created_at + g * interval '1 hour', t.created_at + g * interval '1 hour'
    from (select g, ('x' || substr(md5('l' || g), 1, 15))::bit(60)::bigint as h from generate_series(1, ${LONG_THREAD_REPLIES}) g) s
    cross join bench_words w
    join threads t on t.title = '${LONG_THREAD_TITLE}'
    join bench_members m on m.community_id = t.community_id
     and m.n = s.h % (select size from bench_members x where x.community_id = t.community_id limit 1);
  `);
  bar?.advance(1 + LONG_THREAD_REPLIES);

  // Counters from the replies; six in ten answered questions accept their first reply.
  await run(`
    update threads t set reply_count = r.n, first_reply_at = r.first, last_activity_at = r.last, updated_at = r.last,
           accepted_reply_id = case when t.kind = 'question' and ('x' || substr(md5(t.id), 1, 4))::bit(16)::int % 10 < 6 then r.first_id end,
           accepted_at = case when t.kind = 'question' and ('x' || substr(md5(t.id), 1, 4))::bit(16)::int % 10 < 6 then r.first + interval '2 hours' end
    from (select thread_id, count(*)::int as n, min(created_at) as first, max(created_at) as last, min(id) as first_id
          from replies group by thread_id) r
    where r.thread_id = t.id;
    update threads set accepted_at = least(accepted_at, timestamptz '${DEMO_NOW}') where accepted_at > timestamptz '${DEMO_NOW}';
    update communities c set last_activity_at = greatest(c.last_activity_at, x.last)
    from (select community_id, max(last_activity_at) as last from threads group by community_id) x
    where x.community_id = c.id and c.status = 'active';
    drop table bench_words, bench_members, bench_thread_ids;
  `);
  bar?.finish();
  return Date.now() - started;
}
