import { defineNotificationKind } from "../notifications/kinds.js";

export const promotedFromWaitlist = defineNotificationKind({
  kind: "event.promoted",
  label: "When a place comes up for you at an event you are waiting for",
  defaultChannel: "email",
});

export const reminderDay = defineNotificationKind({
  kind: "event.reminder_day",
  label: "A reminder the day before an event you are going to",
  defaultChannel: "in_app",
});

export const reminderHour = defineNotificationKind({
  kind: "event.reminder_hour",
  label: "A reminder an hour before an event you are going to",
  defaultChannel: "in_app",
});
