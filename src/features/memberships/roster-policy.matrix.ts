import { community, inCommunity, type Row, row } from "../../../test/support/policy-matrix.js";
import type { Action } from "../../platform/policy.js";
import "./roster-policy.js";

const runners = ["convenor", "programme", "admin"] as const;

/** The roster's rows of the authorization matrix (checked by src/policy.test.ts). */
export const rosterMatrix: Row<Action>[] = [
  row("roster.export", "a community's member list", community(), [...runners]),
  row("roster.export", "a members-only community's member list", community({ contentAccess: "members" }), [
    ...runners,
  ]),
  row("roster.export", "a closed community's member list", community({ status: "closed" }), [...runners]),
  row("roster.manage", "roles and removals", community(), [...runners]),
  row("roster.manage", "roles and removals in a closed community", community({ status: "closed" }), []),
  row("roster.viewLeaving", "leaving reasons", community(), [...runners]),
  row("roster.viewLeaving", "a closed community's leaving reasons", community({ status: "closed" }), [
    ...runners,
  ]),
  row("roster.editOwn", "their own membership", community(), inCommunity),
  row("roster.editOwn", "their own membership of a closed community", community({ status: "closed" }), []),
];
