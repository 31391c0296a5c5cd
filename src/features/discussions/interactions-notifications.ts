import { defineNotificationKind } from "../notifications/kinds.js";

export const answerAccepted = defineNotificationKind({
  kind: "discussion.answer_accepted",
  label: "When your answer to a question is accepted",
  defaultChannel: "in_app",
  collapsedTitle: (count) => `${count} of your answers were accepted`,
});
