import { community, type Row, row } from "../../../test/support/policy-matrix.js";
import type { Action } from "../../platform/policy.js";
import "./moderation-policy.js";

/** Rows of the authorization matrix for moderation (checked by src/policy.test.ts). */
export const moderationMatrix: Row<Action>[] = [
  row("discussion.moderate", "a community's discussions", community(), ["convenor", "programme", "admin"]),
];
