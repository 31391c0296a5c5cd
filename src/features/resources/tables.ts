import { type SQL, sql } from "drizzle-orm";
import { date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, emptyTextArray, id, tsvector, updatedAt } from "../../platform/db/columns.js";
import { communities } from "../communities/tables.js";
import { people } from "../people/tables.js";

export const resourceKinds = [
  "toolkit",
  "tip_sheet",
  "guide",
  "template",
  "case_study",
  "link",
  "notes",
] as const;
export type ResourceKind = (typeof resourceKinds)[number];

export const resourceStatuses = ["draft", "published", "endorsed", "archived"] as const;
export type ResourceStatus = (typeof resourceStatuses)[number];

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * An item of a community's repertoire, or of the programme's starter toolkit (`communityId` null).
 * The current text lives here; every save also writes a row to `resource_revisions`, and
 * `revision` is the number of the latest one (an editor sends the number it started from, so a
 * save over someone else's is caught rather than overwriting it).
 */
export const resources = pgTable(
  "resources",
  {
    id: id(),
    communityId: text("community_id").references(() => communities.id, { onDelete: "cascade" }),
    /** Stable address for the starter toolkit (`/toolkit/<slug>`); null for community resources. */
    toolkitSlug: text("toolkit_slug"),
    kind: text("kind").$type<ResourceKind>().notNull().default("guide"),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    body: text("body").notNull().default(""),
    externalUrl: text("external_url").notNull().default(""),
    tags: text("tags").array().notNull().default(emptyTextArray),
    ownerId: text("owner_id").references(() => people.id, { onDelete: "set null" }),
    status: text("status").$type<ResourceStatus>().notNull().default("draft"),
    revision: integer("revision").notNull().default(1),
    publishedAt: at("published_at"),
    /** The date it should be looked at again (default: a year after publishing). */
    reviewBy: date("review_by", { mode: "string" }),
    reviewedAt: at("reviewed_at"),
    reviewedById: text("reviewed_by_id").references(() => people.id, { onDelete: "set null" }),
    /** When the owner was last reminded that the review date passed (one reminder per review date). */
    reviewReminderSentAt: at("review_reminder_sent_at"),
    endorsedAt: at("endorsed_at"),
    endorsedById: text("endorsed_by_id").references(() => people.id, { onDelete: "set null" }),
    archivedAt: at("archived_at"),
    // Reuse counters, kept in the same transaction as each mark or first view.
    helpedCount: integer("helped_count").notNull().default(0),
    usedCount: integer("used_count").notNull().default(0),
    /** Distinct people other than the owner who opened it (one per person). */
    viewerCount: integer("viewer_count").notNull().default(0),
    lastEditedAt: at("last_edited_at").notNull().defaultNow(),
    lastEditedById: text("last_edited_by_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector("search").generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', convene_text_array_to_string(tags)), 'A') || setweight(to_tsvector('english', coalesce(summary, '')), 'B') || setweight(to_tsvector('english', coalesce(body, '')), 'C')`,
    ),
  },
  (t) => [
    index("resources_community_edited_idx").on(t.communityId, t.lastEditedAt.desc(), t.id.desc()),
    index("resources_review_idx").on(t.reviewBy).where(sql`${t.status} in ('published', 'endorsed')`),
    index("resources_owner_idx").on(t.ownerId),
    uniqueIndex("resources_toolkit_slug_idx").on(t.toolkitSlug),
    index("resources_search_idx").using("gin", t.search),
    index("resources_tags_idx").using("gin", t.tags),
  ],
);

/** Every saved version of a resource, numbered from 1, with who saved it and why. */
export const resourceRevisions = pgTable(
  "resource_revisions",
  {
    id: id(),
    resourceId: text("resource_id")
      .notNull()
      .references(() => resources.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    kind: text("kind").$type<ResourceKind>().notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    body: text("body").notNull().default(""),
    externalUrl: text("external_url").notNull().default(""),
    tags: text("tags").array().notNull().default(emptyTextArray),
    /** The editor's short note ("Added the March deadlines"). */
    note: text("note").notNull().default(""),
    /** Set when this revision restored an earlier one. */
    restoredFrom: integer("restored_from"),
    authorId: text("author_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("resource_revisions_number_idx").on(t.resourceId, t.number)],
);

/** A file attached to a resource. The bytes live in the storage backend under `storageKey`. */
export const resourceAttachments = pgTable(
  "resource_attachments",
  {
    id: id(),
    resourceId: text("resource_id")
      .notNull()
      .references(() => resources.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull(),
    uploadedById: text("uploaded_by_id").references(() => people.id, { onDelete: "set null" }),
    removedAt: at("removed_at"),
    createdAt: createdAt(),
  },
  (t) => [index("resource_attachments_resource_idx").on(t.resourceId, t.createdAt)],
);

/** An ordered set of resources presented as one toolkit. `communityId` null: the programme's starter toolkit. */
export const collections = pgTable(
  "collections",
  {
    id: id(),
    communityId: text("community_id").references(() => communities.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    createdById: text("created_by_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("collections_slug_idx").on(sql`coalesce(${t.communityId}, '')`, t.slug),
    index("collections_community_idx").on(t.communityId),
  ],
);

export const collectionItems = pgTable(
  "collection_items",
  {
    collectionId: text("collection_id")
      .notNull()
      .references(() => collections.id, { onDelete: "cascade" }),
    resourceId: text("resource_id")
      .notNull()
      .references(() => resources.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.collectionId, t.resourceId] }),
    index("collection_items_order_idx").on(t.collectionId, t.position),
  ],
);

export const reuseMarkKinds = ["helped", "used"] as const;
export type ReuseMarkKind = (typeof reuseMarkKinds)[number];

/** "This helped me" and "I used this in my work": one of each per person and resource. */
export const resourceMarks = pgTable(
  "resource_marks",
  {
    resourceId: text("resource_id")
      .notNull()
      .references(() => resources.id, { onDelete: "cascade" }),
    personId: text("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    kind: text("kind").$type<ReuseMarkKind>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.resourceId, t.personId, t.kind] }),
    index("resource_marks_person_idx").on(t.personId),
  ],
);

/** The first time each person other than the owner opened a resource (feeds `viewerCount`). */
export const resourceViewers = pgTable(
  "resource_viewers",
  {
    resourceId: text("resource_id")
      .notNull()
      .references(() => resources.id, { onDelete: "cascade" }),
    personId: text("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    firstViewedAt: at("first_viewed_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.resourceId, t.personId] })],
);
