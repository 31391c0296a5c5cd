import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { activityEvents, recordActivity } from "../../platform/activity.js";
import type { Db } from "../../platform/db/client.js";
import { AppError, notFound } from "../../platform/errors.js";
import { authorize, type PersonActor } from "../../platform/policy.js";
import { notify } from "../notifications/service.js";
import { eventTarget, findEvent, type LoadedEvent } from "./load.js";
import { promotedFromWaitlist } from "./rsvp-notifications.js";
import { countRsvps, existingPeople, myRsvp } from "./rsvp-queries.js";
import { eventRsvps, events, type RsvpStatus } from "./tables.js";
import "./policy.js";

export const eventPath = (eventId: string) => `/events/${eventId}`;

/** What a person can answer. "not_going" is stored as `declined`. */
export type RsvpAnswer = "going" | "not_going";

export interface RsvpOutcome {
  status: RsvpStatus;
  /** Place in the waitlist (1 = next) when waitlisted. */
  position: number | null;
  /** The status before this answer (null: they had not answered). */
  previous: RsvpStatus | null;
  goingCount: number;
  waitlistCount: number;
  /** People moved from the waitlist into the place this answer freed. */
  promoted: string[];
}

/** Locks the event row: every RSVP, promotion and capacity change on one event runs one at a time. */
async function lockEvent(tx: Db, eventId: string) {
  const [row] = await tx.select().from(events).where(eq(events.id, eventId)).for("update");
  if (!row) throw notFound("event");
  return row;
}

/**
 * When someone joins the back of the queue: `now`, or just after the last person waiting if the
 * clock says otherwise (answers that raced for the lock took `now` before waiting for it), so the
 * queue follows the order the lock was taken and nobody's position moves back after being told.
 */
async function queueTime(tx: Db, eventId: string, now: Date): Promise<Date> {
  const [row] = await tx
    .select({ last: sql<string | null>`max(${eventRsvps.waitlistedAt})::text` })
    .from(eventRsvps)
    .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.status, "waitlisted")));
  const last = row?.last ? new Date(row.last).getTime() : Number.NEGATIVE_INFINITY;
  return new Date(Math.max(now.getTime(), last + 1));
}

/** Writes the counters from the rows, so they are exact whatever happened before. */
async function syncCounts(tx: Db, eventId: string, now: Date) {
  const counts = await countRsvps(tx, eventId);
  await tx
    .update(events)
    .set({ goingCount: counts.going, waitlistCount: counts.waitlisted, updatedAt: now })
    .where(eq(events.id, eventId));
  return counts;
}

/**
 * Answers "going" or "not going" for the actor. With places left (or no limit) "going" is
 * `going`; at capacity it is `waitlisted`, queued by time. "Not going" from `going` frees a place
 * that goes to the first person waiting, who is told. Everything runs under the event's row lock,
 * so parallel answers never overbook.
 */
export async function respond(
  db: Db,
  actor: PersonActor,
  loaded: LoadedEvent,
  answer: RsvpAnswer,
  now = new Date(),
): Promise<RsvpOutcome> {
  authorize(actor, "event.rsvp", eventTarget(loaded, now));
  const eventId = loaded.event.id;
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    // The event may have been cancelled or moved since it was loaded.
    authorize(actor, "event.rsvp", eventTarget({ ...loaded, event }, now));
    const [existing] = await tx
      .select({ status: eventRsvps.status })
      .from(eventRsvps)
      .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.personId, actor.id)));
    const previous = existing?.status ?? null;
    let promoted: string[] = [];
    let status: RsvpStatus;

    if (answer === "going") {
      if (previous === "going" || previous === "waitlisted") status = previous;
      else {
        // Places freed without a promotion (should not happen) go to those already waiting first.
        if (event.waitlistCount > 0) promoted = await fillFreedPlaces(tx, eventId, now);
        const { going } = await countRsvps(tx, eventId);
        status = event.capacity === null || going < event.capacity ? "going" : "waitlisted";
      }
    } else status = "declined";

    if (status !== previous) {
      const values = {
        status,
        waitlistedAt: status === "waitlisted" ? await queueTime(tx, eventId, now) : null,
        respondedAt: now,
        updatedAt: now,
      };
      await tx
        .insert(eventRsvps)
        .values({ eventId, personId: actor.id, ...values, createdAt: now })
        .onConflictDoUpdate({ target: [eventRsvps.eventId, eventRsvps.personId], set: values });
      await recordActivity(tx, {
        actorId: actor.id,
        verb: "event.rsvped",
        object: { type: "event", id: eventId },
        communityId: event.communityId,
        data: { status: status === "declined" ? "not_going" : status, previous },
        at: now,
      });
      if (previous === "going") promoted = [...promoted, ...(await fillFreedPlaces(tx, eventId, now))];
    }
    const counts = await syncCounts(tx, eventId, now);
    const mine = await myRsvp(tx, eventId, actor.id);
    return {
      status,
      position: mine?.position ?? null,
      previous,
      goingCount: counts.going,
      waitlistCount: counts.waitlisted,
      promoted,
    };
  });
}

/**
 * Moves people from the waitlist into places that have become free (someone stopped going, or the
 * organisers raised the capacity), first come first served, and tells each of them. Call inside
 * the transaction that freed the places, after locking the event row. Returns who was promoted.
 */
