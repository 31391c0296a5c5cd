import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { type Action, can, type PolicyActions } from "../../platform/policy.js";
import { loadActor } from "../people/queries.js";
import { notificationKind } from "./kinds.js";
import { notificationPreferences, notifications } from "./tables.js";

export interface Notice<A extends Action = Action> {
  recipientId: string;
  kind: string;
  title: string;
  body?: string;
  /** Where the notification leads (a path on this site). */
  url: string;
  /** Unread notifications with the same key collapse into one. Defaults to kind + url. */
  dedupeKey?: string;
  /** The community the news is about: people on a break there hear nothing. */
  communityId?: string | null;
  /** The recipient is told only if they may do this; nobody learns of what they cannot see. */
  visibleIf?: { action: A; target: PolicyActions[A] };
  data?: Record<string, unknown>;
}

export type NotifyResult = "sent" | "collapsed" | "not_visible" | "on_break" | "off" | "unknown_recipient";

/** Hook for delivering a notification by email; installed by the mail wiring. */
export type EmailNotifier = (
  tx: Db,
  notice: Notice,
  recipient: { id: string; email: string; name: string },
) => Promise<void>;
let emailNotifier: EmailNotifier | null = null;
export function setEmailNotifier(notifier: EmailNotifier | null): void {
  emailNotifier = notifier;
}

/**
 * The one way Convene tells someone something. Call it inside the transaction of the act, so
 * the news and the act commit together.
 */
export async function notify(tx: Db, notice: Notice): Promise<NotifyResult> {
  const kind = notificationKind(notice.kind);
  if (!kind) throw new Error(`Unknown notification kind ${notice.kind}`);
  const recipient = await loadActor(tx, notice.recipientId);
  if (recipient?.kind !== "person") return "unknown_recipient";
  if (notice.visibleIf && !can(recipient, notice.visibleIf.action, notice.visibleIf.target as never))
    return "not_visible";
  if (notice.communityId && recipient.memberships.get(notice.communityId)?.state === "on_break")
    return "on_break";

  const [preference] = await tx
    .select({ channel: notificationPreferences.channel })
    .from(notificationPreferences)
    .where(
      and(eq(notificationPreferences.personId, recipient.id), eq(notificationPreferences.kind, kind.kind)),
    );
  const channel = preference?.channel ?? kind.defaultChannel;
  if (channel === "off") return "off";

  const dedupeKey = notice.dedupeKey ?? `${notice.kind}:${notice.url}`;
  const [existing] = await tx
    .select({ id: notifications.id, data: notifications.data })
    .from(notifications)
    .where(
      and(
        eq(notifications.personId, recipient.id),
        eq(notifications.dedupeKey, dedupeKey),
        isNull(notifications.readAt),
      ),
    )
    .for("update");
  if (existing) {
    const count = Number(existing.data?.count ?? 1) + 1;
    const data = { ...existing.data, ...notice.data, count };
    await tx
      .update(notifications)
      .set({
        title: kind.collapsedTitle ? kind.collapsedTitle(count, data) : notice.title,
        body: notice.body ?? "",
        data,
        updatedAt: new Date(),
      })
      .where(eq(notifications.id, existing.id));
    // One email per unread notification: collapsing must not become a flood.
    return "collapsed";
  }
  await tx.insert(notifications).values({
    personId: recipient.id,
    kind: kind.kind,
    title: notice.title,
    body: notice.body ?? "",
    url: notice.url,
    dedupeKey,
    data: { ...notice.data, count: 1 },
  });
  if (channel === "email" && emailNotifier) {
    await emailNotifier(tx, notice, { id: recipient.id, email: recipient.email, name: recipient.name });
  }
  return "sent";
}

export async function markRead(db: Db, personId: string, notificationId: string): Promise<string | null> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, notificationId), eq(notifications.personId, personId)))
    .returning({ url: notifications.url });
  return row?.url ?? null;
}

export async function markAllRead(db: Db, personId: string): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.personId, personId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function setPreferences(
  db: Db,
  personId: string,
  choices: Record<string, "in_app" | "email" | "off">,
) {
  await db.transaction(async (tx) => {
    for (const [kind, channel] of Object.entries(choices)) {
      if (!notificationKind(kind)) continue;
      await tx
        .insert(notificationPreferences)
        .values({ personId, kind, channel })
        .onConflictDoUpdate({
          target: [notificationPreferences.personId, notificationPreferences.kind],
          set: { channel },
        });
    }
  });
}
