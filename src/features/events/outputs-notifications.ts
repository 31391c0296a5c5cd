import { defineNotificationKind } from "../notifications/kinds.js";

export const outputsReady = defineNotificationKind({
  kind: "event.outputs_ready",
  label: "When the notes, recording or slides of an event you went to are up",
  defaultChannel: "in_app",
  collapsedTitle: (count, data) =>
    `${count} new things from ${String(data.eventTitle ?? "an event you went to")} are up`,
});
