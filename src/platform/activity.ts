import { bigserial, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { Db } from "./db/client.js";

/**
 * One row per meaningful act: the source of every metric, digest and participation level.
 * Verbs are "<object>.<past tense>", e.g. "community.joined", "thread.created".
 */
export const activityEvents = pgTable(
  "activity_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorId: text("actor_id"),
    verb: text("verb").notNull(),
    objectType: text("object_type").notNull(),
    objectId: text("object_id").notNull(),
    communityId: text("community_id"),
    data: jsonb("data").$type<Record<string, unknown>>(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("activity_events_community_time_idx").on(t.communityId, t.occurredAt),
    index("activity_events_actor_time_idx").on(t.actorId, t.occurredAt),
  ],
);

export interface ActivityRecord {
  actorId: string | null;
  verb: string;
  object: { type: string; id: string };
  communityId?: string | null;
  data?: Record<string, unknown>;
  at?: Date;
}

/** Call inside the same transaction as the act itself, so the log never disagrees with the tables. */
export async function recordActivity(tx: Db, record: ActivityRecord): Promise<void> {
  await tx.insert(activityEvents).values({
    actorId: record.actorId,
    verb: record.verb,
    objectType: record.object.type,
    objectId: record.object.id,
    communityId: record.communityId ?? null,
    data: record.data ?? null,
    occurredAt: record.at ?? new Date(),
  });
}
