import {
  activeRoleIn,
  allow,
  defineRules,
  deny,
  isProgrammeTeam,
  isSignedIn,
  signInFirst,
} from "../../platform/policy.js";
import type { CommunityTarget } from "../communities/policy.js";
import "../communities/policy.js";

declare module "../../platform/policy.js" {
  interface PolicyActions {
    /** Download the member list with email addresses (CSV). */
    "roster.export": CommunityTarget;
    /** Change members' roles and remove members. */
    "roster.manage": CommunityTarget;
    /** Leaving figures and reasons, grouped by month without names. */
    "roster.viewLeaving": CommunityTarget;
    /** Your own membership: involvement and breaks. */
    "roster.editOwn": CommunityTarget;
  }
}

const runsIt = (actor: Parameters<typeof activeRoleIn>[0], community: CommunityTarget) =>
  activeRoleIn(actor, community.id) === "convenor" || isProgrammeTeam(actor);

defineRules({
  "roster.export": (actor, community) => {
    if (!isSignedIn(actor)) return signInFirst;
    if (runsIt(actor, community)) return allow;
    return deny(
      `Only the convenors of ${community.name} and the programme team can download its member list.`,
    );
  },
  "roster.manage": (actor, community) => {
    if (!isSignedIn(actor)) return signInFirst;
    if (community.status === "closed")
      return deny(`${community.name} has closed. Its pages stay readable but nothing can be changed.`);
    if (runsIt(actor, community)) return allow;
    return deny(`Only the convenors of ${community.name} can change roles or remove members.`);
  },
  "roster.viewLeaving": (actor, community) => {
    if (!isSignedIn(actor)) return signInFirst;
    if (runsIt(actor, community)) return allow;
    return deny(`Only the convenors of ${community.name} and the programme team can see why people leave.`);
  },
  "roster.editOwn": (actor, community) => {
    if (!isSignedIn(actor)) return signInFirst;
    if (!activeRoleIn(actor, community.id)) return deny(`You are not a member of ${community.name}.`);
    if (community.status === "closed")
      return deny(`${community.name} has closed. Its pages stay readable but nothing can be changed.`);
    return allow;
  },
});
