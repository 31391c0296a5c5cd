import { type Row, row, SELF_ID, signedIn } from "../../../test/support/policy-matrix.js";
import type { Action } from "../../platform/policy.js";
import type { ProposalTarget } from "./policy.js";
import "./policy.js";

const proposal = (overrides: Partial<ProposalTarget> = {}): ProposalTarget => ({
  id: "pr1",
  name: "Research Software",
  proposerId: "p-other",
  status: "submitted",
  ...overrides,
});
const own = (overrides: Partial<ProposalTarget> = {}) => proposal({ proposerId: SELF_ID, ...overrides });
const team = ["programme", "admin"] as const;
// In the matrix every signed-in actor has the same id, so "their own" proposal is everyone's.
const everyone = signedIn;

/** This slice's rows of the authorization matrix (checked by src/policy.test.ts). */
export const proposalMatrix: Row<Action>[] = [
  row("proposal.create", "a new proposal", null, signedIn),
  row("proposal.review", "the review queue", null, [...team]),
  row("proposal.view", "someone else's proposal", proposal(), [...team]),
  row("proposal.view", "their own proposal", own(), everyone),
  row("proposal.view", "their own declined proposal", own({ status: "declined" }), everyone),
  row("proposal.edit", "their own proposal awaiting changes", own({ status: "changes_requested" }), everyone),
  row("proposal.edit", "their own proposal under review", own(), []),
  row(
    "proposal.edit",
    "someone else's proposal awaiting changes",
    proposal({ status: "changes_requested" }),
    [],
  ),
  row("proposal.withdraw", "their own proposal under review", own(), everyone),
  row(
    "proposal.withdraw",
    "their own proposal awaiting changes",
    own({ status: "changes_requested" }),
    everyone,
  ),
  row("proposal.withdraw", "their own approved proposal", own({ status: "approved" }), []),
  row("proposal.withdraw", "someone else's proposal", proposal(), []),
  row("proposal.comment", "someone else's proposal under review", proposal(), [...team]),
  row("proposal.comment", "their own proposal under review", own(), everyone),
  row("proposal.comment", "a declined proposal", own({ status: "declined" }), []),
  row("proposal.decide", "a proposal under review", proposal(), [...team]),
  row("proposal.decide", "a proposal awaiting changes", proposal({ status: "changes_requested" }), [...team]),
  row("proposal.decide", "an approved proposal", proposal({ status: "approved" }), []),
  row("proposal.decide", "a withdrawn proposal", proposal({ status: "withdrawn" }), []),
  row("proposal.registerInterest", "someone else's proposal under review", proposal(), signedIn),
  row("proposal.registerInterest", "their own proposal", own(), []),
  row("proposal.registerInterest", "a declined proposal", proposal({ status: "declined" }), []),
];
