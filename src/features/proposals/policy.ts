import {
  type Actor,
  allow,
  defineRules,
  deny,
  isProgrammeTeam,
  isSignedIn,
  signInFirst,
} from "../../platform/policy.js";
import type { ProposalStatus } from "./tables.js";

/** The facts about a proposal that its rules need. */
export interface ProposalTarget {
  id: string;
  name: string;
  proposerId: string;
  status: ProposalStatus;
}

declare module "../../platform/policy.js" {
  interface PolicyActions {
    "proposal.create": null;
    "proposal.review": null;
    "proposal.view": ProposalTarget;
    "proposal.edit": ProposalTarget;
    "proposal.withdraw": ProposalTarget;
    "proposal.comment": ProposalTarget;
    "proposal.decide": ProposalTarget;
    "proposal.registerInterest": ProposalTarget;
  }
}

/** Still being reviewed: open to comments, interest, changes and a decision. */
export const isUnderReview = (status: ProposalStatus) =>
  status === "submitted" || status === "changes_requested";

const isProposer = (actor: Actor, proposal: ProposalTarget) =>
  actor.kind === "person" && actor.id === proposal.proposerId;

const decided = (proposal: ProposalTarget) =>
  deny(
    `The proposal for ${proposal.name} has been ${proposal.status.replace("_", " ")}: nothing more can change.`,
  );

defineRules({
  "proposal.create": (actor) => (isSignedIn(actor) ? allow : deny("Sign in to propose a community.")),
  // The review queue at /admin/proposals.
  "proposal.review": (actor) => {
    if (!isSignedIn(actor)) return signInFirst;
    return isProgrammeTeam(actor)
      ? allow
      : deny("Only the programme team reviews proposals for new communities.");
  },
  // The whole proposal with its review conversation: the proposer and the programme team. Everyone
  // else sees the short summary in the directory's "Proposed communities".
  "proposal.view": (actor, proposal) => {
    if (!isSignedIn(actor)) return signInFirst;
    if (isProposer(actor, proposal) || isProgrammeTeam(actor)) return allow;
    return deny("Only the person who proposed this community and the programme team can see its review.");
  },
  "proposal.edit": (actor, proposal) => {
    if (!isSignedIn(actor)) return signInFirst;
    if (!isProposer(actor, proposal))
      return deny("Only the person who proposed this community can change it.");
    if (proposal.status !== "changes_requested")
      return deny("You can change your proposal when the programme team asks for changes.");
    return allow;
  },
  "proposal.withdraw": (actor, proposal) => {
    if (!isSignedIn(actor)) return signInFirst;
    if (!isProposer(actor, proposal))
      return deny("Only the person who proposed this community can withdraw it.");
    if (!isUnderReview(proposal.status)) return decided(proposal);
    return allow;
  },
  "proposal.comment": (actor, proposal) => {
    if (!isSignedIn(actor)) return signInFirst;
    if (!isProposer(actor, proposal) && !isProgrammeTeam(actor))
      return deny("Only the proposer and the programme team take part in the review.");
    if (!isUnderReview(proposal.status)) return decided(proposal);
    return allow;
  },
  "proposal.decide": (actor, proposal) => {
    if (!isSignedIn(actor)) return signInFirst;
    if (!isProgrammeTeam(actor)) return deny("Only the programme team decides on proposals.");
    if (!isUnderReview(proposal.status)) return decided(proposal);
    return allow;
  },
  "proposal.registerInterest": (actor, proposal) => {
    if (!isSignedIn(actor)) return deny("Sign in to register your interest.");
    if (isProposer(actor, proposal))
      return deny("You proposed this community, so you are already counted in.");
    if (!isUnderReview(proposal.status)) return decided(proposal);
    return allow;
  },
});
