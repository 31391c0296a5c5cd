import { index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt, emptyTextArray, id, updatedAt } from "../../platform/db/columns.js";
import { communities, type Stage } from "../communities/tables.js";
import { people } from "../people/tables.js";

export const proposalStatuses = [
  "submitted",
  "changes_requested",
  "approved",
  "declined",
  "withdrawn",
] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

/** A request to start a community, reviewed by the programme team. */
export const proposals = pgTable(
  "proposals",
  {
    id: id(),
    proposerId: text("proposer_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    status: text("status").$type<ProposalStatus>().notNull().default("submitted"),
    name: text("name").notNull(),
    practiceAreas: text("practice_areas").array().notNull().default(emptyTextArray),
    need: text("need").notNull().default(""),
    audience: text("audience").notNull().default(""),
    plannedActivities: text("planned_activities").notNull().default(""),
    /** People ids of the founding core group; invited as core when the proposal is approved. */
    foundingCoreIds: text("founding_core_ids").array().notNull().default(emptyTextArray),
    suggestedSponsorId: text("suggested_sponsor_id").references(() => people.id, { onDelete: "set null" }),
    /** Set on approval. */
    communityId: text("community_id").references(() => communities.id, { onDelete: "set null" }),
    approvedStage: text("approved_stage").$type<Stage>(),
    decidedById: text("decided_by_id").references(() => people.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("proposals_status_idx").on(t.status, t.createdAt),
    index("proposals_proposer_idx").on(t.proposerId, t.createdAt),
  ],
);

export const proposalEventKinds = [
  "submitted",
  "comment",
  "changes_requested",
  "resubmitted",
  "approved",
  "declined",
  "withdrawn",
] as const;
export type ProposalEventKind = (typeof proposalEventKinds)[number];

/** The review conversation: comments and each change of status, in order. */
export const proposalEvents = pgTable(
  "proposal_events",
  {
    id: id(),
    proposalId: text("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => people.id, { onDelete: "set null" }),
    kind: text("kind").$type<ProposalEventKind>().notNull(),
    body: text("body").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("proposal_events_proposal_idx").on(t.proposalId, t.createdAt)],
);

/** People who registered interest in a proposed community; told when it is approved. */
export const proposalInterest = pgTable(
  "proposal_interest",
  {
    proposalId: text("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    personId: text("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.proposalId, t.personId] }),
    index("proposal_interest_person_idx").on(t.personId),
  ],
);
