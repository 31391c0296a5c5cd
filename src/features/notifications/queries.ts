import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import type { Cursor, Page } from "../../platform/http/pagination.js";
import { toPage } from "../../platform/http/pagination.js";
import { allNotificationKinds } from "./kinds.js";
import { notificationPreferences, notifications } from "./tables.js";

export type NotificationRow = typeof notifications.$inferSelect;

/** A person's notifications, newest first; `unread` narrows to the unread ones. */
export async function listNotifications(
  db: Db,
  personId: string,
  options: { unread: boolean; cursor: Cursor | null; limit?: number },
): Promise<Page<NotificationRow>> {
  const limit = options.limit ?? 30;
  const cursor = options.cursor?.direction === "after" ? options.cursor : null;
  const conditions = [eq(notifications.personId, personId)];
  if (options.unread) conditions.push(sql`${notifications.readAt} is null`);
  if (cursor) {
    const at = new Date(String(cursor.key));
    conditions.push(
      or(
        lt(notifications.updatedAt, at),
        and(eq(notifications.updatedAt, at), lt(notifications.id, cursor.id)),
      )!,
    );
  }
  const rows = await db
    .select()
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.updatedAt), desc(notifications.id))
    .limit(limit + 1);
  // Forward-only: the list is read from the top, and "Back to the newest" is a plain link.
  return toPage(rows, { limit, cursor, keyOf: (row) => ({ key: row.updatedAt.toISOString(), id: row.id }) });
}

/** Every kind with the person's current choice (or the default). */
export async function preferencesOf(db: Db, personId: string) {
  const rows = await db
    .select({ kind: notificationPreferences.kind, channel: notificationPreferences.channel })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.personId, personId));
  const chosen = new Map(rows.map((row) => [row.kind, row.channel]));
  return allNotificationKinds().map((kind) => ({
    ...kind,
    channel: chosen.get(kind.kind) ?? kind.defaultChannel,
  }));
}
