import { defineNotificationKind } from "../notifications/kinds.js";

export const mentioned = defineNotificationKind({
  kind: "discussion.mentioned",
  label: "When someone mentions you in a discussion",
  defaultChannel: "email",
});

export const newReply = defineNotificationKind({
  kind: "discussion.new_reply",
  label: "When someone replies in a thread you follow",
  defaultChannel: "in_app",
  collapsedTitle: (count, data) => `${count} new replies in “${String(data.threadTitle ?? "a thread")}”`,
});
