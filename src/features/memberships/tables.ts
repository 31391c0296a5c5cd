import { sql } from "drizzle-orm";
import { date, index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { updatedAt } from "../../platform/db/columns.js";
import type { CommunityRole, MembershipSummary } from "../../platform/policy.js";
import { communities } from "../communities/tables.js";
import { people } from "../people/tables.js";

export type MembershipState = MembershipSummary["state"];
export const involvements = ["follow", "take_part", "help_run"] as const;
export type Involvement = (typeof involvements)[number];

/** A person's place in a community. Leaving keeps the row (state "left"), so re-joining keeps history. */
export const memberships = pgTable(
  "memberships",
  {
    communityId: text("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    personId: text("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    role: text("role").$type<CommunityRole>().notNull().default("member"),
    state: text("state").$type<MembershipState>().notNull().default("active"),
    involvement: text("involvement").$type<Involvement>().notNull().default("take_part"),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp("left_at", { withTimezone: true }),
    leaveReason: text("leave_reason"),
    /** The person's answer to the community's joining question, when they requested to join. */
    requestAnswer: text("request_answer"),
    requestedAt: timestamp("requested_at", { withTimezone: true }),
    invitedById: text("invited_by_id"),
    invitedAt: timestamp("invited_at", { withTimezone: true }),
    /** Who approved, declined, removed or last changed the role, and the message they gave. */
    decidedById: text("decided_by_id"),
    decisionMessage: text("decision_message"),
    codeOfConductAcceptedAt: timestamp("code_of_conduct_accepted_at", { withTimezone: true }),
    /** On a break until this date (inclusive); the daily sweep brings the person back after it. */
    breakUntil: date("break_until", { mode: "string" }),
    breakStartedAt: timestamp("break_started_at", { withTimezone: true }),
    removedAt: timestamp("removed_at", { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.personId] }),
    index("memberships_person_idx").on(t.personId, t.state),
    index("memberships_community_role_idx").on(t.communityId, t.state, t.role),
    index("memberships_break_until_idx").on(t.breakUntil).where(sql`${t.state} = 'on_break'`),
    // "Recently joined" on community pages: newest current members without sorting them all.
    index("memberships_community_joined_idx")
      .on(t.communityId, t.joinedAt.desc())
      .where(sql`${t.state} in ('active', 'on_break')`),
  ],
);
