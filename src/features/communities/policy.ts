import {
  type Actor,
  activeRoleIn,
  allow,
  defineRules,
  deny,
  isProgrammeTeam,
  isSignedIn,
  signInFirst,
} from "../../platform/policy.js";
import type { CommunityStatus, ContentAccess, JoinPolicy, Visibility } from "./tables.js";

/** The facts about a community that its rules need. */
export interface CommunityTarget {
  id: string;
  slug: string;
  name: string;
  visibility: Visibility;
  joinPolicy: JoinPolicy;
  status: CommunityStatus;
  contentAccess: ContentAccess;
}

declare module "../../platform/policy.js" {
  interface PolicyActions {
    "community.create": null;
    "community.view": CommunityTarget;
    "community.viewMembers": CommunityTarget;
    "community.viewContent": CommunityTarget;
    "community.manage": CommunityTarget;
    "community.join": CommunityTarget;
    "community.leave": CommunityTarget;
  }
}

defineRules({
  "community.create": (actor) => {
    if (!isSignedIn(actor)) return signInFirst;
    return isProgrammeTeam(actor)
      ? allow
      : deny("Only the programme team can create a community directly. Propose one instead.");
  },
  // Community pages (summary and charter) are readable by anyone with the link; unlisted ones are
  // simply not shown in the directory. What members write is protected by each content rule.
  "community.view": () => allow,
  // The full member list follows the content rule; the programme team also sees it, to support
  // convenors. Convenors and contacts are shown to every signed-in person on the community page.
  "community.viewMembers": (actor, community) => {
    if (!isSignedIn(actor)) return deny("Sign in to see who is in this community.");
    if (isProgrammeTeam(actor)) return allow;
    return canReadContent(actor, community);
  },
  // What members write (discussions, events, resources, recent activity). Every content rule in
  // later slices starts from this one, so "members only" means the same everywhere.
  "community.viewContent": (actor, community) => {
    if (!isSignedIn(actor)) return deny("Sign in to read what this community shares.");
    return canReadContent(actor, community);
  },
  // Details, channels, join policy, stage, requests and invitations. Closed communities are read-only.
  "community.manage": (actor, community) => {
    if (!isSignedIn(actor)) return signInFirst;
    if (community.status === "closed")
      return deny(`${community.name} has closed. Its pages stay readable but nothing can be changed.`);
    if (activeRoleIn(actor, community.id) === "convenor" || isProgrammeTeam(actor)) return allow;
    return deny(`Only the convenors of ${community.name} can change how it is run.`);
  },
  "community.join": (actor, community) => {
    if (!isSignedIn(actor)) return deny("Sign in to join this community.");
    if (activeRoleIn(actor, community.id)) return deny(`You are already a member of ${community.name}.`);
    if (community.status === "closed")
      return deny(`${community.name} has closed and is not taking new members.`);
    if (community.status === "proposed")
      return deny(`${community.name} is still a proposal; register interest instead.`);
    if (community.joinPolicy === "invite")
      return deny(`${community.name} is invite only: ask one of its convenors.`);
    if (community.joinPolicy === "request") {
      return deny(
        `${community.name} asks people to request to join; its convenors will review your request.`,
      );
    }
    return allow;
  },
  "community.leave": (actor, community) => {
    if (!isSignedIn(actor)) return signInFirst;
    return activeRoleIn(actor, community.id) ? allow : deny(`You are not a member of ${community.name}.`);
  },
});

function canReadContent(actor: Actor, community: CommunityTarget) {
  if (community.contentAccess === "staff" || activeRoleIn(actor, community.id)) return allow;
  return deny(`Only members of ${community.name} can see this. Join the community to take part.`);
}
