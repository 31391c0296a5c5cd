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
import type { ResourceStatus } from "./tables.js";
import "../communities/policy.js";

/** A resource as its rules see it. `community` null: the programme's starter toolkit. */
export interface ResourceTarget {
  community: CommunityTarget | null;
  ownerId: string | null;
  status: ResourceStatus;
}

declare module "../../platform/policy.js" {
  interface PolicyActions {
    "resource.view": ResourceTarget;
    /** Target: the community, or null for the starter toolkit. */
    "resource.create": CommunityTarget | null;
    "resource.edit": ResourceTarget;
    /** Publish, archive, restore from archive, set the review date, mark as reviewed. */
    "resource.curate": ResourceTarget;
    "resource.endorse": ResourceTarget;
    "resource.mark": ResourceTarget;
    /** Create and arrange collections (null: the starter toolkit's). */
    "collection.manage": CommunityTarget | null;
  }
}

const isLead = (actor: Actor, community: CommunityTarget) => {
  const role = activeRoleIn(actor, community.id);
  return role === "convenor" || role === "core";
};
const isOwner = (actor: Actor, resource: ResourceTarget) =>
  isSignedIn(actor) && resource.ownerId !== null && resource.ownerId === actor.id;

function closedCommunity(community: CommunityTarget | null) {
  return community?.status === "closed"
    ? deny(`${community.name} has closed. Its resources stay readable but can no longer be changed.`)
    : null;
}

defineRules({
  "resource.view": (actor, resource) => {
    if (!isSignedIn(actor)) return deny("Sign in to read the community's resources.");
    const { community } = resource;
    if (community) {
      const content = decide(actor, "community.viewContent", community);
      if (!content.allowed) return content;
    }
    if (resource.status !== "draft") return allow;
    // Drafts: the owner and the people who could publish them.
    if (isOwner(actor, resource) || isProgrammeTeam(actor) || (community && isLead(actor, community)))
      return allow;
    return deny("This is a draft: only its owner and the community's convenors and core members can see it.");
  },
  "resource.create": (actor, community) => {
    if (!isSignedIn(actor)) return signInFirst;
    if (!community)
      return isProgrammeTeam(actor) ? allow : deny("Only the programme team can add to the starter toolkit.");
    const closed = closedCommunity(community);
    if (closed) return closed;
    if (activeRoleIn(actor, community.id) || isProgrammeTeam(actor)) return allow;
    return deny(`Only members of ${community.name} can add resources to it.`);
  },
  // The repertoire is written together: any current member may improve a resource they can read.
  "resource.edit": (actor, resource) => {
    if (!isSignedIn(actor)) return signInFirst;
    const { community } = resource;
    if (!community)
      return isProgrammeTeam(actor) ? allow : deny("Only the programme team can edit the starter toolkit.");
    const closed = closedCommunity(community);
    if (closed) return closed;
    const view = decide(actor, "resource.view", resource);
    if (!view.allowed) return view;
    if (resource.status === "archived" && !isLead(actor, community) && !isProgrammeTeam(actor))
      return deny("This resource is archived: a convenor or core member can bring it back first.");
    if (activeRoleIn(actor, community.id) || isProgrammeTeam(actor)) return allow;
    return deny(`Only members of ${community.name} can edit its resources.`);
  },
  "resource.curate": (actor, resource) => {
    if (!isSignedIn(actor)) return signInFirst;
    const { community } = resource;
    if (!community)
      return isProgrammeTeam(actor) ? allow : deny("Only the programme team can curate the starter toolkit.");
    const closed = closedCommunity(community);
    if (closed) return closed;
    if (isProgrammeTeam(actor) || isLead(actor, community)) return allow;
    if (isOwner(actor, resource) && activeRoleIn(actor, community.id)) return allow;
    return deny("Only the owner and the community's convenors and core members can do this.");
  },
  // Endorsed = the community's agreed good practice, decided by its leads (per the charter's decision process).
  "resource.endorse": (actor, resource) => {
    if (!isSignedIn(actor)) return signInFirst;
    const { community } = resource;
    if (!community)
      return isProgrammeTeam(actor)
        ? allow
        : deny("Only the programme team can endorse starter toolkit items.");
    const closed = closedCommunity(community);
    if (closed) return closed;
    if (resource.status === "draft" || resource.status === "archived")
      return deny("Only a published resource can be endorsed.");
    return isLead(actor, community)
      ? allow
      : deny(`Only the convenors and core members of ${community.name} can endorse a resource.`);
  },
  "resource.mark": (actor, resource) => {
    if (!isSignedIn(actor)) return signInFirst;
    const view = decide(actor, "resource.view", resource);
    if (!view.allowed) return view;
    if (resource.status === "draft") return deny("A draft cannot be marked yet.");
    if (isOwner(actor, resource)) return deny("Marks record use by other people, not the owner.");
    return allow;
  },
  "collection.manage": (actor, community) => {
    if (!isSignedIn(actor)) return signInFirst;
    if (!community)
      return isProgrammeTeam(actor)
        ? allow
        : deny("Only the programme team can arrange the starter toolkit.");
    const closed = closedCommunity(community);
    if (closed) return closed;
    if (isLead(actor, community) || isProgrammeTeam(actor)) return allow;
    return deny(`Only the convenors and core members of ${community.name} can arrange its collections.`);
  },
});
