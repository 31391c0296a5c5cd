import type { CommunityTarget } from "../../src/features/communities/policy.js";
import {
  type Action,
  type Actor,
  anonymous,
  type CommunityRole,
  type PolicyActions,
  type SiteRole,
} from "../../src/platform/policy.js";

// The authorization matrix: every action, every kind of actor, the expected answer.

export const COMMUNITY_ID = "c1";
export const SELF_ID = "p-self";

export function person(siteRole: SiteRole, communityRole?: CommunityRole, id = SELF_ID): Actor {
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

export const actors = {
  anonymous,
  member: person("member"),
  communityMember: person("member", "member"),
  core: person("member", "core"),
  convenor: person("member", "convenor"),
  sponsor: person("member", "sponsor"),
  programme: person("programme"),
  admin: person("admin"),
} satisfies Record<string, Actor>;
export type ActorKind = keyof typeof actors;
export const kinds = Object.keys(actors) as ActorKind[];

export const community = (overrides: Partial<CommunityTarget> = {}): CommunityTarget => ({
  id: COMMUNITY_ID,
  slug: "hr-operations",
  name: "HR Operations",
  visibility: "listed",
  joinPolicy: "open",
  status: "active",
  contentAccess: "staff",
  ...overrides,
});

export type Row<A extends Action> = {
  action: A;
  target: PolicyActions[A];
  when: string;
  allowed: ActorKind[];
};
export const row = <A extends Action>(
  action: A,
  when: string,
  target: PolicyActions[A],
  allowed: ActorKind[] | "all",
): Row<Action> =>
  ({ action, when, target, allowed: allowed === "all" ? kinds : allowed }) as unknown as Row<Action>;

export const signedIn: ActorKind[] = kinds.filter((k) => k !== "anonymous");
export const inCommunity: ActorKind[] = ["communityMember", "core", "convenor", "sponsor"];
export const notInCommunity: ActorKind[] = ["member", "programme", "admin"];
