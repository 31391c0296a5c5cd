import {
  community,
  inCommunity,
  type Row,
  row,
  SELF_ID,
  signedIn,
} from "../../../test/support/policy-matrix.js";
import type { Action } from "../../platform/policy.js";
import type { ResourceTarget } from "./policy.js";
import "./policy.js";

const open = community();
const membersOnly = community({ contentAccess: "members" });
const closed = community({ status: "closed" });

const resource = (overrides: Partial<ResourceTarget> = {}): ResourceTarget => ({
  community: open,
  ownerId: "p-other",
  status: "published",
  ...overrides,
});

const leads = ["core", "convenor"] as const;
const programme = ["programme", "admin"] as const;

/** Rows of the authorization matrix for resources and collections (checked by src/policy.test.ts). */
export const resourceMatrix: Row<Action>[] = [
  row("resource.view", "published, staff-wide", resource(), signedIn),
  row("resource.view", "published, members-only", resource({ community: membersOnly }), inCommunity),
  row("resource.view", "someone else's draft", resource({ status: "draft" }), [...leads, ...programme]),
  row("resource.view", "own draft", resource({ status: "draft", ownerId: SELF_ID }), signedIn),
  row("resource.view", "starter toolkit", resource({ community: null }), signedIn),
  row("resource.create", "active community", open, [...inCommunity, ...programme]),
  row("resource.create", "closed community", closed, []),
  row("resource.create", "starter toolkit", null, [...programme]),
  row("resource.edit", "published", resource(), [...inCommunity, ...programme]),
  row("resource.edit", "archived", resource({ status: "archived" }), [...leads, ...programme]),
  row("resource.edit", "closed community", resource({ community: closed }), []),
  row("resource.edit", "starter toolkit", resource({ community: null }), [...programme]),
  row("resource.curate", "someone else's", resource(), [...leads, ...programme]),
  row("resource.curate", "own, as a member", resource({ ownerId: SELF_ID }), [...inCommunity, ...programme]),
  row("resource.curate", "starter toolkit", resource({ community: null }), [...programme]),
  row("resource.endorse", "published", resource(), [...leads]),
  row("resource.endorse", "draft", resource({ status: "draft" }), []),
  row("resource.endorse", "closed community", resource({ community: closed }), []),
  row("resource.endorse", "starter toolkit", resource({ community: null }), [...programme]),
  row("resource.mark", "someone else's", resource(), signedIn),
  row("resource.mark", "own", resource({ ownerId: SELF_ID }), []),
  row("resource.mark", "draft", resource({ status: "draft" }), []),
  row("collection.manage", "community", open, [...leads, ...programme]),
  row("collection.manage", "closed community", closed, []),
  row("collection.manage", "starter toolkit", null, [...programme]),
];
