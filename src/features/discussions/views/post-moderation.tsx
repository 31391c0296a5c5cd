import type { PageContext } from "../../../ui/page-context.js";
import type { PostRef } from "./post-interactions.js";

/** "Flag" for members, and hide / unhide for moderators, under a post. */
export function PostModeration(_props: {
  ctx: PageContext;
  post: PostRef;
  hidden: boolean;
  canFlag: boolean;
  canModerate: boolean;
}) {
  return null;
}

/** Lock, pin and move controls for a whole thread, for moderators. */
export function ThreadModeration(_props: {
  ctx: PageContext;
  threadUrl: string;
  threadId: string;
  locked: boolean;
  pinned: boolean;
  canModerate: boolean;
}) {
  return null;
}
