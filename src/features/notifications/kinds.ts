import type { NotificationChannel } from "./tables.js";

export interface NotificationKind {
  kind: string;
  /** Shown on the settings page: "When someone joins a community you convene". */
  label: string;
  defaultChannel: NotificationChannel;
  /** Title when several unread notifications of this kind collapse into one. */
  collapsedTitle?: (count: number, data: Record<string, unknown>) => string;
}

const kinds = new Map<string, NotificationKind>();

/** Each slice declares the notifications it sends, once, at import time. */
export function defineNotificationKind(kind: NotificationKind): NotificationKind {
  kinds.set(kind.kind, kind);
  return kind;
}

export function notificationKind(name: string): NotificationKind | undefined {
  return kinds.get(name);
}

export function allNotificationKinds(): NotificationKind[] {
  return [...kinds.values()].sort((a, b) => a.label.localeCompare(b.label));
}

export const channelLabels: Record<NotificationChannel, string> = {
  in_app: "In Convene only",
  email: "In Convene and by email",
  off: "Off",
};

// The kinds the platform sends today. Later slices add theirs beside their own code.
export const siteRoleChanged = defineNotificationKind({
  kind: "person.site_role_changed",
  label: "When an administrator changes your role on the site",
  defaultChannel: "email",
});

export const memberJoined = defineNotificationKind({
  kind: "community.member_joined",
  label: "When someone joins a community you convene",
  defaultChannel: "in_app",
  collapsedTitle: (count, data) => `${count} people joined ${String(data.communityName ?? "your community")}`,
});
