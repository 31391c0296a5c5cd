import { community, notInCommunity, type Row, row } from "../../../test/support/policy-matrix.js";
import type { Action } from "../../platform/policy.js";
import "./policy.js";

/**
 * This slice's rows of the authorization matrix (checked by src/policy.test.ts). The matrix's
 * actors are all active members or outsiders; requested and invited people are covered in
 * joining.test.ts.
 */
export const membershipMatrix: Row<Action>[] = [
  row(
    "membership.request",
    "a request-to-join community",
    community({ joinPolicy: "request" }),
    notInCommunity,
  ),
  row("membership.request", "an open community", community(), []),
  row("membership.request", "an invite-only community", community({ joinPolicy: "invite" }), []),
  row(
    "membership.request",
    "a closed request-to-join community",
    community({ joinPolicy: "request", status: "closed" }),
    [],
  ),
  row(
    "membership.request",
    "a proposed request-to-join community",
    community({ joinPolicy: "request", status: "proposed" }),
    [],
  ),
  row(
    "membership.request",
    "a dormant request-to-join community",
    community({ joinPolicy: "request", status: "dormant" }),
    notInCommunity,
  ),
  row("membership.withdraw", "a community they have not asked to join", community(), []),
  row("membership.respond", "a community they are not invited to", community({ joinPolicy: "invite" }), []),
  row("membership.review", "a community", community(), ["convenor", "programme", "admin"]),
  row("membership.review", "an invite-only community", community({ joinPolicy: "invite" }), [
    "convenor",
    "programme",
    "admin",
  ]),
  row("membership.review", "a closed community", community({ status: "closed" }), []),
];
