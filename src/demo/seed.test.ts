import assert from "node:assert/strict";
import { after, test } from "node:test";
import { and, eq, sql } from "drizzle-orm";
import { createTestDatabase } from "../../test/support/database.js";
import { charterVersions } from "../features/charter/tables.js";
import { communities } from "../features/communities/tables.js";
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
