import {
  community,
  inCommunity,
  type Row,
  row,
  SELF_ID,
  signedIn,
} from "../../../test/support/policy-matrix.js";
import type { Action } from "../../platform/policy.js";
import "./calendar-policy.js";

/** Rows of the authorization matrix for calendar feeds (checked by src/policy.test.ts). */
export const calendarMatrix: Row<Action>[] = [
  row("calendarFeed.manage", "their own feeds", { personId: SELF_ID }, signedIn),
  row("calendarFeed.manage", "someone else's feeds", { personId: "p-other" }, []),
  row("calendarFeed.community", "staff-wide community", community(), signedIn),
  row(
    "calendarFeed.community",
    "members-only community",
    community({ contentAccess: "members" }),
    inCommunity,
  ),
  row("calendarFeed.community", "closed staff-wide community", community({ status: "closed" }), signedIn),
];
