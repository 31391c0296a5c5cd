import { community, type Row, row } from "../../../test/support/policy-matrix.js";
import type { Action } from "../../platform/policy.js";
import "./policy.js";

/** This slice's rows of the authorization matrix (checked by src/policy.test.ts). */
export const charterMatrix: Row<Action>[] = [
  row("charter.edit", "a community's charter", community(), ["core", "convenor", "programme", "admin"]),
  row("charter.edit", "a members-only community's charter", community({ contentAccess: "members" }), [
    "core",
    "convenor",
    "programme",
    "admin",
  ]),
  row("charter.edit", "an invite-only community's charter", community({ joinPolicy: "invite" }), [
    "core",
    "convenor",
    "programme",
    "admin",
  ]),
  row("charter.edit", "a closed community's charter", community({ status: "closed" }), []),
];
