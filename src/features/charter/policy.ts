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
    "charter.edit": CommunityTarget;
  }
}

// Reading a charter follows "community.view": people must be able to read the code of conduct
// before they join, even when the community keeps its content to members.
defineRules({
  "charter.edit": (actor, community) => {
    if (!isSignedIn(actor)) return signInFirst;
    if (community.status === "closed")
      return deny(`${community.name} has closed. Its charter stays readable but cannot be changed.`);
    const role = activeRoleIn(actor, community.id);
    if (role === "convenor" || role === "core") return allow;
    // The programme team may edit to support convenors (for example, to help write a first draft).
    if (isProgrammeTeam(actor)) return allow;
    return deny(`Only the convenors and core team of ${community.name} can change its charter.`);
  },
});
