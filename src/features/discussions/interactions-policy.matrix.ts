import {
  community,
  inCommunity,
  type Row,
  row,
  SELF_ID,
  signedIn,
} from "../../../test/support/policy-matrix.js";
import type { Action } from "../../platform/policy.js";
import "./interactions-policy.js";

const staff = community();
const membersOnly = community({ contentAccess: "members" });
const closed = community({ status: "closed" });
const leaders = ["convenor", "programme", "admin"] as const;

/** Rows of the authorization matrix for accepted answers, reactions and follows (checked by src/policy.test.ts). */
export const interactionMatrix: Row<Action>[] = [
  row(
    "discussion.accept",
    "someone else's question",
    { community: staff, authorId: "p-other", kind: "question" },
    [...leaders],
  ),
  row(
    "discussion.accept",
    "your own question (staff community)",
    { community: staff, authorId: SELF_ID, kind: "question" },
    signedIn,
  ),
  row(
    "discussion.accept",
    "your own question (members-only community)",
    { community: membersOnly, authorId: SELF_ID, kind: "question" },
    [...inCommunity, "programme", "admin"],
  ),
  row(
    "discussion.accept",
    "a discussion, not a question",
    { community: staff, authorId: SELF_ID, kind: "discussion" },
    [],
  ),
  row(
    "discussion.accept",
    "a question in a closed community",
    { community: closed, authorId: SELF_ID, kind: "question" },
    [],
  ),
  row("discussion.react", "someone else's post", { community: staff, authorId: "p-other" }, inCommunity),
  row(
    "discussion.react",
    "someone else's post (members-only)",
    { community: membersOnly, authorId: "p-other" },
    inCommunity,
  ),
  row("discussion.react", "your own post", { community: staff, authorId: SELF_ID }, []),
  row("discussion.react", "a post in a closed community", { community: closed, authorId: "p-other" }, []),
  row("discussion.follow", "a thread (staff community)", staff, signedIn),
  row("discussion.follow", "a thread (members-only community)", membersOnly, inCommunity),
  row("discussion.follow", "a thread in a closed community", closed, signedIn),
];
