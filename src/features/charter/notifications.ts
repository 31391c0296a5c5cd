import { defineNotificationKind } from "../notifications/kinds.js";

/** Told to a community's convenors when someone else saves a new version of its charter. */
export const charterUpdated = defineNotificationKind({
  kind: "charter.updated",
  label: "When someone changes the charter of a community you convene",
  defaultChannel: "in_app",
  collapsedTitle: (count, data) =>
    `The charter of ${String(data.communityName ?? "your community")} changed ${count} times`,
});
