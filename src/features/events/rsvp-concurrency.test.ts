import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { testEngine } from "../../../test/support/database.js";
import { buildEvent } from "../../../test/support/event-factories.js";
import { actorFor, buildCommunity, buildPerson } from "../../../test/support/factories.js";
import { memberships } from "../memberships/tables.js";
import { createToken } from "../tokens/service.js";
import { loadEvent } from "./load.js";
import { respond } from "./rsvp-service.js";
import { eventRsvps, events } from "./tables.js";

// PGlite has one connection, so nothing there runs in parallel: the race only exists on PostgreSQL.
const skip = testEngine === "pglite" ? "PGlite is single-connection; run with TEST_ENGINE=postgres" : false;

const { app, db } = await createTestApp();

async function state(eventId: string) {
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  const rows = await db.select().from(eventRsvps).where(eq(eventRsvps.eventId, eventId));
  return {
    going: rows.filter((r) => r.status === "going").length,
    waitlisted: rows.filter((r) => r.status === "waitlisted").length,
    goingCount: event!.goingCount,
    waitlistCount: event!.waitlistCount,
    positions: rows
      .filter((r) => r.status === "waitlisted")
      .map((r) => r.waitlistedAt!.getTime())
      .sort(),
  };
}

test("20 people answering at once never overbook an event of 5", { skip }, async () => {
  const people = await Promise.all(
    Array.from({ length: 20 }, (_, i) => buildPerson(db, { name: `Racer ${i}` })),
  );
  const community = await buildCommunity(db, { members: people.map((p) => ({ personId: p.id })) });
  const event = await buildEvent(db, community.id, { capacity: 5 });
  const loaded = await loadEvent(db, event.id);
  const actors = await Promise.all(people.map((p) => actorFor(db, p.id)));

  // The pool has several connections, so these transactions truly overlap.
  const outcomes = await Promise.all(actors.map((actor) => respond(db, actor, loaded, "going")));
  assert.equal(outcomes.filter((o) => o.status === "going").length, 5);
  assert.equal(outcomes.filter((o) => o.status === "waitlisted").length, 15);
  const positions = outcomes.flatMap((o) => (o.position === null ? [] : [o.position])).sort((a, b) => a - b);
  assert.deepEqual(
    positions,
    Array.from({ length: 15 }, (_, i) => i + 1),
    "each waiting person has their own position",
  );
  const after = await state(event.id);
  assert.equal(after.going, 5);
  assert.equal(after.waitlisted, 15);
  assert.equal(after.goingCount, 5);
  assert.equal(after.waitlistCount, 15);

  // Everyone going gives up at once while five more join: still never more than 5.
  const going = outcomes.flatMap((o, i) => (o.status === "going" ? [actors[i]!] : []));
  const late = await Promise.all(Array.from({ length: 5 }, (_, i) => buildPerson(db, { name: `Late ${i}` })));
  await db
    .insert(memberships)
    .values(late.map((p) => ({ communityId: community.id, personId: p.id, role: "member" as const })));
  const lateActors = await Promise.all(late.map((p) => actorFor(db, p.id)));
  await Promise.all([
    ...going.map((actor) => respond(db, actor, loaded, "not_going")),
    ...lateActors.map((actor) => respond(db, actor, loaded, "going")),
  ]);
  const final = await state(event.id);
  assert.equal(final.going, 5);
  assert.equal(final.goingCount, 5);
  assert.equal(final.waitlisted, 15);
  assert.equal(final.waitlistCount, 15);
});

test("20 parallel API requests at an event of 5: exactly 5 going, 15 waitlisted", { skip }, async () => {
  const people = await Promise.all(
    Array.from({ length: 20 }, (_, i) => buildPerson(db, { name: `Caller ${i}` })),
  );
  const community = await buildCommunity(db, { members: people.map((p) => ({ personId: p.id })) });
  const event = await buildEvent(db, community.id, { capacity: 5 });
  const tokens = await Promise.all(
    people.map(async (p) => (await createToken(db, await actorFor(db, p.id), { name: "race" })).secret),
  );
  const responses = await Promise.all(
    tokens.map((token) =>
      app.request(`/api/v1/events/${event.id}/rsvp`, {
        method: "PUT",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ status: "going" }),
      }),
    ),
  );
  assert.deepEqual(
    responses.map((r) => r.status),
    Array(20).fill(200),
  );
  const answers = (await Promise.all(responses.map((r) => r.json()))) as { status: string }[];
  assert.equal(answers.filter((a) => a.status === "going").length, 5);
  assert.equal(answers.filter((a) => a.status === "waitlisted").length, 15);
  const after = await state(event.id);
  assert.deepEqual([after.going, after.waitlisted, after.goingCount, after.waitlistCount], [5, 15, 5, 15]);
});
