import {
  community,
  inCommunity,
  type Row,
  row,
  SELF_ID,
  signedIn,
} from "../../../test/support/policy-matrix.js";
import type { Action } from "../../platform/policy.js";
import type { EventTarget } from "./policy.js";
import "./policy.js";

const open = community();
const membersOnly = community({ contentAccess: "members" });
const closed = community({ status: "closed" });
const otherMembersOnly = community({ id: "c2", slug: "other", name: "Other", contentAccess: "members" });

const event = (overrides: Partial<EventTarget> = {}): EventTarget => ({
  hosts: [open],
  organiserIds: [],
  cancelled: false,
  ended: false,
  ...overrides,
});

const organisers = ["core", "convenor", "programme", "admin"] as const;

/** Rows of the authorization matrix for events (checked by src/policy.test.ts). */
export const eventMatrix: Row<Action>[] = [
  row("event.view", "staff-wide host", event(), signedIn),
  row("event.view", "members-only host", event({ hosts: [membersOnly] }), inCommunity),
  row(
    "event.view",
    "members-only co-host of another's event",
    event({ hosts: [otherMembersOnly, membersOnly] }),
    inCommunity,
  ),
  row("event.create", "active community", open, [...organisers]),
  row("event.create", "closed community", closed, []),
  row("event.manage", "host's event", event(), [...organisers]),
  row("event.manage", "named co-organiser", event({ organiserIds: [SELF_ID] }), signedIn),
  row("event.manage", "closed host", event({ hosts: [closed] }), []),
  row("event.rsvp", "upcoming, staff-wide", event(), signedIn),
  row("event.rsvp", "upcoming, members-only", event({ hosts: [membersOnly] }), inCommunity),
  row("event.rsvp", "cancelled", event({ cancelled: true }), []),
  row("event.rsvp", "ended", event({ ended: true }), []),
];
