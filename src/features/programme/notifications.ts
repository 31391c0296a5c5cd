import { defineNotificationKind } from "../notifications/kinds.js";

/** Told to the programme team by the daily sweep; several unread ones collapse into one line. */
export const communityDormant = defineNotificationKind({
  kind: "programme.community_dormant",
  label: "When a community has had no activity for 90 days (programme team)",
  defaultChannel: "in_app",
  collapsedTitle: (count) => `${count} communities have gone quiet`,
});

/** Told to every member (not those on a break) when the programme team closes their community. */
export const communityClosed = defineNotificationKind({
  kind: "community.closed",
  label: "When a community you belong to closes",
  defaultChannel: "email",
});