export async function fillFreedPlaces(tx: Db, eventId: string, now: Date): Promise<string[]> {
  // Locking again in the same transaction is free, and protects a caller that forgot.
  const event = await lockEvent(tx, eventId);
  if (event.status === "cancelled" || event.endsAt.getTime() <= now.getTime()) return [];
  const counts = await countRsvps(tx, eventId);
  const free = event.capacity === null ? counts.waitlisted : event.capacity - counts.going;
  if (free <= 0 || counts.waitlisted === 0) return [];
  const next = await tx
    .select({ personId: eventRsvps.personId })
    .from(eventRsvps)
    .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.status, "waitlisted")))
    .orderBy(asc(eventRsvps.waitlistedAt), asc(eventRsvps.personId))
    .limit(free);
  const ids = next.map((r) => r.personId);
  if (ids.length === 0) return [];
  await tx
    .update(eventRsvps)
    .set({ status: "going", waitlistedAt: null, updatedAt: now })
    .where(and(eq(eventRsvps.eventId, eventId), inArray(eventRsvps.personId, ids)));
  await syncCounts(tx, eventId, now);
  const loaded = await findEvent(tx, eventId);
  for (const personId of ids) {
    await recordActivity(tx, {
      actorId: personId,
      verb: "event.rsvped",
      object: { type: "event", id: eventId },
      communityId: event.communityId,
      data: { status: "going", previous: "waitlisted", fromWaitlist: true },
      at: now,
    });
    if (loaded)
      await notify(tx, {
        recipientId: personId,
        kind: promotedFromWaitlist.kind,
        title: `A place came up: you are going to “${event.title}”`,
        body: "You were on the waitlist and a place is now yours. If you cannot go after all, say so on the event page so the next person can have it.",
        url: eventPath(eventId),
        visibleIf: { action: "event.view", target: eventTarget(loaded, now) },
        data: { eventId },
      });
  }
  return ids;
}

export interface AttendanceInput {
  /** Everyone who came: people going who are ticked, plus anyone added who had not said so. */
  attended: string[];
}

export interface AttendanceOutcome {
  attended: number;
  /** People newly recorded as having attended (activity recorded for them now). */
  newlyAttended: string[];
  recordedAt: Date;
}

/**
 * Records who came, once the event has started. People going who are not listed are marked as
 * not attending; people listed who had not said they were going are added as going. Activity
 * `event.attended` is recorded once per person, however often the register is saved.
 */
export async function recordAttendance(
  db: Db,
  actor: PersonActor,
  loaded: LoadedEvent,
  input: AttendanceInput,
  now = new Date(),
): Promise<AttendanceOutcome> {
  authorize(actor, "event.manage", eventTarget(loaded, now));
  const eventId = loaded.event.id;
  if (loaded.event.status === "cancelled")
    throw new AppError(
      422,
      "event_cancelled",
      "This event was cancelled, so there is no attendance to record.",
    );
  if (loaded.event.startsAt.getTime() > now.getTime())
    throw new AppError(422, "not_started", "Attendance can be recorded once the event has started.");
  const wanted = [...new Set(input.attended)];
  const known = await existingPeople(db, wanted);
  if (known.size !== wanted.length)
    throw new AppError(422, "unknown_person", "Some of the people listed do not exist.", {
      field: "attended",
    });

  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    await tx
      .update(eventRsvps)
      .set({ attended: sql`${eventRsvps.personId} in ${wanted.length ? wanted : [""]}`, updatedAt: now })
      .where(
        and(eq(eventRsvps.eventId, eventId), sql`(${eventRsvps.status} = 'going' or ${eventRsvps.attended})`),
      );
    if (wanted.length > 0) {
      // People who came without saying so (or from the waitlist) are counted as going.
      await tx
        .insert(eventRsvps)
        .values(
          wanted.map((personId) => ({
            eventId,
            personId,
            status: "going" as const,
            attended: true,
            respondedAt: now,
          })),
        )
        .onConflictDoUpdate({
          target: [eventRsvps.eventId, eventRsvps.personId],
          set: { status: "going", waitlistedAt: null, attended: true, updatedAt: now },
        });
    }
    await tx.update(events).set({ attendanceRecordedAt: now }).where(eq(events.id, eventId));
    await syncCounts(tx, eventId, now);

    const already =
      wanted.length === 0
        ? []
        : await tx
            .select({ actorId: activityEvents.actorId })
            .from(activityEvents)
            .where(
              and(
                eq(activityEvents.verb, "event.attended"),
                eq(activityEvents.objectType, "event"),
                eq(activityEvents.objectId, eventId),
                inArray(activityEvents.actorId, wanted),
              ),
            );
    const recorded = new Set(already.map((r) => r.actorId));
    const newlyAttended = wanted.filter((id) => !recorded.has(id));
    for (const personId of newlyAttended) {
      await recordActivity(tx, {
        actorId: personId,
        verb: "event.attended",
        object: { type: "event", id: eventId },
        communityId: event.communityId,
        data: { recordedBy: actor.id, title: event.title, startsAt: event.startsAt.toISOString() },
        at: now,
      });
    }
    return { attended: wanted.length, newlyAttended, recordedAt: now };
  });
}
