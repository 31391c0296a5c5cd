import { community, type Row, row } from "../../../test/support/policy-matrix.js";
import type { Action } from "../../platform/policy.js";
import "./policy.js";

const programmeTeam = ["programme", "admin"] as const;

/** This slice's rows of the authorization matrix (checked by src/policy.test.ts). */
export const programmeMatrix: Row<Action>[] = [
  row("programme.view", "the overview of every community", null, [...programmeTeam]),
  row("programme.closeCommunity", "an active community", community(), [...programmeTeam]),
  row("programme.closeCommunity", "a dormant community", community({ status: "dormant" }), [
    ...programmeTeam,
  ]),
  row("programme.closeCommunity", "a community that has closed", community({ status: "closed" }), []),
  row("programme.closeCommunity", "a proposed community", community({ status: "proposed" }), []),
  row("programme.reopenCommunity", "a community that has closed", community({ status: "closed" }), [
    ...programmeTeam,
  ]),
  row("programme.reopenCommunity", "an active community", community(), []),
  row("programme.reopenCommunity", "a dormant community", community({ status: "dormant" }), []),
];
