import { community, inCommunity, type Row, row, signedIn } from "../../../test/support/policy-matrix.js";
import type { Action } from "../../platform/policy.js";
import "./moderation-policy.js";

/** Rows of the authorization matrix for moderation (checked by src/policy.test.ts). */
export const moderationMatrix: Row<Action>[] = [
  row("discussion.moderate", "a community's discussions", community(), ["convenor", "programme", "admin"]),
  row("discussion.flag", "a post in an open community", community(), signedIn),
  row(
    "discussion.flag",
    "a post in a members-only community",
    community({ contentAccess: "members" }),
    inCommunity,
  ),
  row("discussion.flag", "a post in a closed community", community({ status: "closed" }), []),
  row("discussion.moderationOverview", "every community", null, ["programme", "admin"]),
];
