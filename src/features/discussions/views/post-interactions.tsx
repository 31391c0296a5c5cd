import type { PageContext } from "../../../ui/page-context.js";
import type { PostReactions } from "../interactions-queries.js";

/** What the thread page knows about one post, for the interaction controls under it. */
export interface PostRef {
  id: string;
  threadId: string;
  /** The thread's address, e.g. /communities/hr-operations/discussions/<threadId>. */
  threadUrl: string;
  authorId: string | null;
  isThread: boolean;
}

/** Reaction buttons (thanks, helpful, same problem) with counts, under a post. */
export function ReactionBar(_props: {
  ctx: PageContext;
  post: PostRef;
  reactions: PostReactions | undefined;
  canReact: boolean;
}) {
  return null;
}

/** "Accept this answer" under a reply of a question, for the asker and convenors. */
export function AcceptAnswerButton(_props: {
  ctx: PageContext;
  post: PostRef;
  accepted: boolean;
  canAccept: boolean;
}) {
  return null;
}

/** Follow / unfollow the thread. */
export function FollowButton(_props: {
  ctx: PageContext;
  threadUrl: string;
  threadId: string;
  following: boolean;
}) {
  return null;
}
