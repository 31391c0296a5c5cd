import {
  eventHosts,
  eventRsvps,
  eventSeries,
  events,
  sessionProposals,
  sessionVotes,
} from "../features/events/tables.js";
import { activityEvents } from "../platform/activity.js";
import type { Db } from "../platform/db/client.js";
import { newId } from "../platform/db/columns.js";
import type { DemoOrganisation } from "./generate.js";

const CHUNK = 500;

async function insertAll<T extends { $inferInsert: unknown }>(
  tx: Db,
  table: T,
  rows: T["$inferInsert"][],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await tx.insert(table as never).values(rows.slice(i, i + CHUNK) as never);
}

/**
 * Writes the demo's events straight into the tables, as the services would have left them:
 * `goingCount`, `waitlistCount` and `voteCount` agree with the rows, and the activity log holds
 * the creation, answers, attendance and outputs the metrics read.
 */
export async function seedEvents(
  tx: Db,
  org: Pick<DemoOrganisation, "eventSeries" | "events">,
  person: (handle: string) => string | null,
  community: (slug: string) => string,
): Promise<void> {
  const seriesIds = new Map(org.eventSeries.map((s) => [s.key, newId()]));
  await insertAll(
    tx,
    eventSeries,
    org.eventSeries.map((s) => ({
      id: seriesIds.get(s.key)!,
      communityId: community(s.communitySlug),
      frequency: s.frequency,
      timeZone: "Europe/London",
      localStartTime: s.localStartTime,
      durationMinutes: s.durationMinutes,
      weekOfMonth: s.weekOfMonth,
      weekday: s.weekday,
      dayOfMonth: null,
      occurrenceCount: s.occurrenceCount,
      createdById: person(s.createdByHandle),
      createdAt: new Date(s.createdAt),
      updatedAt: new Date(s.createdAt),
    })),
  );

  const planned = org.events.map((event) => ({
    event,
    id: newId(),
    sessionIds: event.sessions.map(() => newId()),
  }));
  const count = (list: { status: string }[], status: string) =>
    list.filter((r) => r.status === status).length;
  await insertAll(
    tx,
    events,
    planned.map(({ event: e, id }) => ({
      id,
      communityId: community(e.communitySlug),
      seriesId: e.seriesKey ? (seriesIds.get(e.seriesKey) ?? null) : null,
      seriesIndex: e.seriesIndex,
      type: e.type,
      title: e.title,
      description: e.description,
      timeZone: e.timeZone,
      startsAt: new Date(e.startsAt),
      endsAt: new Date(e.endsAt),
      format: e.format,
      location: e.location,
      onlineLink: e.onlineLink,
      capacity: e.capacity,
      accessibility: e.accessibility,
      status: e.cancelledAt ? ("cancelled" as const) : ("scheduled" as const),
      cancelledAt: e.cancelledAt ? new Date(e.cancelledAt) : null,
      cancelReason: e.cancelReason,
      sequence: e.cancelledAt ? 1 : 0,
      goingCount: count(e.rsvps, "going"),
      waitlistCount: count(e.rsvps, "waitlisted"),
      createdById: person(e.createdByHandle),
      notes: e.notes,
      recordingExpected: e.recordingExpected,
      recordingUrl: e.recordingUrl,
      slidesUrl: e.slidesUrl,
      links: e.links,
      topics: e.topics,
      outputsUpdatedAt: e.outputsAt ? new Date(e.outputsAt) : null,
      attendanceRecordedAt: e.attendanceRecordedAt ? new Date(e.attendanceRecordedAt) : null,
      votesPerPerson: e.votesPerPerson,
      boardRooms: e.boardRooms,
      boardSlots: e.boardSlots,
      createdAt: new Date(e.createdAt),
      updatedAt: new Date(e.outputsAt ?? e.cancelledAt ?? e.createdAt),
    })),
  );
  await insertAll(
    tx,
    eventHosts,
    planned.flatMap(({ event: e, id }) => [
      { eventId: id, communityId: community(e.communitySlug), isHost: true },
      ...e.coHostSlugs.map((slug) => ({ eventId: id, communityId: community(slug), isHost: false })),
    ]),
  );
  await insertAll(
    tx,
    eventRsvps,
    planned.flatMap(({ event: e, id }) =>
      e.rsvps.map((r) => ({
        eventId: id,
        personId: person(r.personHandle)!,
        status: r.status,
        waitlistedAt: r.waitlistedAt ? new Date(r.waitlistedAt) : null,
        respondedAt: new Date(r.respondedAt),
        attended: r.attended,
        createdAt: new Date(r.respondedAt),
        updatedAt: new Date(r.respondedAt),
      })),
    ),
  );
  await insertAll(
    tx,
    sessionProposals,
    planned.flatMap(({ event: e, id, sessionIds }) =>
      e.sessions.map((s, i) => ({
        id: sessionIds[i]!,
        eventId: id,
        proposerId: person(s.proposerHandle),
        title: s.title,
        description: s.description,
        voteCount: s.voterHandles.length,
        createdAt: new Date(s.createdAt),
        updatedAt: new Date(s.createdAt),
      })),
    ),
  );
  await insertAll(
    tx,
    sessionVotes,
    planned.flatMap(({ event: e, id, sessionIds }) =>
      e.sessions.flatMap((s, i) =>
        s.voterHandles.map((handle) => ({
          proposalId: sessionIds[i]!,
          personId: person(handle)!,
          eventId: id,
          createdAt: new Date(s.createdAt),
        })),
      ),
    ),
  );

  // The activity log, as the services write it.
  const firstOfSeries = new Set<string>();
  const activity: (typeof activityEvents.$inferInsert)[] = planned.flatMap(({ event: e, id, sessionIds }) => {
    const communityId = community(e.communitySlug);
    const at = (iso: string) => new Date(iso);
    const created =
      e.seriesKey && firstOfSeries.has(e.seriesKey)
        ? []
        : [
            {
              actorId: person(e.createdByHandle),
              verb: "event.created",
              objectType: "event",
              objectId: id,
              communityId,
              data: {
                title: e.title,
                type: e.type,
                seriesId: e.seriesKey ? (seriesIds.get(e.seriesKey) ?? null) : null,
                occurrences: e.seriesKey
                  ? (org.eventSeries.find((s) => s.key === e.seriesKey)?.occurrenceCount ?? 1)
                  : 1,
                coHostIds: e.coHostSlugs.map(community),
                demo: true,
              },
              occurredAt: at(e.createdAt),
            },
          ];
    if (e.seriesKey) firstOfSeries.add(e.seriesKey);
    return [
      ...created,
      ...e.rsvps.map((r) => ({
        actorId: person(r.personHandle),
        verb: "event.rsvped",
        objectType: "event",
        objectId: id,
        communityId,
        data: { status: r.status === "declined" ? "not_going" : r.status, previous: null, demo: true },
        occurredAt: at(r.respondedAt),
      })),
      ...(e.attendanceRecordedAt
        ? e.rsvps
            .filter((r) => r.attended)
            .map((r) => ({
              actorId: person(r.personHandle),
              verb: "event.attended",
              objectType: "event",
              objectId: id,
              communityId,
              data: { recordedBy: person(e.createdByHandle), title: e.title, startsAt: e.startsAt },
              occurredAt: at(e.attendanceRecordedAt!),
            }))
        : []),
      ...(e.outputsAt
        ? [
            {
              actorId: person(e.createdByHandle),
              verb: "event.outputs_added",
              objectType: "event",
              objectId: id,
              communityId,
              data: {
                eventId: id,
                title: e.title,
                kinds: [
                  ...(e.notes ? ["notes"] : []),
                  ...(e.recordingUrl ? ["recording"] : []),
                  ...(e.slidesUrl ? ["slides"] : []),
                ],
                recordingExpected: e.recordingExpected,
                links: e.links ? e.links.split("\n").length : 0,
                topics: e.topics,
                announced: [],
              },
              occurredAt: at(e.outputsAt),
            },
          ]
        : []),
      ...(e.cancelledAt
        ? [
            {
              actorId: person(e.createdByHandle),
              verb: "event.cancelled",
              objectType: "event",
              objectId: id,
              communityId,
              data: { title: e.title, scope: "this", events: 1 },
              occurredAt: at(e.cancelledAt),
            },
          ]
        : []),
      ...e.sessions.map((s, i) => ({
        actorId: person(s.proposerHandle),
        verb: "session.proposed",
        objectType: "session_proposal",
        objectId: sessionIds[i]!,
        communityId,
        data: { eventId: id, title: s.title },
        occurredAt: at(s.createdAt),
      })),
    ];
  });
  await insertAll(tx, activityEvents, activity);
}
