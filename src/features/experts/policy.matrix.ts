import { type Row, row, signedIn } from "../../../test/support/policy-matrix.js";
import type { Action } from "../../platform/policy.js";
import "./policy.js";

/** Rows of the authorization matrix for the expert finder (checked by src/policy.test.ts). */
export const expertMatrix: Row<Action>[] = [row("expert.find", "the expert finder", null, signedIn)];
