import { defineNotificationKind } from "../notifications/kinds.js";

export const roleChanged = defineNotificationKind({
  kind: "membership.role_changed",
  label: "When your role in a community changes",
  defaultChannel: "email",
});

export const memberRemoved = defineNotificationKind({
  kind: "membership.removed",
  label: "When a convenor removes you from a community",
  defaultChannel: "email",
});

export const welcomeBack = defineNotificationKind({
  kind: "membership.welcome_back",
  label: "When a break from a community ends: what happened while you were away",
  defaultChannel: "in_app",
});
