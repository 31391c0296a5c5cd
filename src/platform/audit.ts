import { bigserial, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { Db } from "./db/client.js";

/**
 * What administrators and moderators did, with their reason: role changes, removals, hidden
 * posts. Kept apart from the activity log, which measures participation; this one is for
 * accountability and is shown at /admin/audit.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    communityId: text("community_id"),
    reason: text("reason"),
    data: jsonb("data").$type<Record<string, unknown>>(),
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at, t.id),
    index("audit_log_target_idx").on(t.targetType, t.targetId),
  ],
);

export interface AuditRecord {
  actorId: string | null;
  action: string;
  target: { type: string; id: string };
  communityId?: string | null;
  reason?: string | null;
  data?: Record<string, unknown>;
}

/** Call in the same transaction as the action it records. */
export async function recordAudit(tx: Db, record: AuditRecord): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: record.actorId,
    action: record.action,
    targetType: record.target.type,
    targetId: record.target.id,
    communityId: record.communityId ?? null,
    reason: record.reason ?? null,
    data: record.data ?? null,
  });
}
