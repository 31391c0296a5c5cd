import {
  type Actor,
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
import type { ThreadKind } from "./tables.js";
import "../communities/policy.js";

/** A thread, for accepting one of its replies as the answer. */
export interface AcceptTarget {
  community: CommunityTarget;
  /** The thread's author (the asker). */
  authorId: string | null;
  kind: ThreadKind;
}

/** A post (a thread's opening post or a reply), for reacting to it. */
export interface ReactTarget {
  community: CommunityTarget;
  /** The post's author. */
  authorId: string | null;
}

declare module "../../platform/policy.js" {
  interface PolicyActions {
    /** Accept (or unaccept) a reply as the answer to a question. */
    "discussion.accept": AcceptTarget;
    /** Say thanks, helpful or same problem on someone else's post. */
    "discussion.react": ReactTarget;
    /** Follow or unfollow a thread: anyone who can read the community's discussions. */
    "discussion.follow": CommunityTarget;
  }
}

const closedRefusal = (community: CommunityTarget) =>
  deny(`${community.name} has closed. Its discussions stay readable but nothing can be changed.`);

const leads = (actor: Actor, community: CommunityTarget) =>
  activeRoleIn(actor, community.id) === "convenor" || isProgrammeTeam(actor);

defineRules({
  "discussion.accept": (actor, thread) => {
    if (!isSignedIn(actor)) return signInFirst;
    const { community } = thread;
    if (community.status === "closed") return closedRefusal(community);
    if (thread.kind !== "question") return deny("Only questions have an accepted answer.");
    if (leads(actor, community)) return allow;
    if (thread.authorId !== actor.id)
      return deny(`Only the person who asked and the convenors of ${community.name} can accept an answer.`);
    return decide(actor, "community.viewContent", community);
  },
  "discussion.react": (actor, post) => {
    if (!isSignedIn(actor)) return signInFirst;
    const { community } = post;
    if (community.status === "closed") return closedRefusal(community);
    if (post.authorId === actor.id) return deny("You cannot react to your own post.");
    if (!activeRoleIn(actor, community.id))
      return deny(`Only members of ${community.name} can react to posts. Join the community to take part.`);
    return allow;
  },
  "discussion.follow": (actor, community) => {
    if (!isSignedIn(actor)) return deny("Sign in to follow a thread.");
    return decide(actor, "community.viewContent", community);
  },
});
