import type { Db } from "../../platform/db/client.js";
import type { ReactionKind } from "./tables.js";

export interface PostReactions {
  counts: Record<ReactionKind, number>;
  /** The kinds the viewer has given this post. */
  mine: ReactionKind[];
}

/**
 * Reactions on every post (the thread and its replies) of one thread, in one query, by post id.
 * The thread page calls this once; posts with no reactions are absent from the map.
 */
export async function reactionsForThread(
  _db: Db,
  _threadId: string,
  _viewerId: string | null,
): Promise<Map<string, PostReactions>> {
  return new Map();
}
