import {
  type Actor,
  allow,
  type Decision,
  decide,
  defineRules,
  deny,
  isSignedIn,
  type MembershipSummary,
} from "../../platform/policy.js";
import type { CommunityTarget } from "../communities/policy.js";
import "../communities/policy.js";

declare module "../../platform/policy.js" {
  interface PolicyActions {
    /** Ask to join a community whose join policy is "request". */
    "membership.request": CommunityTarget;
    /** Take back one's own pending request. */
    "membership.withdraw": CommunityTarget;
    /** Accept or decline one's own invitation. */
    "membership.respond": CommunityTarget;
    /** Review requests to join, invite people, cancel invitations. */
    "membership.review": CommunityTarget;
  }
}

/** The actor's own membership state in a community (any state but "left"), or null. */
export function membershipStateIn(actor: Actor, communityId: string): MembershipSummary["state"] | null {
  if (actor.kind !== "person") return null;
  return actor.memberships.get(communityId)?.state ?? null;
}

function notTakingMembers(community: CommunityTarget): Decision | null {
  if (community.status === "closed")
    return deny(`${community.name} has closed and is not taking new members.`);
  if (community.status === "proposed")
    return deny(`${community.name} is still a proposal; register interest instead.`);
  return null;
}

defineRules({
  "membership.request": (actor, community) => {
    if (!isSignedIn(actor)) return deny("Sign in to ask to join this community.");
    const state = membershipStateIn(actor, community.id);
    if (state === "active" || state === "on_break")
      return deny(`You are already a member of ${community.name}.`);
    if (state === "requested")
      return deny(`You have already asked to join ${community.name}. Its convenors will reply.`);
    if (state === "invited")
      return deny(`You are invited to ${community.name}: accept the invitation instead of asking.`);
    const closed = notTakingMembers(community);
    if (closed) return closed;
    if (community.joinPolicy === "open")
      return deny(`${community.name} is open to everyone: join it directly, no request needed.`);
    if (community.joinPolicy === "invite")
      return deny(`${community.name} is invite only: ask one of its convenors.`);
    return allow;
  },
  "membership.withdraw": (actor, community) => {
    if (!isSignedIn(actor)) return deny("Sign in to manage your requests to join.");
    return membershipStateIn(actor, community.id) === "requested"
      ? allow
      : deny(`You have no request to join ${community.name} waiting for an answer.`);
  },
  "membership.respond": (actor, community) => {
    if (!isSignedIn(actor)) return deny("Sign in to answer your invitations.");
    if (membershipStateIn(actor, community.id) !== "invited")
      return deny(`You have no invitation to ${community.name} waiting for an answer.`);
    if (community.status === "closed")
      return deny(`${community.name} has closed and is not taking new members.`);
    return allow;
  },
  // The same people who run the community: its convenors and the programme team, never when closed.
  "membership.review": (actor, community) => {
    if (!isSignedIn(actor)) return deny("Sign in to review requests to join.");
    const manage = decide(actor, "community.manage", community);
    if (manage.allowed) return allow;
    if (community.status === "closed") return manage;
    return deny(
      `Only the convenors of ${community.name} and the programme team can review requests and invite people.`,
    );
  },
});
