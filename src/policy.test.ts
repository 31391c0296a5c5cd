import assert from "node:assert/strict";
import { test } from "node:test";
import "./features/audit/policy.js";
import "./features/communities/policy.js";
import "./features/organisation/policy.js";
import "./features/jobs/policy.js";
import "./features/outbox/policy.js";
import "./features/people/policy.js";
import "./features/tokens/policy.js";
import {
  actors,
  community,
  inCommunity,
  kinds,
  notInCommunity,
  type Row,
  row,
  SELF_ID,
  signedIn,
} from "../test/support/policy-matrix.js";
import { charterMatrix } from "./features/charter/policy.matrix.js";
import { interactionMatrix } from "./features/discussions/interactions-policy.matrix.js";
import { moderationMatrix } from "./features/discussions/moderation-policy.matrix.js";
import { discussionMatrix } from "./features/discussions/policy.matrix.js";
import { sessionBoardMatrix } from "./features/events/board-policy.matrix.js";
import { calendarMatrix } from "./features/events/calendar-policy.matrix.js";
import { eventMatrix } from "./features/events/policy.matrix.js";
import { expertMatrix } from "./features/experts/policy.matrix.js";
import { lifecycleMatrix } from "./features/lifecycle/policy.matrix.js";
import { membershipMatrix } from "./features/memberships/policy.matrix.js";
import { rosterMatrix } from "./features/memberships/roster-policy.matrix.js";
import { programmeMatrix } from "./features/programme/policy.matrix.js";
import { proposalMatrix } from "./features/proposals/policy.matrix.js";
import { resourceMatrix } from "./features/resources/policy.matrix.js";
import { type Action, decide, registeredActions } from "./platform/policy.js";

// The authorization matrix: every action, every kind of actor, the expected answer. Each slice
// keeps its own rows in policy.matrix.ts beside its policy; the platform's are here.

const platformMatrix: Row<Action>[] = [
  row("person.view", "any profile", null, signedIn),
  row("person.update", "their own profile", { id: SELF_ID }, signedIn),
  row("person.update", "someone else's profile", { id: "p-other" }, ["admin"]),
  row("person.changeSiteRole", "anyone", { id: "p-other" }, ["admin"]),
  row("admin.view", "administration", null, ["programme", "admin"]),
  row("division.manage", "the division list", null, ["admin"]),
  row("audit.view", "the audit log", null, ["admin"]),
  row("community.create", "a new community", null, ["programme", "admin"]),
  row("community.view", "a listed community", community(), "all"),
  row("community.view", "an unlisted community", community({ visibility: "unlisted" }), "all"),
  row("community.viewMembers", "a community's members", community(), signedIn),
  row(
    "community.viewMembers",
    "a members-only community's members",
    community({ contentAccess: "members" }),
    [...inCommunity, "programme", "admin"],
  ),
  row("community.viewContent", "an all-staff community's content", community(), signedIn),
  row(
    "community.viewContent",
    "a members-only community's content",
    community({ contentAccess: "members" }),
    inCommunity,
  ),
  row("community.manage", "a community", community(), ["convenor", "programme", "admin"]),
  row("community.manage", "a closed community", community({ status: "closed" }), []),
  row("community.join", "an open community", community(), notInCommunity),
  row("community.join", "a request-to-join community", community({ joinPolicy: "request" }), []),
  row("community.join", "an invite-only community", community({ joinPolicy: "invite" }), []),
  row("community.join", "a closed community", community({ status: "closed" }), []),
  row("community.join", "a proposed community", community({ status: "proposed" }), []),
  row("community.leave", "a community", community(), inCommunity),
  row("jobs.view", "background jobs", null, ["programme", "admin"]),
  row("outbox.view", "the email outbox", null, ["admin"]),
  row("outbox.resend", "a queued or failed email", null, ["admin"]),
  row("token.manage", "their own tokens", { personId: SELF_ID }, signedIn),
  row("token.manage", "someone else's tokens", { personId: "p-other" }, []),
];

const matrix: Row<Action>[] = [
  ...platformMatrix,
  ...charterMatrix,
  ...discussionMatrix,
  ...interactionMatrix,
  ...moderationMatrix,
  ...eventMatrix,
  ...calendarMatrix,
  ...sessionBoardMatrix,
  ...expertMatrix,
  ...lifecycleMatrix,
  ...membershipMatrix,
  ...rosterMatrix,
  ...programmeMatrix,
  ...proposalMatrix,
  ...resourceMatrix,
];

test("every registered action has rows in the matrix", () => {
  const covered = new Set(matrix.map((r) => r.action));
  const missing = registeredActions().filter((action) => !covered.has(action));
  assert.deepEqual(missing, [], `add matrix rows for: ${missing.join(", ")}`);
});

for (const { action, when, target, allowed } of matrix) {
  test(`${action} on ${when}`, () => {
    for (const kind of kinds) {
      const decision = decide(actors[kind], action, target as never);
      const expected = allowed.includes(kind);
      assert.equal(
        decision.allowed,
        expected,
        `${kind} should ${expected ? "" : "not "}be allowed to ${action} on ${when}`,
      );
      if (!decision.allowed) assert.ok(decision.reason.length > 10, "a refusal says why");
    }
  });
}

test("an action without a rule is refused", () => {
  assert.equal(decide(actors.admin, "no.such.action" as Action, null as never).allowed, false);
});
