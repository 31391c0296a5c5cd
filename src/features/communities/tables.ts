import { type SQL, sql } from "drizzle-orm";
import { date, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt, emptyTextArray, id, tsvector, updatedAt } from "../../platform/db/columns.js";

export const communityTypes = ["professional", "technology", "interest", "geographic"] as const;
export type CommunityType = (typeof communityTypes)[number];
export const stages = ["inquire", "design", "prototype", "launch", "grow", "sustain"] as const;
export type Stage = (typeof stages)[number];
export const joinPolicies = ["open", "request", "invite"] as const;
export type JoinPolicy = (typeof joinPolicies)[number];
export type Visibility = "listed" | "unlisted";
export type CommunityStatus = "proposed" | "active" | "dormant" | "closed";

export const communities = pgTable(
  "communities",
  {
    id: id(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    tagline: text("tagline").notNull().default(""),
    description: text("description").notNull().default(""),
    type: text("type").$type<CommunityType>().notNull().default("professional"),
    practiceAreas: text("practice_areas").array().notNull().default(emptyTextArray),
    visibility: text("visibility").$type<Visibility>().notNull().default("listed"),
    joinPolicy: text("join_policy").$type<JoinPolicy>().notNull().default("open"),
    stage: text("stage").$type<Stage>().notNull().default("inquire"),
    status: text("status").$type<CommunityStatus>().notNull().default("active"),
    activeSince: date("active_since", { mode: "string" }),
    // Kept up to date in the same transaction as each join and leave, so the directory needs no count query.
    memberCount: integer("member_count").notNull().default(0),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true, precision: 3 })
      .notNull()
      .defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector("search").generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('english', coalesce(name, '')), 'A') || setweight(to_tsvector('english', convene_text_array_to_string(practice_areas)), 'A') || setweight(to_tsvector('english', coalesce(tagline, '')), 'B') || setweight(to_tsvector('english', coalesce(description, '')), 'C')`,
    ),
  },
  (t) => [
    index("communities_search_idx").using("gin", t.search),
    index("communities_name_trgm_idx").using("gin", sql`${t.name} gin_trgm_ops`),
    index("communities_practice_areas_idx").using("gin", t.practiceAreas),
    index("communities_activity_idx").on(t.lastActivityAt, t.id),
    index("communities_name_id_idx").on(t.name, t.id),
  ],
);
