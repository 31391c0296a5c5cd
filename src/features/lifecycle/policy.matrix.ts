import { community, type Row, row, signedIn } from "../../../test/support/policy-matrix.js";
import type { Action } from "../../platform/policy.js";
import "./policy.js";

/** This slice's rows of the authorization matrix (checked by src/policy.test.ts). */
export const lifecycleMatrix: Row<Action>[] = [
  row("lifecycle.view", "a community's lifecycle", community(), signedIn),
  row(
    "lifecycle.view",
    "a members-only community's lifecycle",
    community({ contentAccess: "members" }),
    signedIn,
  ),
  row("lifecycle.view", "a closed community's lifecycle", community({ status: "closed" }), signedIn),
  row("lifecycle.tick", "a community's checklist", community(), ["core", "convenor", "programme", "admin"]),
  row("lifecycle.tick", "a dormant community's checklist", community({ status: "dormant" }), [
    "core",
    "convenor",
    "programme",
    "admin",
  ]),
  row("lifecycle.tick", "a closed community's checklist", community({ status: "closed" }), []),
  row("lifecycle.move", "a community's stage", community(), ["convenor", "programme", "admin"]),
  row("lifecycle.move", "a members-only community's stage", community({ contentAccess: "members" }), [
    "convenor",
    "programme",
    "admin",
  ]),
  row("lifecycle.move", "a closed community's stage", community({ status: "closed" }), []),
];
