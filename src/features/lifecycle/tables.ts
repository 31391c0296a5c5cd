import { index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt, id } from "../../platform/db/columns.js";
import { communities, type Stage } from "../communities/tables.js";
import { people } from "../people/tables.js";

/** Each move between lifecycle stages, dated, with who moved it and why. */
export const stageChanges = pgTable(
  "stage_changes",
  {
    id: id(),
    communityId: text("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    fromStage: text("from_stage").$type<Stage>(),
    toStage: text("to_stage").$type<Stage>().notNull(),
    note: text("note").notNull().default(""),
    changedById: text("changed_by_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("stage_changes_community_idx").on(t.communityId, t.createdAt)],
);

/** A ticked item of a stage's checklist. Unticking deletes the row. Item keys are defined in code. */
export const checklistTicks = pgTable(
  "checklist_ticks",
  {
    communityId: text("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    itemKey: text("item_key").notNull(),
    tickedById: text("ticked_by_id").references(() => people.id, { onDelete: "set null" }),
    tickedAt: timestamp("ticked_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.itemKey] })],
);
