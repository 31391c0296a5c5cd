import { defineNotificationKind } from "../notifications/kinds.js";

export const reviewDue = defineNotificationKind({
  kind: "resource.review_due",
  label: "When a resource you own is due for review",
  defaultChannel: "email",
  collapsedTitle: (count) => `${count} of your resources are due for review`,
});
