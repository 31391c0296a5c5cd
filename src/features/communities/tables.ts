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
/** Who may read what members write (discussions, events, resources, the member list). */
export const contentAccessLevels = ["staff", "members"] as const;
export type ContentAccess = (typeof contentAccessLevels)[number];
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
    contentAccess: text("content_access").$type<ContentAccess>().notNull().default("staff"),
    /** Asked of people who request to join ("What would you like to get from the community?"). */
    joiningQuestion: text("joining_question").notNull().default(""),
    mailingListUrl: text("mailing_list_url").notNull().default(""),
    chatUrl: text("chat_url").notNull().default(""),
    websiteUrl: text("website_url").notNull().default(""),
    contactEmail: text("contact_email").notNull().default(""),
    stageChangedAt: timestamp("stage_changed_at", { withTimezone: true, precision: 3 }),
    /** Set by the daily sweep when nothing has happened for 90 days; cleared by new activity or reopening. */
    dormantSince: timestamp("dormant_since", { withTimezone: true, precision: 3 }),
    closedAt: timestamp("closed_at", { withTimezone: true, precision: 3 }),
    closingNote: text("closing_note"),
    /** The proposal this community was approved from, if any. */
    proposalId: text("proposal_id"),
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
