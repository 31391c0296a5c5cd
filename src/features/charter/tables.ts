import { index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id } from "../../platform/db/columns.js";
import { communities } from "../communities/tables.js";
import { people } from "../people/tables.js";

export const decisionProcesses = ["consensus", "vote", "lead"] as const;
export type DecisionProcess = (typeof decisionProcesses)[number];

/**
 * A community's charter (its guidelines). Every save is a new row with the next version number,
 * so the history is the table itself and the current charter is the highest version.
 */
export const charterVersions = pgTable(
  "charter_versions",
  {
    id: id(),
    communityId: text("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    mission: text("mission").notNull().default(""),
    membershipCriteria: text("membership_criteria").notNull().default(""),
    codeOfConduct: text("code_of_conduct").notNull().default(""),
    tools: text("tools").notNull().default(""),
    meetingRhythm: text("meeting_rhythm").notNull().default(""),
    decisionProcess: text("decision_process").$type<DecisionProcess>().notNull().default("consensus"),
    decisionNotes: text("decision_notes").notNull().default(""),
    /** A short note from the author about what they changed. */
    summary: text("summary").notNull().default(""),
    authorId: text("author_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("charter_versions_community_version_idx").on(t.communityId, t.version),
    index("charter_versions_author_idx").on(t.authorId),
  ],
);
