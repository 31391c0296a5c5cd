import { and, asc, eq, gte, inArray, ne } from "drizzle-orm";
import { recordActivity } from "../../platform/activity.js";
import type { Db } from "../../platform/db/client.js";
import { AppError, conflict } from "../../platform/errors.js";
import { authorize, decide, type PersonActor } from "../../platform/policy.js";
import type { CommunityTarget } from "../communities/policy.js";
import { peopleByHandle } from "../discussions/mentions.js";
import { notify } from "../notifications/service.js";
import type { CancelInput, EventEditInput, EventInput, RepeatChoice } from "./inputs.js";
import { type EventRow, eventTarget, type LoadedEvent } from "./load.js";
import { eventCancelled, eventChanged } from "./notifications.js";
import type { EventTarget } from "./policy.js";
import { communityTargets } from "./queries.js";
import { occurrencesOf, type RecurrenceRule, weekdayPosition } from "./recurrence.js";
import { fillFreedPlaces } from "./rsvp-service.js";
import { eventHosts, eventOrganisers, eventRsvps, eventSeries, events } from "./tables.js";
import { addDays, fromLocal, toLocal } from "./zoned-time.js";
import "./policy.js";

export const eventUrl = (id: string) => `/events/${id}`;

const field = (name: string, message: string) => new AppError(422, "invalid_event", message, { field: name });

/** The co-host communities, checked: each must exist and be one the actor may plan activities for. */
async function resolveCoHosts(
  db: Db,
  actor: PersonActor,
  hostId: string,
  ids: string[],
  keep: string[] = [],
) {
  const wanted = [...new Set(ids.filter((id) => id !== hostId))];
  const found = await communityTargets(db, wanted);
  if (found.length !== wanted.length)
    throw field("coHosts", "One of the co-hosting communities no longer exists");
  for (const community of found) {
    if (keep.includes(community.id)) continue;
    const decision = decide(actor, "event.create", community);
    if (!decision.allowed)
      throw field("coHosts", `You cannot add ${community.name} as a co-host: ${decision.reason}`);
  }
  return found;
}

/** People named by handle; every handle must belong to someone. */
async function resolveOrganisers(db: Db, actor: PersonActor, handles: string[]) {
  const found = await peopleByHandle(db, handles);
  const missing = handles.filter((h) => !found.has(h));
  if (missing.length)
    throw field(
      "organisers",
      `We could not find anyone with the handle ${missing.map((h) => `@${h}`).join(", ")}`,
    );
  return [...found.values()].filter((p) => p.id !== actor.id).map((p) => p.id);
}

