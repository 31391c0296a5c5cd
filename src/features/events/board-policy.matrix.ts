import {
  community,
  inCommunity,
  type Row,
  row,
  SELF_ID,
  signedIn,
} from "../../../test/support/policy-matrix.js";
import type { Action } from "../../platform/policy.js";
import type { BoardTarget } from "./board-policy.js";
import type { EventTarget } from "./policy.js";
import "./board-policy.js";

const open = community();
const membersOnly = community({ contentAccess: "members" });

const event = (overrides: Partial<EventTarget> = {}): EventTarget => ({
  hosts: [open],
  organiserIds: [],
  cancelled: false,
  ended: false,
  ...overrides,
});
const board = (going: boolean, overrides: Partial<EventTarget> = {}): BoardTarget => ({
  event: event(overrides),
  going,
});

const organisers = ["core", "convenor", "programme", "admin"] as const;

/** Rows of the authorization matrix for the unconference session board (checked by src/policy.test.ts). */
export const sessionBoardMatrix: Row<Action>[] = [
  ...(["session.propose", "session.vote"] as const).flatMap((action) => [
    row(action, "going, staff-wide", board(true), signedIn),
    row(action, "not going", board(false), [...organisers]),
    row(action, "named co-organiser, not going", board(false, { organiserIds: [SELF_ID] }), signedIn),
    row(action, "going, members-only host", board(true, { hosts: [membersOnly] }), inCommunity),
    row(action, "ended", board(true, { ended: true }), []),
    row(action, "cancelled", board(true, { cancelled: true }), []),
  ]),
  row("session.withdraw", "your own proposal", { board: board(false), proposerId: SELF_ID }, signedIn),
  row("session.withdraw", "someone else's proposal", { board: board(true), proposerId: "p-other" }, [
    ...organisers,
  ]),
  row(
    "session.withdraw",
    "your own proposal, members-only host",
    { board: board(true, { hosts: [membersOnly] }), proposerId: SELF_ID },
    inCommunity,
  ),
];
