import { defineNotificationKind } from "../notifications/kinds.js";

export const eventChanged = defineNotificationKind({
  kind: "event.changed",
  label: "When the time, place or link of an event you are going to changes",
  defaultChannel: "email",
});

export const eventCancelled = defineNotificationKind({
  kind: "event.cancelled",
  label: "When an event you are going to, or waiting for a place at, is cancelled",
  defaultChannel: "email",
});
