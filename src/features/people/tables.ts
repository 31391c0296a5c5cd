import { sql } from "drizzle-orm";
import { boolean, index, pgTable, text } from "drizzle-orm/pg-core";
import { authUsers } from "../../platform/auth/tables.js";
import { createdAt, emptyTextArray, updatedAt } from "../../platform/db/columns.js";
import type { SiteRole } from "../../platform/policy.js";
import { divisions } from "../organisation/tables.js";

export type Mentoring = "offer" | "seek" | "neither";

/** A member of staff's profile. Shares its id with the account it belongs to. */
export const people = pgTable(
  "people",
  {
    id: text("id")
      .primaryKey()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    handle: text("handle").notNull().unique(),
    name: text("name").notNull(),
    siteRole: text("site_role").$type<SiteRole>().notNull().default("member"),
    jobTitle: text("job_title").notNull().default(""),
    divisionId: text("division_id").references(() => divisions.id, { onDelete: "set null" }),
    location: text("location").notNull().default(""),
    timeZone: text("time_zone").notNull().default("Europe/London"),
    pronouns: text("pronouns").notNull().default(""),
    bio: text("bio").notNull().default(""),
    skills: text("skills").array().notNull().default(emptyTextArray),
    canHelpWith: text("can_help_with").notNull().default(""),
    wantsToLearn: text("wants_to_learn").notNull().default(""),
    mentoring: text("mentoring").$type<Mentoring>().notNull().default("neither"),
    /** False when the person asked not to be suggested by the expert finder. */
    suggestAsExpert: boolean("suggest_as_expert").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Trigram index: "sar" finds Sarah and Nasar, fast on 50,000 people.
    index("people_name_trgm_idx").using("gin", sql`${t.name} gin_trgm_ops`),
    index("people_job_title_trgm_idx").using("gin", sql`${t.jobTitle} gin_trgm_ops`),
    index("people_skills_idx").using("gin", t.skills),
    index("people_name_id_idx").on(t.name, t.id),
    index("people_division_idx").on(t.divisionId),
  ],
);
