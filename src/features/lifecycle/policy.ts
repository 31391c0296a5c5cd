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
    /** See a community's stage, its checklists and the history of stage changes. */
    "lifecycle.view": CommunityTarget;
    /** Tick or untick an item of a stage's checklist. */
    "lifecycle.tick": CommunityTarget;
    /** Move the community to another stage. */
    "lifecycle.move": CommunityTarget;
  }
}

const closed = (community: CommunityTarget) =>
  deny(`${community.name} has closed. Its pages stay readable but nothing can be changed.`);

defineRules({
  // The stage is on the community page for everyone; the checklist and history name people, so
  // they need an account, like everything else about people.
  "lifecycle.view": (actor) => {
    if (!isSignedIn(actor)) return deny("Sign in to see how this community is coming along.");
    return allow;
  },
  // Core members help run the community, so they may tick off the suggested actions too.
  "lifecycle.tick": (actor, community) => {
    if (!isSignedIn(actor)) return signInFirst;
    if (community.status === "closed") return closed(community);
    const role = activeRoleIn(actor, community.id);
    if (role === "convenor" || role === "core" || isProgrammeTeam(actor)) return allow;
    return deny(`Only the convenors and core team of ${community.name} can tick off its checklist.`);
  },
  // Moving the stage is the convenors' call, with the programme team able to help.
  "lifecycle.move": (actor, community) => {
    if (!isSignedIn(actor)) return signInFirst;
    if (community.status === "closed") return closed(community);
    if (activeRoleIn(actor, community.id) === "convenor" || isProgrammeTeam(actor)) return allow;
    return deny(`Only the convenors of ${community.name} or the programme team can move its stage.`);
  },
});
