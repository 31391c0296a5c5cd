import assert from "node:assert/strict";
import { after, test } from "node:test";
import { and, eq, sql } from "drizzle-orm";
import { createTestDatabase } from "../../test/support/database.js";
import { charterVersions } from "../features/charter/tables.js";
import { communities } from "../features/communities/tables.js";
import { events as eventsTable } from "../features/events/tables.js";
import { stageChanges } from "../features/lifecycle/tables.js";
import { memberships } from "../features/memberships/tables.js";
import { people } from "../features/people/tables.js";
import { programmeOverview } from "../features/programme/queries.js";
import { sweepDormancy } from "../features/programme/service.js";
import { proposalInterest, proposals } from "../features/proposals/tables.js";
import { seedDemo } from "./seed.js";

const database = await createTestDatabase();
after(() => database.drop());
const { db } = database;

test("the small demo seeds quickly, with the whole story", async () => {
  const started = Date.now();
  const org = await seedDemo(database, { seed: 42, size: "small", emailDomain: "convene.test", quiet: true });
  const ms = Date.now() - started;
  assert.ok(ms < 60_000, `seeding took ${ms} ms`);

  const statuses = await db
    .select({ slug: communities.slug, status: communities.status, count: communities.memberCount })
    .from(communities);
  const bySlug = new Map(statuses.map((row) => [row.slug, row]));
  assert.equal(bySlug.get("sustainability-champions")?.status, "dormant");
  assert.equal(bySlug.get("print-and-post-users")?.status, "closed");
  assert.equal(statuses.filter((row) => row.status === "active").length, org.communities.length - 2);

  // Member counts are current members only.
  const [counted] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .innerJoin(communities, eq(communities.id, memberships.communityId))
    .where(
      and(
        eq(communities.slug, "executive-and-personal-assistants"),
        sql`${memberships.state} in ('active', 'on_break')`,
      ),
    );
  assert.equal(bySlug.get("executive-and-personal-assistants")?.count, counted?.n);

  const member = await db.select().from(people).where(eq(people.handle, org.accounts[3]!.personHandle));
  const invited = await db
    .select({ state: memberships.state })
    .from(memberships)
    .where(eq(memberships.personId, member[0]!.id));
  assert.ok(invited.some((row) => row.state === "invited"));
  assert.equal((await db.select().from(charterVersions)).length, 10);
  assert.ok((await db.select().from(stageChanges)).length >= 15);
  assert.equal((await db.select().from(proposals)).length, 2);
  assert.ok((await db.select().from(proposalInterest)).length >= 6);

  // Discussions: counters agree with the replies, accepted answers are in their own thread, every
  // post is by a member of its community, and the evidence is in the activity log.
  const rowsOf = async <T>(query: ReturnType<typeof sql>) =>
    ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
  const [inconsistent] = await rowsOf<Record<string, number>>(sql`
      select
        (select count(*)::int from threads t where t.reply_count <> (select count(*) from replies r where r.thread_id = t.id)
           or t.first_reply_at is distinct from (select min(created_at) from replies r where r.thread_id = t.id)
           or t.last_activity_at < coalesce((select max(created_at) from replies r where r.thread_id = t.id), t.created_at)) as counters,
        (select count(*)::int from threads t where t.accepted_reply_id is not null
           and not exists (select 1 from replies r where r.id = t.accepted_reply_id and r.thread_id = t.id)) as answers,
        (select count(*)::int from threads t where not exists (select 1 from memberships m where m.community_id = t.community_id and m.person_id = t.author_id and m.state = 'active')) as thread_authors,
        (select count(*)::int from replies r where not exists (select 1 from memberships m where m.community_id = r.community_id and m.person_id = r.author_id and m.state = 'active')) as reply_authors,
        (select count(*)::int from threads) as threads,
        (select count(*)::int from threads where accepted_reply_id is not null) as accepted,
        (select count(*)::int from activity_events where verb = 'answer.accepted') as accepted_events,
        (select count(*)::int from activity_events where verb = 'thread.created') as thread_events,
        (select count(*)::int from reactions) as reactions,
        (select count(*)::int from activity_events where verb = 'reaction.added') as reaction_events
    `);
  assert.deepEqual(
    { ...inconsistent, threads: 0, accepted: 0, reactions: 0 },
    {
      counters: 0,
      answers: 0,
      thread_authors: 0,
      reply_authors: 0,
      threads: 0,
      accepted: 0,
      accepted_events: inconsistent!.accepted,
      thread_events: org.threads.length,
      reactions: 0,
      reaction_events: inconsistent!.reactions,
    },
  );
  assert.equal(inconsistent!.threads, org.threads.length);
  const [expert] = await rowsOf<{ handle: string; n: number }>(sql`
      select p.handle, count(*)::int as n from activity_events e join people p on p.id = e.data->>'answererId'
      where e.verb = 'answer.accepted' and e.data->'tags' ? 'payroll' group by p.handle order by n desc limit 1`);
  assert.deepEqual(expert, { handle: org.payrollExpertHandle, n: 3 });

  // Events: counters agree with the rows, every answer is from a member of a hosting community,
  // and the programme has a series, outputs, a waitlist, a board and a cancelled occurrence.
  const [events] = await rowsOf<Record<string, number>>(sql`
      select
        (select count(*)::int from events e where e.going_count <> (select count(*) from event_rsvps r where r.event_id = e.id and r.status = 'going')
           or e.waitlist_count <> (select count(*) from event_rsvps r where r.event_id = e.id and r.status = 'waitlisted')
           or e.going_count > coalesce(e.capacity, e.going_count)) as counters,
        (select count(*)::int from session_proposals p where p.vote_count <> (select count(*) from session_votes v where v.proposal_id = p.id)) as votes,
        (select count(*)::int from event_rsvps r where not exists (select 1 from event_hosts h join memberships m on m.community_id = h.community_id
           where h.event_id = r.event_id and m.person_id = r.person_id and m.state = 'active')) as outsiders,
        (select count(*)::int from events e where not exists (select 1 from event_hosts h where h.event_id = e.id and h.community_id = e.community_id and h.is_host)) as hostless,
        (select count(*)::int from events where series_id is not null) > 0 as series,
        (select count(*)::int from events where notes <> '' and recording_url <> '' and ends_at < ${new Date("2026-11-01T09:00:00Z")}) > 0 as archived,
        (select count(*)::int from events where waitlist_count > 0) > 0 as waitlist,
        (select count(*)::int from session_votes) > 0 as board,
        (select count(*)::int from events where status = 'cancelled') as cancelled,
        (select count(*)::int from activity_events where verb = 'event.rsvped') = (select count(*)::int from event_rsvps) as rsvp_events
    `);
  assert.deepEqual(events, {
    counters: 0,
    votes: 0,
    outsiders: 0,
    hostless: 0,
    series: true,
    archived: true,
    waitlist: true,
    board: true,
    cancelled: 1,
    rsvp_events: true,
  });
  assert.equal((await db.select().from(eventsTable)).length, org.events.length);

  // Resources: counters agree with the rows, revisions run 1..revision, owners and markers are
  // active members (markers never the owner), and each status the pages show is present.
  const [repertoire] = await rowsOf<Record<string, number | boolean>>(sql`
      select
        (select count(*)::int from resources r where r.helped_count <> (select count(*) from resource_marks m where m.resource_id = r.id and m.kind = 'helped')
           or r.used_count <> (select count(*) from resource_marks m where m.resource_id = r.id and m.kind = 'used')
           or r.viewer_count <> (select count(*) from resource_viewers v where v.resource_id = r.id)) as counters,
        (select count(*)::int from resources r where (select count(*) from resource_revisions v where v.resource_id = r.id) <> r.revision
           or (select coalesce(max(number), 0) from resource_revisions v where v.resource_id = r.id) <> r.revision
           or (select min(number) from resource_revisions v where v.resource_id = r.id) <> 1) as revisions,
        (select count(*)::int from resources r where r.community_id is not null and not exists (select 1 from memberships m
           where m.community_id = r.community_id and m.person_id = r.owner_id and m.state = 'active')) as owners,
        (select count(*)::int from resource_marks k join resources r on r.id = k.resource_id where k.person_id = r.owner_id
           or not exists (select 1 from memberships m where m.community_id = r.community_id and m.person_id = k.person_id and m.state = 'active')) as markers,
        (select count(*)::int from resources where status = 'endorsed' and endorsed_at is not null and endorsed_by_id is not null) as endorsed,
        (select count(*)::int from resources where status = 'draft' and community_id is not null) > 0 as draft,
        (select count(*)::int from resources where status = 'archived' and archived_at is not null) > 0 as archived,
        (select count(*)::int from resources where status in ('published', 'endorsed') and review_by < '2026-11-01') > 0 as due,
        (select count(*)::int from resources where revision >= 3) > 0 as history,
        (select count(*)::int from collection_items) as collected,
        (select count(*)::int from activity_events where verb = 'resource.created') as created_events,
        (select count(*)::int from activity_events where verb = 'resource.endorsed') as endorsed_events
    `);
  assert.deepEqual(repertoire, {
    counters: 0,
    revisions: 0,
    owners: 0,
    markers: 0,
    endorsed: 2,
    draft: true,
    archived: true,
    due: true,
    history: true,
    collected: 3,
    created_events: org.resources.length,
    endorsed_events: 2,
  });

  // The daily sweep, on the demo's own date and three weeks later, finds nothing else to flag.
  for (const now of [new Date("2026-11-01T09:00:00Z"), new Date("2026-11-25T09:00:00Z")]) {
    const swept = await sweepDormancy(db, now);
    assert.deepEqual(swept, { dormant: [], revived: [] });
  }
  const { rows, summary } = await programmeOverview(db, { q: "", status: "", stage: "", sort: "name" });
  assert.equal(rows.length, org.communities.length);
  assert.equal(summary.dormant, 1);
  assert.equal(summary.closed, 1);
  const assistants = rows.find((row) => row.slug === "executive-and-personal-assistants");
  assert.equal(assistants?.pendingRequests, 2);
  assert.ok(
    rows.every(
      (row) =>
        row.charterWritten === !["sustainability-champions", "print-and-post-users"].includes(row.slug),
    ),
  );
});
