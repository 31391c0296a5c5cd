import {
  activeRoleIn,
  allow,
  decide,
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
    /** See hidden posts and flags, hide and unhide, lock, pin and move threads. */
    "discussion.moderate": CommunityTarget;
    /** Report a post in the community to its moderators (the author of the post is refused by the service). */
    "discussion.flag": CommunityTarget;
    /** The programme team's overview of open reports across every community. */
    "discussion.moderationOverview": null;
  }
}

defineRules({
  "discussion.moderate": (actor, community) => {
    if (!isSignedIn(actor)) return signInFirst;
    if (activeRoleIn(actor, community.id) === "convenor" || isProgrammeTeam(actor)) return allow;
    return deny(`Only the convenors of ${community.name} and the programme team moderate its discussions.`);
  },
  // Anyone who can read the community's discussions can report a post in them.
  "discussion.flag": (actor, community) => {
    if (!isSignedIn(actor)) return deny("Sign in to report a post.");
    if (community.status === "closed")
      return deny(`${community.name} has closed. Its discussions can be read but not reported.`);
    return decide(actor, "community.viewContent", community);
  },
  "discussion.moderationOverview": (actor) => {
    if (!isSignedIn(actor)) return signInFirst;
    return isProgrammeTeam(actor)
      ? allow
      : deny("Only the programme team sees reports across communities. Convenors see their own community's.");
  },
});
