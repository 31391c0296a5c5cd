import assert from "node:assert/strict";
import { test } from "node:test";
import type { CommunityTarget } from "./features/communities/policy.js";
import "./features/audit/policy.js";
import "./features/communities/policy.js";
import "./features/organisation/policy.js";
import "./features/jobs/policy.js";
import "./features/outbox/policy.js";
import "./features/people/policy.js";
import "./features/tokens/policy.js";
import {
  type Action,
  type Actor,
  anonymous,
  type CommunityRole,
  decide,
  type PolicyActions,
  registeredActions,
  type SiteRole,
} from "./platform/policy.js";

// The authorization matrix: every action, every kind of actor, the expected answer.

const COMMUNITY_ID = "c1";
const SELF_ID = "p-self";

function person(siteRole: SiteRole, communityRole?: CommunityRole, id = SELF_ID): Actor {
  return {
    kind: "person",
    id,
    handle: id,
    name: "Someone",
    email: "someone@example.org",
    siteRole,
    memberships: new Map(
      communityRole ? [[COMMUNITY_ID, { role: communityRole, state: "active" as const }]] : [],
    ),
  };
}

const actors = {
  anonymous,
  member: person("member"),
  communityMember: person("member", "member"),
  core: person("member", "core"),
  convenor: person("member", "convenor"),
  sponsor: person("member", "sponsor"),
  programme: person("programme"),
  admin: person("admin"),
} satisfies Record<string, Actor>;
type ActorKind = keyof typeof actors;
const kinds = Object.keys(actors) as ActorKind[];

const community = (overrides: Partial<CommunityTarget> = {}): CommunityTarget => ({
  id: COMMUNITY_ID,
  slug: "hr-operations",
  name: "HR Operations",
  visibility: "listed",
  joinPolicy: "open",
  status: "active",
  ...overrides,
});

type Row<A extends Action> = { action: A; target: PolicyActions[A]; when: string; allowed: ActorKind[] };
const row = <A extends Action>(
  action: A,
  when: string,
  target: PolicyActions[A],
  allowed: ActorKind[] | "all",
): Row<Action> =>
  ({ action, when, target, allowed: allowed === "all" ? kinds : allowed }) as unknown as Row<Action>;

const signedIn: ActorKind[] = kinds.filter((k) => k !== "anonymous");
const inCommunity: ActorKind[] = ["communityMember", "core", "convenor", "sponsor"];
const notInCommunity: ActorKind[] = ["member", "programme", "admin"];

const matrix: Row<Action>[] = [
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
