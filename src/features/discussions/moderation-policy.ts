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

declare module "../../platform/policy.js" {
  interface PolicyActions {
    /** See hidden posts and flags, hide and unhide, lock, pin and move threads. */
    "discussion.moderate": CommunityTarget;
  }
}

defineRules({
  "discussion.moderate": (actor, community) => {
    if (!isSignedIn(actor)) return signInFirst;
    if (activeRoleIn(actor, community.id) === "convenor" || isProgrammeTeam(actor)) return allow;
    return deny(`Only the convenors of ${community.name} and the programme team moderate its discussions.`);
  },
});
