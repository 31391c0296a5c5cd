import { AppError } from "./errors.js";

export type SiteRole = "admin" | "programme" | "member";
export type CommunityRole = "convenor" | "core" | "member" | "sponsor";

export interface MembershipSummary {
  role: CommunityRole;
  state: "requested" | "invited" | "active" | "on_break" | "left";
}

/** Who is asking: a signed-in person with their roles, or an anonymous visitor. */
export type Actor =
  | { kind: "anonymous" }
  | {
      kind: "person";
      id: string;
      handle: string;
      name: string;
      email: string;
      siteRole: SiteRole;
      /** Memberships by community id, loaded once per request. */
      memberships: ReadonlyMap<string, MembershipSummary>;
      /** For the header's bell; loaded in the same query as the rest of the actor. */
      unreadNotifications?: number;
    };

export type PersonActor = Extract<Actor, { kind: "person" }>;

export const anonymous: Actor = { kind: "anonymous" };

/**
 * The action vocabulary. Each feature adds its actions by augmenting this interface, mapping the
 * action name to the type of target its rule receives:
 *   declare module "../../platform/policy.js" { interface PolicyActions { "community.join": CommunityTarget } }
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by declaration merging from each feature.
export interface PolicyActions {}

export type Action = keyof PolicyActions;

export type Decision = { allowed: true } | { allowed: false; reason: string };

export type Rule<A extends Action> = (actor: Actor, target: PolicyActions[A]) => Decision;

export const allow: Decision = { allowed: true };
export const deny = (reason: string): Decision => ({ allowed: false, reason });

const rules = new Map<Action, Rule<Action>>();

/** Each slice registers its rules once, at import time. */
export function defineRules<A extends Action>(entries: { [K in A]: Rule<K> }): void {
  for (const [action, rule] of Object.entries(entries) as [A, Rule<A>][]) {
    if (rules.has(action)) throw new Error(`Policy rule ${action} is defined twice`);
    rules.set(action, rule as unknown as Rule<Action>);
  }
}

export function decide<A extends Action>(actor: Actor, action: A, target: PolicyActions[A]): Decision {
  const rule = rules.get(action);
  // An action without a rule is refused: forgetting a rule must never open a door.
  if (!rule) return deny("This action is not available.");
  return rule(actor, target);
}

export function can<A extends Action>(actor: Actor, action: A, target: PolicyActions[A]): boolean {
  return decide(actor, action, target).allowed;
}

/** Throws a 403 (or 401 for anonymous visitors) whose message says why. */
export function authorize<A extends Action>(actor: Actor, action: A, target: PolicyActions[A]): void {
  const decision = decide(actor, action, target);
  if (decision.allowed) return;
  if (actor.kind === "anonymous") throw new AppError(401, "sign_in_required", decision.reason);
  throw new AppError(403, "forbidden", decision.reason);
}

export function registeredActions(): Action[] {
  return [...rules.keys()];
}

// Small helpers the rules share.
export const isSignedIn = (actor: Actor): actor is PersonActor => actor.kind === "person";
export const isAdmin = (actor: Actor) => actor.kind === "person" && actor.siteRole === "admin";
export const isProgrammeTeam = (actor: Actor) =>
  actor.kind === "person" && (actor.siteRole === "admin" || actor.siteRole === "programme");

export function activeRoleIn(actor: Actor, communityId: string): CommunityRole | null {
  if (actor.kind !== "person") return null;
  const membership = actor.memberships.get(communityId);
  if (!membership || (membership.state !== "active" && membership.state !== "on_break")) return null;
  return membership.role;
}

export const signInFirst = deny("Sign in first: this needs an account.");
