import type { Row } from "../../../test/support/policy-matrix.js";
import type { Action } from "../../platform/policy.js";
import "./policy.js";

/** This slice's rows of the authorization matrix (checked by src/policy.test.ts). */
export const programmeMatrix: Row<Action>[] = [];
