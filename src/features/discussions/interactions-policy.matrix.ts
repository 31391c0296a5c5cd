import type { Row } from "../../../test/support/policy-matrix.js";
import type { Action } from "../../platform/policy.js";
import "./interactions-policy.js";

/** Rows of the authorization matrix for accepted answers, reactions and follows (checked by src/policy.test.ts). */
export const interactionMatrix: Row<Action>[] = [];
