import type { Row } from "../../../test/support/policy-matrix.js";
import type { Action } from "../../platform/policy.js";
import "./roster-policy.js";

/** The roster's rows of the authorization matrix (checked by src/policy.test.ts). */
export const rosterMatrix: Row<Action>[] = [];
