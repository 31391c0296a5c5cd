import { type SQL, sql } from "drizzle-orm";
import { index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt, emptyTextArray, id, tsvector, updatedAt } from "../../platform/db/columns.js";
import { communities } from "../communities/tables.js";
import { people } from "../people/tables.js";

export const threadKinds = ["discussion", "question", "announcement"] as const;
export type ThreadKind = (typeof threadKinds)[number];

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * A discussion, question or announcement in a community: the opening post. Replies live in
 * `replies`. Counters and `lastActivityAt` are kept in the same transaction as each reply, so
 * lists need no aggregate queries.
 */
export const threads = pgTable(
  "threads",
  {
    id: id(),
    communityId: text("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => people.id, { onDelete: "set null" }),
    kind: text("kind").$type<ThreadKind>().notNull().default("discussion"),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    tags: text("tags").array().notNull().default(emptyTextArray),
    replyCount: integer("reply_count").notNull().default(0),
    /** For questions: the reply the asker or a convenor accepted. */
    acceptedReplyId: text("accepted_reply_id"),
    acceptedAt: at("accepted_at"),
    firstReplyAt: at("first_reply_at"),
    lastActivityAt: at("last_activity_at").notNull().defaultNow(),
    pinnedAt: at("pinned_at"),
    lockedAt: at("locked_at"),
    hiddenAt: at("hidden_at"),
    hiddenById: text("hidden_by_id"),
    hiddenReason: text("hidden_reason"),
    /** Deleted by its author: the row stays as a tombstone so replies keep their thread. */
    deletedAt: at("deleted_at"),
    editedAt: at("edited_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector("search").generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', convene_text_array_to_string(tags)), 'A') || setweight(to_tsvector('english', coalesce(body, '')), 'B')`,
    ),
  },
  (t) => [
    index("threads_community_activity_idx").on(t.communityId, t.lastActivityAt.desc(), t.id.desc()),
    index("threads_community_created_idx").on(t.communityId, t.createdAt.desc(), t.id.desc()),
    index("threads_unanswered_idx")
      .on(t.communityId, t.createdAt.desc())
      .where(sql`${t.kind} = 'question' and ${t.acceptedReplyId} is null and ${t.deletedAt} is null`),
    index("threads_author_idx").on(t.authorId, t.createdAt),
    // Pinned threads are few: the first page finds them without reading the community's others.
    index("threads_pinned_idx").on(t.communityId, t.pinnedAt.desc()).where(sql`${t.pinnedAt} is not null`),
    // Search ranks a common word's matches within a recent window (see search/kinds/discussions.ts).
    index("threads_created_idx").on(t.createdAt),
    // The few hidden or deleted threads, whose replies search leaves out.
    index("threads_withdrawn_idx")
      .on(t.id)
      .where(sql`${t.hiddenAt} is not null or ${t.deletedAt} is not null`),
    index("threads_search_idx").using("gin", t.search),
    index("threads_tags_idx").using("gin", t.tags),
  ],
);

/** A reply in a thread. `communityId` is copied from the thread so search can filter without a join. */
export const replies = pgTable(
  "replies",
  {
    id: id(),
    threadId: text("thread_id")
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    communityId: text("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => people.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    /** The reply this one answers ("in reply to"), if any. */
    inReplyToId: text("in_reply_to_id"),
    hiddenAt: at("hidden_at"),
    hiddenById: text("hidden_by_id"),
    hiddenReason: text("hidden_reason"),
    deletedAt: at("deleted_at"),
    editedAt: at("edited_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector("search").generatedAlwaysAs((): SQL => sql`to_tsvector('english', coalesce(body, ''))`),
  },
  (t) => [
    index("replies_thread_idx").on(t.threadId, t.createdAt, t.id),
    index("replies_author_idx").on(t.authorId, t.createdAt),
    index("replies_created_idx").on(t.createdAt),
    index("replies_search_idx").using("gin", t.search),
  ],
);

/** Every earlier text of an edited thread or reply, so the edit history is visible. */
export const postRevisions = pgTable(
  "post_revisions",
  {
    id: id(),
    /** A thread's or a reply's id (both are uuidv7, so they never collide). */
    postId: text("post_id").notNull(),
    title: text("title"),
    body: text("body").notNull(),
    editorId: text("editor_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("post_revisions_post_idx").on(t.postId, t.createdAt)],
);

export const reactionKinds = ["thanks", "helpful", "same_problem"] as const;
export type ReactionKind = (typeof reactionKinds)[number];

export const reactions = pgTable(
  "reactions",
  {
    postId: text("post_id").notNull(),
    personId: text("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    kind: text("kind").$type<ReactionKind>().notNull(),
    threadId: text("thread_id")
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.personId, t.kind] }),
    index("reactions_thread_idx").on(t.threadId),
  ],
);

export const threadFollows = pgTable(
  "thread_follows",
  {
    threadId: text("thread_id")
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    personId: text("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.threadId, t.personId] }),
    index("thread_follows_person_idx").on(t.personId),
  ],
);

export const flagReasons = ["off_topic", "code_of_conduct", "spam", "other"] as const;
export type FlagReason = (typeof flagReasons)[number];
export type FlagStatus = "open" | "resolved" | "dismissed";

/** A member's report of a post, waiting in the community's moderation queue. */
export const flags = pgTable(
  "flags",
  {
    id: id(),
    postId: text("post_id").notNull(),
    threadId: text("thread_id")
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    communityId: text("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    reporterId: text("reporter_id").references(() => people.id, { onDelete: "set null" }),
    reason: text("reason").$type<FlagReason>().notNull(),
    note: text("note").notNull().default(""),
    status: text("status").$type<FlagStatus>().notNull().default("open"),
    resolvedById: text("resolved_by_id").references(() => people.id, { onDelete: "set null" }),
    resolvedAt: at("resolved_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("flags_community_status_idx").on(t.communityId, t.status, t.createdAt),
    index("flags_post_idx").on(t.postId),
  ],
);