function ruleFor(repeat: RepeatChoice, date: string, count: number): RecurrenceRule | null {
  const position = weekdayPosition(date);
  switch (repeat) {
    case "none":
      return null;
    case "weekly":
    case "fortnightly":
      return { frequency: repeat, count };
    case "monthly_date":
      return { frequency: "monthly_date", count, dayOfMonth: Number(date.slice(8, 10)) };
    case "monthly_weekday":
      return { frequency: "monthly_weekday", count, weekOfMonth: position.nth, weekday: position.weekday };
    case "monthly_last_weekday":
      return { frequency: "monthly_weekday", count, weekOfMonth: -1, weekday: position.weekday };
  }
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const durationMinutes = (start: string, end: string) =>
  (minutesOf(end) - minutesOf(start) + 1440) % 1440 || 1440;

/** The instants of one occurrence on a local date. An end at or before the start is the next day. */
function instantsOn(date: string, startTime: string, endTime: string, timeZone: string) {
  return {
    startsAt: fromLocal(date, startTime, timeZone),
    endsAt: fromLocal(endTime <= startTime ? addDays(date, 1) : date, endTime, timeZone),
  };
}

export interface CreatedEvents {
  /** The first (or only) occurrence. */
  event: EventRow;
  occurrences: EventRow[];
  seriesId: string | null;
}

/** Plans an event, or a series of them (one `events` row per occurrence), with co-hosts and co-organisers. */
export async function createEvent(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  input: EventInput,
  now = new Date(),
): Promise<CreatedEvents> {
  authorize(actor, "event.create", community);
  const coHosts = await resolveCoHosts(db, actor, community.id, input.coHosts);
  const organiserIds = await resolveOrganisers(db, actor, input.organisers);
  const rule = ruleFor(input.repeat, input.date, input.occurrences);
  const planned = rule
    ? occurrencesOf(input.date, input.startTime, input.endTime, input.timeZone, rule)
    : [
        {
          index: 1,
          date: input.date,
          ...instantsOn(input.date, input.startTime, input.endTime, input.timeZone),
        },
      ];

  return db.transaction(async (tx) => {
    let seriesId: string | null = null;
    if (rule) {
      const [series] = await tx
        .insert(eventSeries)
        .values({
          communityId: community.id,
          frequency: rule.frequency,
          timeZone: input.timeZone,
          localStartTime: input.startTime,
          durationMinutes: durationMinutes(input.startTime, input.endTime),
          weekOfMonth: rule.weekOfMonth ?? null,
          weekday: rule.weekday ?? null,
          dayOfMonth: rule.dayOfMonth ?? null,
          occurrenceCount: rule.count,
          createdById: actor.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: eventSeries.id });
      seriesId = series!.id;
    }
    const rows = await tx
      .insert(events)
      .values(
        planned.map((o) => ({
          communityId: community.id,
          seriesId,
          seriesIndex: seriesId ? o.index : null,
          type: input.type,
          title: input.title,
          description: input.description,
          timeZone: input.timeZone,
          startsAt: o.startsAt,
          endsAt: o.endsAt,
          format: input.format,
          location: input.location,
          onlineLink: input.onlineLink,
          capacity: input.capacity,
          accessibility: input.accessibility,
          createdById: actor.id,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning();
    rows.sort((a, b) => (a.seriesIndex ?? 0) - (b.seriesIndex ?? 0));
    await tx
      .insert(eventHosts)
      .values(
        rows.flatMap((row) => [
          { eventId: row.id, communityId: community.id, isHost: true },
          ...coHosts.map((c) => ({ eventId: row.id, communityId: c.id, isHost: false })),
        ]),
      );
    if (organiserIds.length)
      await tx
        .insert(eventOrganisers)
        .values(
          rows.flatMap((row) =>
            organiserIds.map((personId) => ({ eventId: row.id, personId, createdAt: now })),
          ),
        );
    const first = rows[0]!;
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "event.created",
      object: { type: "event", id: first.id },
      communityId: community.id,
      data: {
        title: input.title,
        type: input.type,
        seriesId,
        occurrences: rows.length,
        coHostIds: coHosts.map((c) => c.id),
      },
      at: now,
    });
    return { event: first, occurrences: rows, seriesId };
  });
}

/** Locks the event and, for "following", the later scheduled occurrences of its series; in order. */
async function lockAffected(tx: Db, event: EventRow, scope: "this" | "following", includeCancelled = false) {
  const following = scope === "following" && event.seriesId && event.seriesIndex !== null;
  const rows = await tx
    .select()
    .from(events)
    .where(
      following
        ? and(
            eq(events.seriesId, event.seriesId!),
            gte(events.seriesIndex, event.seriesIndex!),
            includeCancelled ? undefined : ne(events.status, "cancelled"),
          )
        : eq(events.id, event.id),
    )
    .orderBy(asc(events.seriesIndex), asc(events.id))
    .for("update");
  const self = rows.find((r) => r.id === event.id);
  if (!self) throw conflict("This event changed while you were editing it. Reload the page and try again.");
  return { self, later: rows.filter((r) => r.id !== event.id) };
}

/** Who hears about a change or a cancellation. */
async function peopleAnswering(tx: Db, eventId: string, statuses: ("going" | "waitlisted")[]) {
  const rows = await tx
    .select({ personId: eventRsvps.personId })
    .from(eventRsvps)
    .where(and(eq(eventRsvps.eventId, eventId), inArray(eventRsvps.status, statuses)));
  return rows.map((r) => r.personId);
}

const whenChangedWords = (changed: { time: boolean; place: boolean; link: boolean }) =>
  [changed.time && "time", changed.place && "place", changed.link && "online link"]
    .filter(Boolean)
    .join(", ");

export interface UpdateResult {
  /** Ids of every event changed, this one first. */
  changedIds: string[];
  /** People told of a new time, place or link. */
  notified: number;
}

/**
 * Edits an event; with scope "following", applies the fields that changed to the later occurrences
 * of its series, each keeping its own date. Calendar-visible changes bump `sequence`; people going
 * hear of a new time, place or link; raised capacity lets people off the waitlist.
 */
export async function updateEvent(
  db: Db,
  actor: PersonActor,
  loaded: LoadedEvent,
  input: EventEditInput,
  now = new Date(),
): Promise<UpdateResult> {
  authorize(actor, "event.manage", eventTarget(loaded, now));
  if (loaded.event.status === "cancelled")
    throw conflict("This event was cancelled, so it can no longer be changed.");
  const host = loaded.hosts[0]!;
  const currentCoHosts = loaded.hosts.slice(1).map((h) => h.id);
  const coHosts = await resolveCoHosts(db, actor, host.id, input.coHosts, currentCoHosts);
  const organiserIds = await resolveOrganisers(db, actor, input.organisers);

  return db.transaction(async (tx) => {
    const { self, later } = await lockAffected(tx, loaded.event, input.scope);
    const before = toLocal(self.startsAt, self.timeZone);
    const beforeEnd = toLocal(self.endsAt, self.timeZone);
    const changed = {
      timeOfDay:
        before.time !== input.startTime ||
        beforeEnd.time !== input.endTime ||
        self.timeZone !== input.timeZone,
      place: self.location !== input.location || self.format !== input.format,
      link: self.onlineLink !== input.onlineLink,
      text:
        self.title !== input.title ||
        self.description !== input.description ||
        self.type !== input.type ||
        self.accessibility !== input.accessibility,
      capacity: self.capacity !== input.capacity,
    };
    const sameSet = (a: readonly string[], b: readonly string[]) =>
      a.length === b.length && [...a].sort().join() === [...b].sort().join();
    // Co-hosts and co-organisers are rewritten (here and, for "following", later) only when changed.
    const hostsChanged = !sameSet(
      currentCoHosts,
      coHosts.map((c) => c.id),
    );
    const organisersChanged = !sameSet(loaded.organiserIds, organiserIds);
    const hostsAfter = [host, ...coHosts];
    const target: EventTarget = { ...eventTarget(loaded, now), hosts: hostsAfter, organiserIds };

    // For later occurrences only what changed here is carried over.
    const plans = [
      { row: self, patch: fieldsFor(input) },
      ...later.map((row) => ({
        row,
        patch: laterPatch(input, row, changed),
      })),
    ];
    for (const { row, patch } of plans) {
      if (patch.capacity !== undefined && patch.capacity !== null && patch.capacity < row.goingCount)
        throw field(
          "capacity",
          row.id === self.id
            ? `${row.goingCount} people are already going, so there must be at least ${row.goingCount} places`
            : `${row.goingCount} people are going to a later event in the series on ${toLocal(row.startsAt, row.timeZone).date}, so there must be at least ${row.goingCount} places`,
        );
    }

    let notified = 0;
    for (const { row, patch } of plans) {
      const moved =
        patch.startsAt !== undefined &&
        (patch.startsAt.getTime() !== row.startsAt.getTime() ||
          patch.endsAt!.getTime() !== row.endsAt.getTime());
      const placeMoved =
        (patch.location !== undefined && patch.location !== row.location) ||
        (patch.format !== undefined && patch.format !== row.format);
      const linkMoved = patch.onlineLink !== undefined && patch.onlineLink !== row.onlineLink;
      const calendarChange =
        moved ||
        placeMoved ||
        linkMoved ||
        (patch.title !== undefined && patch.title !== row.title) ||
        (patch.description !== undefined && patch.description !== row.description) ||
        (patch.type !== undefined && patch.type !== row.type) ||
        (patch.timeZone !== undefined && patch.timeZone !== row.timeZone);
      await tx
        .update(events)
        .set({ ...patch, sequence: calendarChange ? row.sequence + 1 : row.sequence, updatedAt: now })
        .where(eq(events.id, row.id));
      if (hostsChanged) await replaceCoHosts(tx, row.id, host.id, coHosts);
      if (organisersChanged) await replaceOrganisers(tx, row.id, organiserIds, now);
      if (moved || placeMoved || linkMoved) {
        const what = whenChangedWords({ time: moved, place: placeMoved, link: linkMoved });
        const title = patch.title ?? row.title;
        for (const personId of await peopleAnswering(tx, row.id, ["going"])) {
          if (personId === actor.id) continue;
          const result = await notify(tx, {
            recipientId: personId,
            kind: eventChanged.kind,
            title: `“${title}” has changed: ${what}`,
            url: eventUrl(row.id),
            dedupeKey: `${eventChanged.kind}:${row.id}`,
            communityId: host.id,
            visibleIf: { action: "event.view", target },
            data: { eventId: row.id, changed: what },
          });
          if (result === "sent" || result === "collapsed") notified++;
        }
      }
      const newCapacity = patch.capacity === undefined ? row.capacity : patch.capacity;
      if (row.capacity !== null && (newCapacity === null || newCapacity > row.capacity))
        await fillFreedPlaces(tx, row.id, now);
    }

    if (input.scope === "following" && self.seriesId && changed.timeOfDay)
      await tx
        .update(eventSeries)
        .set({
          timeZone: input.timeZone,
          localStartTime: input.startTime,
          durationMinutes: durationMinutes(input.startTime, input.endTime),
          updatedAt: now,
        })
        .where(eq(eventSeries.id, self.seriesId));

    await recordActivity(tx, {
      actorId: actor.id,
      verb: "event.updated",
      object: { type: "event", id: self.id },
      communityId: host.id,
      data: { title: input.title, scope: input.scope, events: plans.length },
      at: now,
    });
    return { changedIds: plans.map((p) => p.row.id), notified };
  });
}

type EventPatch = Partial<
  Pick<
    EventRow,
    | "type"
    | "title"
    | "description"
    | "timeZone"
    | "startsAt"
    | "endsAt"
    | "format"
    | "location"
    | "onlineLink"
    | "capacity"
    | "accessibility"
  >
>;

/** Every field of the form, for the event being edited. */
function fieldsFor(input: EventEditInput): EventPatch {
  return {
    type: input.type,
    title: input.title,
    description: input.description,
    timeZone: input.timeZone,
    ...instantsOn(input.date, input.startTime, input.endTime, input.timeZone),
    format: input.format,
    location: input.location,
    onlineLink: input.onlineLink,
    capacity: input.capacity,
    accessibility: input.accessibility,
  };
}

/** Only the fields that changed on the edited event, for a later occurrence on its own date. */
function laterPatch(
  input: EventEditInput,
  row: EventRow,
  changed: { timeOfDay: boolean; place: boolean; link: boolean; text: boolean; capacity: boolean },
): EventPatch {
  const patch: EventPatch = {};
  if (changed.text) {
    patch.type = input.type;
    patch.title = input.title;
    patch.description = input.description;
    patch.accessibility = input.accessibility;
  }
  if (changed.timeOfDay) {
    patch.timeZone = input.timeZone;
    Object.assign(
      patch,
      instantsOn(toLocal(row.startsAt, row.timeZone).date, input.startTime, input.endTime, input.timeZone),
    );
  }
  if (changed.place) {
    patch.format = input.format;
    patch.location = input.location;
  }
  if (changed.link) patch.onlineLink = input.onlineLink;
  if (changed.capacity) patch.capacity = input.capacity;
  return patch;
}

async function replaceCoHosts(tx: Db, eventId: string, hostId: string, coHosts: CommunityTarget[]) {
  await tx.delete(eventHosts).where(and(eq(eventHosts.eventId, eventId), ne(eventHosts.communityId, hostId)));
  if (coHosts.length)
    await tx
      .insert(eventHosts)
      .values(coHosts.map((c) => ({ eventId, communityId: c.id, isHost: false })))
      .onConflictDoNothing();
}

async function replaceOrganisers(tx: Db, eventId: string, organiserIds: string[], now: Date) {
  await tx.delete(eventOrganisers).where(eq(eventOrganisers.eventId, eventId));
  if (organiserIds.length)
    await tx
      .insert(eventOrganisers)
      .values(organiserIds.map((personId) => ({ eventId, personId, createdAt: now })))
      .onConflictDoNothing();
}

export interface CancelResult {
  cancelledIds: string[];
  notified: number;
}

/**
 * Cancels an event (or it and the later occurrences of its series). The rows stay, marked, so
 * links keep working; people going and waiting are told; calendars see a new sequence.
 */
export async function cancelEvent(
  db: Db,
  actor: PersonActor,
  loaded: LoadedEvent,
  input: CancelInput,
  now = new Date(),
): Promise<CancelResult> {
  const target = eventTarget(loaded, now);
  authorize(actor, "event.manage", target);
  if (loaded.event.status === "cancelled" && input.scope === "this") return { cancelledIds: [], notified: 0 };
  const host = loaded.hosts[0]!;
  return db.transaction(async (tx) => {
    const { self, later } = await lockAffected(tx, loaded.event, input.scope, true);
    const rows = [self, ...later].filter((r) => r.status !== "cancelled");
    let notified = 0;
    for (const row of rows) {
      await tx
        .update(events)
        .set({
          status: "cancelled",
          cancelledAt: now,
          cancelReason: input.reason,
          sequence: row.sequence + 1,
          updatedAt: now,
        })
        .where(eq(events.id, row.id));
      for (const personId of await peopleAnswering(tx, row.id, ["going", "waitlisted"])) {
        if (personId === actor.id) continue;
        const result = await notify(tx, {
          recipientId: personId,
          kind: eventCancelled.kind,
          title: `“${row.title}” on ${toLocal(row.startsAt, row.timeZone).date} has been cancelled`,
          body: input.reason || undefined,
          url: eventUrl(row.id),
          dedupeKey: `${eventCancelled.kind}:${row.id}`,
          communityId: host.id,
          visibleIf: { action: "event.view", target: { ...target, cancelled: true } },
          data: { eventId: row.id, reason: input.reason },
        });
        if (result === "sent" || result === "collapsed") notified++;
      }
    }
    if (rows.length)
      await recordActivity(tx, {
        actorId: actor.id,
        verb: "event.cancelled",
        object: { type: "event", id: self.id },
        communityId: host.id,
        data: { title: self.title, scope: input.scope, events: rows.length },
        at: now,
      });
    return { cancelledIds: rows.map((r) => r.id), notified };
  });
}
