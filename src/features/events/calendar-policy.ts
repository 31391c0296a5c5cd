import { allow, decide, defineRules, deny, isSignedIn } from "../../platform/policy.js";
import type { CommunityTarget } from "../communities/policy.js";
import "../communities/policy.js";

/** Whose calendar feeds are being listed, made or revoked. */
export interface FeedOwnerTarget {
  personId: string;
}

declare module "../../platform/policy.js" {
  interface PolicyActions {
    "calendarFeed.manage": FeedOwnerTarget;
    "calendarFeed.community": CommunityTarget;
  }
}

defineRules({
  // A feed's URL reads events as its owner, so only the owner may see or revoke it.
  "calendarFeed.manage": (actor, owner) => {
    if (!isSignedIn(actor)) return deny("Sign in to manage your calendar feeds.");
    return actor.id === owner.personId ? allow : deny("You can only manage your own calendar feeds.");
  },
  // A community's feed carries what its members share, so it follows the content setting (checked
  // again at every fetch, so a feed empties when its owner loses access).
  "calendarFeed.community": (actor, community) => {
    if (!isSignedIn(actor)) return deny("Sign in to subscribe to a community's events.");
    const view = decide(actor, "community.viewContent", community);
    return view.allowed
      ? allow
      : deny(`Only people who can read what ${community.name} shares can subscribe to its events.`);
  },
});
