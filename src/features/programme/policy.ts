import { allow, defineRules, deny, isProgrammeTeam, isSignedIn, signInFirst } from "../../platform/policy.js";
import type { CommunityTarget } from "../communities/policy.js";
import "../communities/policy.js";

declare module "../../platform/policy.js" {
  interface PolicyActions {
    /** The overview of every community, its CSV and its API. */
    "programme.view": null;
    "programme.closeCommunity": CommunityTarget;
    "programme.reopenCommunity": CommunityTarget;
  }
}

const programmeOnly = "Only the programme team and administrators can see every community at once.";

defineRules({
  "programme.view": (actor) => {
    if (!isSignedIn(actor)) return signInFirst;
    return isProgrammeTeam(actor) ? allow : deny(programmeOnly);
  },
  "programme.closeCommunity": (actor, community) => {
    if (!isSignedIn(actor)) return signInFirst;
    if (!isProgrammeTeam(actor))
      return deny("Only the programme team and administrators can close a community.");
    if (community.status === "closed") return deny(`${community.name} has already closed.`);
    if (community.status === "proposed")
      return deny(`${community.name} is still a proposal: decline the proposal instead of closing it.`);
    return allow;
  },
  "programme.reopenCommunity": (actor, community) => {
    if (!isSignedIn(actor)) return signInFirst;
    if (!isProgrammeTeam(actor))
      return deny("Only the programme team and administrators can reopen a community.");
    if (community.status !== "closed") return deny(`${community.name} is open: there is nothing to reopen.`);
    return allow;
  },
});
