import { defineNotificationKind } from "../notifications/kinds.js";

// What joining tells people. Requests collapse per community while unread, so a busy week of
// requests is one line in the convenor's list ("4 people asked to join HR Operations").

export const requestReceived = defineNotificationKind({
  kind: "membership.request_received",
  label: "When someone asks to join a community you convene",
  defaultChannel: "email",
  collapsedTitle: (count, data) =>
    `${count} people asked to join ${String(data.communityName ?? "your community")}`,
});

export const requestDecided = defineNotificationKind({
  kind: "membership.request_decided",
  label: "When the convenors answer your request to join",
  defaultChannel: "email",
});

export const invitationReceived = defineNotificationKind({
  kind: "membership.invitation_received",
  label: "When you are invited to join a community",
  defaultChannel: "email",
});

export const invitationDeclined = defineNotificationKind({
  kind: "membership.invitation_declined",
  label: "When someone declines your invitation to a community",
  defaultChannel: "in_app",
});
