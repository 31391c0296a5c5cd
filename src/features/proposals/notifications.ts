import { defineNotificationKind } from "../notifications/kinds.js";

// The notifications the proposals slice sends.

/** To the programme team: a new or resubmitted proposal, or the proposer's reply. */
export const proposalToReview = defineNotificationKind({
  kind: "proposal.to_review",
  label: "When a proposal for a new community needs review (programme team)",
  defaultChannel: "email",
  collapsedTitle: (count) => `${count} updates on proposals to review`,
});

/** To the proposer: a comment, a request for changes, approval or a decline. */
export const proposalReviewed = defineNotificationKind({
  kind: "proposal.reviewed",
  label: "When the programme team comments on or decides about your proposal",
  defaultChannel: "email",
  collapsedTitle: (count, data) =>
    `${count} updates on your proposal for ${String(data.proposalName ?? "a community")}`,
});

/** To each founding member and the suggested sponsor, when the proposal is approved. */
export const foundingInvitation = defineNotificationKind({
  kind: "proposal.founding_invitation",
  label: "When you are invited to help start a new community",
  defaultChannel: "email",
});

/** To the people who registered interest, when the community opens. */
export const proposedCommunityOpened = defineNotificationKind({
  kind: "proposal.community_opened",
  label: "When a proposed community you are interested in opens",
  defaultChannel: "in_app",
});
