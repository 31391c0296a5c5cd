import {
  type Actor,
  activeRoleIn,
  allow,
  decide,
  defineRules,
  deny,
  isSignedIn,
  signInFirst,
} from "../../platform/policy.js";
import type { CommunityTarget } from "../communities/policy.js";
import "../communities/policy.js";

/** A thread as its rules see it: the community it lives in, whether it is locked. */
export interface ThreadTarget {
  community: CommunityTarget;
  locked: boolean;
}

/** A thread or a reply, for the rules about its author's own changes. */
export interface PostTarget {
  community: CommunityTarget;
  authorId: string | null;
}

declare module "../../platform/policy.js" {
  interface PolicyActions {
    "discussion.view": CommunityTarget;
    "discussion.start": CommunityTarget;
    "discussion.announce": CommunityTarget;
    "discussion.reply": ThreadTarget;
    "discussion.editOwn": PostTarget;
    "discussion.deleteOwn": PostTarget;
  }
}

function currentMember(actor: Actor, community: CommunityTarget, doing: string) {
  if (!isSignedIn(actor)) return signInFirst;
  if (community.status === "closed")
    return deny(`${community.name} has closed. Its discussions stay readable but nothing new can be added.`);
  if (!activeRoleIn(actor, community.id)) return deny(`Only members of ${community.name} can ${doing}.`);
  return allow;
}

defineRules({
  "discussion.view": (actor, community) => decide(actor, "community.viewContent", community),
  "discussion.start": (actor, community) => currentMember(actor, community, "start a discussion"),
  "discussion.announce": (actor, community) => {
    const member = currentMember(actor, community, "post announcements");
    if (!member.allowed) return member;
    const role = activeRoleIn(actor, community.id);
    return role === "convenor" || role === "core"
      ? allow
      : deny(`Only the convenors and core members of ${community.name} can post announcements.`);
  },
  "discussion.reply": (actor, thread) => {
    const member = currentMember(actor, thread.community, "reply");
    if (!member.allowed) return member;
    return thread.locked ? deny("This thread is locked: a moderator has closed it to new replies.") : allow;
  },
  "discussion.editOwn": (actor, post) => ownPost(actor, post, "edit"),
  "discussion.deleteOwn": (actor, post) => ownPost(actor, post, "delete"),
});

function ownPost(actor: Actor, post: PostTarget, verb: string) {
  if (!isSignedIn(actor)) return signInFirst;
  if (post.community.status === "closed")
    return deny(`${post.community.name} has closed. Its discussions can no longer be changed.`);
  if (!post.authorId || post.authorId !== actor.id) return deny(`Only the author of a post can ${verb} it.`);
  return allow;
}
