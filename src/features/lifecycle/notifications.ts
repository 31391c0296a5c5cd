import { defineNotificationKind } from "../notifications/kinds.js";

export const stageChanged = defineNotificationKind({
  kind: "lifecycle.stage_changed",
  label: "When a community you help run moves to another stage",
  defaultChannel: "in_app",
});
