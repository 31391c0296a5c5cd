import type { Row } from "../../../test/support/policy-matrix.js";
import type { Action } from "../../platform/policy.js";
import "./policy.js";

/** Rows of the authorization matrix for threads and replies (checked by src/policy.test.ts). */
export const discussionMatrix: Row<Action>[] = [];
