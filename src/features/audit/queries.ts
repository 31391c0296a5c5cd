import { and, desc, eq, lt, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { auditLog } from "../../platform/audit.js";
import type { Db } from "../../platform/db/client.js";
import type { Cursor, Page } from "../../platform/http/pagination.js";
import { toPage } from "../../platform/http/pagination.js";
import { communities } from "../communities/tables.js";
import { people } from "../people/tables.js";

export interface AuditEntry {
  id: number;
  at: Date;
  action: string;
  reason: string | null;
  data: Record<string, unknown> | null;
  actorName: string | null;
  actorHandle: string | null;
  targetType: string;
  targetId: string;
  targetPersonName: string | null;
  targetPersonHandle: string | null;
  communityName: string | null;
  communitySlug: string | null;
}

const actor = alias(people, "actor");
const targetPerson = alias(people, "target_person");

/** Newest first, with the people and community named, one page at a time. */
export async function listAudit(
  db: Db,
  filter: { action: string },
  cursor: Cursor | null,
  limit = 50,
): Promise<Page<AuditEntry>> {
  const conditions: SQL[] = [];
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  // This list only ever goes newest-first; "before" pages walk back towards newer entries.
  if (cursor) {
    const at = new Date(String(cursor.key));
    const id = Number(cursor.id);
    conditions.push(
      cursor.direction === "after"
        ? or(lt(auditLog.at, at), and(eq(auditLog.at, at), lt(auditLog.id, id)))!
        : sql`(${auditLog.at}, ${auditLog.id}) > (${at}, ${id})`,
    );
  }
  const back = cursor?.direction === "before";
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      reason: auditLog.reason,
      data: auditLog.data,
      actorName: actor.name,
      actorHandle: actor.handle,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      targetPersonName: targetPerson.name,
      targetPersonHandle: targetPerson.handle,
      communityName: communities.name,
      communitySlug: communities.slug,
    })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .leftJoin(targetPerson, and(eq(auditLog.targetType, "person"), eq(targetPerson.id, auditLog.targetId)))
    .leftJoin(communities, eq(communities.id, auditLog.communityId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(
      ...(back ? [sql`${auditLog.at} asc`, sql`${auditLog.id} asc`] : [desc(auditLog.at), desc(auditLog.id)]),
    )
    .limit(limit + 1);
  return toPage(rows, { limit, cursor, keyOf: (row) => ({ key: row.at.toISOString(), id: String(row.id) }) });
}

export async function auditActions(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((row) => row.action);
}
