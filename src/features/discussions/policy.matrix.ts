import {
  community,
  inCommunity,
  type Row,
  row,
  SELF_ID,
  signedIn,
} from "../../../test/support/policy-matrix.js";
import type { Action } from "../../platform/policy.js";
import "./policy.js";

const open = community();
const membersOnly = community({ contentAccess: "members" });
const closed = community({ status: "closed" });

/** Rows of the authorization matrix for threads and replies (checked by src/policy.test.ts). */
export const discussionMatrix: Row<Action>[] = [
  row("discussion.view", "staff-wide community", open, signedIn),
  row("discussion.view", "members-only community", membersOnly, inCommunity),
  row("discussion.start", "active community", open, inCommunity),
  row("discussion.start", "closed community", closed, []),
  row("discussion.announce", "active community", open, ["core", "convenor"]),
  row("discussion.announce", "closed community", closed, []),
  row("discussion.reply", "open thread", { community: open, locked: false }, inCommunity),
  row("discussion.reply", "locked thread", { community: open, locked: true }, []),
  row("discussion.reply", "closed community", { community: closed, locked: false }, []),
  row("discussion.editOwn", "own post", { community: open, authorId: SELF_ID }, signedIn),
  row("discussion.editOwn", "someone else's post", { community: open, authorId: "p-other" }, []),
  row("discussion.editOwn", "own post, closed community", { community: closed, authorId: SELF_ID }, []),
  row("discussion.deleteOwn", "own post", { community: open, authorId: SELF_ID }, signedIn),
  row("discussion.deleteOwn", "someone else's post", { community: open, authorId: "p-other" }, []),
];
