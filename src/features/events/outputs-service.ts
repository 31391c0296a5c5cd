import { and, eq, inArray } from "drizzle-orm";
import { activityEvents, recordActivity } from "../../platform/activity.js";
import type { Db } from "../../platform/db/client.js";
import { AppError } from "../../platform/errors.js";
import { authorize, type PersonActor } from "../../platform/policy.js";
import { notify } from "../notifications/service.js";
import { eventTarget, type LoadedEvent } from "./load.js";
import { linksToText, type OutputsInput } from "./outputs-inputs.js";
import { outputsReady } from "./outputs-notifications.js";
import { eventRsvps, events } from "./tables.js";
import "./policy.js";

export const eventUrl = (eventId: string) => `/events/${eventId}`;
export const outputsUrl = (eventId: string) => `/events/${eventId}/outputs`;

/** Kinds of output people going are told about, each once per event. */
export type OutputKind = "notes" | "recording" | "slides";

const announcement: Record<OutputKind, (title: string) => string> = {
  notes: (title) => `Notes from “${title}” are up`,
  recording: (title) => `The recording of “${title}” is available`,
  slides: (title) => `The slides from “${title}” are up`,
};

/** Which kinds of output an event has, in the order people are told about them. */
export function outputKinds(row: { notes: string; recordingUrl: string; slidesUrl: string }): OutputKind[] {
  return [
    ...(row.notes ? (["notes"] as const) : []),
    ...(row.recordingUrl ? (["recording"] as const) : []),
    ...(row.slidesUrl ? (["slides"] as const) : []),
  ];
}

/** The event shows outputs (or a promise of a recording). */
export const hasOutputs = (row: typeof events.$inferSelect) =>
  Boolean(
    row.notes ||
      row.recordingUrl ||
      row.recordingExpected ||
      row.slidesUrl ||
      row.links ||
      row.topics.length > 0,
  );

/**
 * Saves an event's outputs. Organisers only; allowed before the event too (a recording can be
 * promised), but people going are told only once it has started, and about each kind of output
 * once: the kinds already announced are kept in the outputs' activity records.
 */
export async function saveOutputs(
  db: Db,
  actor: PersonActor,
  loaded: LoadedEvent,
  input: OutputsInput,
  now = new Date(),
): Promise<{ first: boolean; announced: OutputKind[] }> {
  authorize(actor, "event.manage", eventTarget(loaded, now));
  const eventId = loaded.event.id;
  if (loaded.event.status === "cancelled")
    throw new AppError(422, "event_cancelled", "This event was cancelled, so it has no notes or recording.");
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ outputsUpdatedAt: events.outputsUpdatedAt, title: events.title })
      .from(events)
      .where(eq(events.id, eventId))
      .for("update");
    const first = !current?.outputsUpdatedAt;
    // Outputs change no calendar entry, so `sequence` stays as it is.
    await tx
      .update(events)
      .set({
        notes: input.notes,
        recordingUrl: input.recordingUrl,
        recordingExpected: input.recordingExpected && !input.recordingUrl,
        slidesUrl: input.slidesUrl,
        links: linksToText(input.links),
        topics: input.topics,
        outputsUpdatedAt: now,
      })
      .where(eq(events.id, eventId));

    const started = loaded.event.startsAt.getTime() <= now.getTime();
    const already = first ? new Set<string>() : await announcedKinds(tx, eventId);
    const announced = started ? outputKinds(input).filter((kind) => !already.has(kind)) : [];

    await recordActivity(tx, {
      actorId: actor.id,
      verb: first ? "event.outputs_added" : "event.outputs_updated",
      object: { type: "event", id: eventId },
      communityId: loaded.event.communityId,
      data: {
        eventId,
        title: current?.title ?? loaded.event.title,
        kinds: outputKinds(input),
        recordingExpected: input.recordingExpected,
        links: input.links.length,
        topics: input.topics,
        announced,
      },
      at: now,
    });

    if (announced.length > 0) await tellPeopleGoing(tx, actor, loaded, announced, now);
    return { first, announced };
  });
}

/** Kinds of output already announced for the event, from its earlier outputs records. */
async function announcedKinds(tx: Db, eventId: string): Promise<Set<string>> {
  const rows = await tx
    .select({ data: activityEvents.data })
    .from(activityEvents)
    .where(
      and(
        eq(activityEvents.objectType, "event"),
        eq(activityEvents.objectId, eventId),
        inArray(activityEvents.verb, ["event.outputs_added", "event.outputs_updated"]),
      ),
    );
  const kinds = new Set<string>();
  for (const row of rows)
    for (const kind of (row.data?.announced as string[] | undefined) ?? []) kinds.add(kind);
  return kinds;
}

async function tellPeopleGoing(
  tx: Db,
  actor: PersonActor,
  loaded: LoadedEvent,
  kinds: OutputKind[],
  now: Date,
) {
  const going = await tx
    .select({ personId: eventRsvps.personId })
    .from(eventRsvps)
    .where(and(eq(eventRsvps.eventId, loaded.event.id), eq(eventRsvps.status, "going")));
  const target = eventTarget(loaded, now);
  for (const { personId } of going) {
    if (personId === actor.id) continue;
    for (const kind of kinds) {
      await notify(tx, {
        recipientId: personId,
        kind: outputsReady.kind,
        title: announcement[kind](loaded.event.title),
        url: `${eventUrl(loaded.event.id)}#outputs`,
        dedupeKey: `${outputsReady.kind}:${loaded.event.id}:${kind}`,
        communityId: loaded.event.communityId,
        visibleIf: { action: "event.view", target },
        data: { eventId: loaded.event.id, eventTitle: loaded.event.title, output: kind },
      });
    }
  }
}
