import { eventHosts, eventOrganisers, eventRsvps, events } from "../../src/features/events/tables.js";
import type { Db } from "../../src/platform/db/client.js";

type EventInsert = typeof events.$inferInsert;

/**
 * An event hosted by `communityId` (plus any `coHostIds`), by default a week from now for two hours,
 * written straight to the tables (tests of RSVP, calendars and outputs need no form). `going`
 * people are added as going and counted.
 */
export async function buildEvent(
  db: Db,
  communityId: string,
  overrides: Partial<EventInsert> & { coHostIds?: string[]; organiserIds?: string[]; going?: string[] } = {},
) {
  const { coHostIds = [], organiserIds = [], going = [], ...fields } = overrides;
  const startsAt = fields.startsAt ?? new Date(Date.now() + 7 * 86_400_000);
  const [event] = await db
    .insert(events)
    .values({
      communityId,
      title: "Show and tell over breakfast",
      type: "roundtable",
      description: "Bring one thing that worked this month.",
      startsAt,
      endsAt: fields.endsAt ?? new Date(startsAt.getTime() + 2 * 3_600_000),
      goingCount: going.length,
      ...fields,
    })
    .returning();
  await db
    .insert(eventHosts)
    .values([
      { eventId: event!.id, communityId, isHost: true },
      ...coHostIds.map((id) => ({ eventId: event!.id, communityId: id, isHost: false })),
    ]);
  for (const personId of organiserIds)
    await db.insert(eventOrganisers).values({ eventId: event!.id, personId });
  for (const personId of going)
    await db.insert(eventRsvps).values({ eventId: event!.id, personId, status: "going" });
  return event!;
}
