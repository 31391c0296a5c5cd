import {
  type Actor,
  activeRoleIn,
  allow,
  decide,
  defineRules,
  deny,
  isProgrammeTeam,
  isSignedIn,
  signInFirst,
} from "../../platform/policy.js";
import type { CommunityTarget } from "../communities/policy.js";
import "../communities/policy.js";

/** An event as its rules see it. `hosts[0]` is the host community; the rest co-host it. */
export interface EventTarget {
  hosts: CommunityTarget[];
  /** People the organisers named as co-organisers. */
  organiserIds: readonly string[];
  cancelled: boolean;
  /** The event has ended (RSVP closes; attendance and outputs open). */
  ended: boolean;
}

declare module "../../platform/policy.js" {
  interface PolicyActions {
    "event.view": EventTarget;
    "event.create": CommunityTarget;
    "event.manage": EventTarget;
    "event.rsvp": EventTarget;
  }
}

/** Convenors and core members of any host community, named co-organisers, and the programme team. */
export function isOrganiser(actor: Actor, event: EventTarget): boolean {
  if (!isSignedIn(actor)) return false;
  if (isProgrammeTeam(actor)) return true;
  if (event.organiserIds.includes(actor.id)) return true;
  return event.hosts.some((host) => {
    const role = activeRoleIn(actor, host.id);
    return role === "convenor" || role === "core";
  });
}

defineRules({
  // Readable by anyone who can read what any of its host communities share.
  "event.view": (actor, event) => {
    const decisions = event.hosts.map((host) => decide(actor, "community.viewContent", host));
    return decisions.find((d) => d.allowed) ?? decisions[0] ?? deny("This event is not visible to you.");
  },
  "event.create": (actor, community) => {
    if (!isSignedIn(actor)) return signInFirst;
    if (community.status === "closed")
      return deny(`${community.name} has closed: it can no longer plan activities.`);
    const role = activeRoleIn(actor, community.id);
    if (role === "convenor" || role === "core" || isProgrammeTeam(actor)) return allow;
    return deny(`Only the convenors and core members of ${community.name} can plan its activities.`);
  },
  "event.manage": (actor, event) => {
    if (!isSignedIn(actor)) return signInFirst;
    const host = event.hosts[0];
    if (host && host.status === "closed")
      return deny(`${host.name} has closed. Its events stay readable but can no longer be changed.`);
    return isOrganiser(actor, event) ? allow : deny("Only the organisers of this event can change it.");
  },
  "event.rsvp": (actor, event) => {
    if (!isSignedIn(actor)) return deny("Sign in to say whether you are coming.");
    const view = decide(actor, "event.view", event);
    if (!view.allowed) return view;
    if (event.cancelled) return deny("This event has been cancelled.");
    if (event.ended) return deny("This event has already taken place.");
    return allow;
  },
});
