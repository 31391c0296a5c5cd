import { defineNotificationKind } from "../notifications/kinds.js";

export const postFlagged = defineNotificationKind({
  kind: "discussion.post_flagged",
  label: "When someone reports a post in a community you convene",
  defaultChannel: "in_app",
  collapsedTitle: (count, data) =>
    `${count} posts reported in ${String(data.communityName ?? "a community you convene")}`,
});

export const postHidden = defineNotificationKind({
  kind: "discussion.post_hidden",
  label: "When a moderator hides one of your posts",
  defaultChannel: "email",
});

export const postUnhidden = defineNotificationKind({
  kind: "discussion.post_unhidden",
  label: "When a moderator shows one of your hidden posts again",
  defaultChannel: "in_app",
});

export const threadMoved = defineNotificationKind({
  kind: "discussion.thread_moved",
  label: "When a moderator moves one of your threads to another community",
  defaultChannel: "in_app",
});
