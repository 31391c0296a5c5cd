import { z } from "@hono/zod-openapi";
import { iso } from "../../platform/api/schemas.js";
import type { ThreadListItem } from "./queries.js";
import { type replies, threadKinds, type threads } from "./tables.js";

const AuthorSchema = z
  .object({ handle: z.string(), name: z.string() })
  .nullable()
  .openapi("PostAuthor", { description: "Null when the author's account was removed." });

export const ThreadSummarySchema = z
  .object({
    id: z.string(),
    kind: z.enum(threadKinds),
    title: z.string(),
    tags: z.array(z.string()),
    author: AuthorSchema,
    replyCount: z.number().int(),
    answered: z.boolean().openapi({ description: "Questions only: an answer has been accepted." }),
    pinned: z.boolean(),
    locked: z.boolean(),
    createdAt: z.string(),
    lastActivityAt: z.string(),
    url: z.string().openapi({ description: "The thread's page." }),
  })
  .openapi("ThreadSummary");

export const ReplySchema = z
  .object({
    id: z.string(),
    threadId: z.string(),
    author: AuthorSchema,
    body: z.string().openapi({ description: "Markdown; empty for a deleted reply." }),
    deleted: z.boolean(),
    hidden: z.boolean().openapi({ description: "Only moderators ever receive hidden replies." }),
    inReplyToId: z.string().nullable(),
    createdAt: z.string(),
    editedAt: z.string().nullable(),
  })
  .openapi("Reply");

export const ThreadSchema = ThreadSummarySchema.extend({
  body: z.string().openapi({ description: "Markdown; empty for a deleted thread." }),
  deleted: z.boolean(),
  hidden: z.boolean(),
  acceptedReplyId: z.string().nullable(),
  editedAt: z.string().nullable(),
  replies: z.array(ReplySchema).openapi({ description: "Up to `limit` replies in order, from `cursor`." }),
  nextCursor: z.string().nullable().openapi({ description: "Pass as `cursor` for the next replies." }),
}).openapi("Thread");

export const RevisionSchema = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    body: z.string(),
    editor: AuthorSchema,
    createdAt: z.string().openapi({ description: "When this text was replaced by an edit." }),
  })
  .openapi("PostRevision");

const author = (name: string | null, handle: string | null) => (name && handle ? { name, handle } : null);

export function presentThreadSummary(row: ThreadListItem, slug: string) {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    tags: row.tags,
    author: author(row.authorName, row.authorHandle),
    replyCount: row.replyCount,
    answered: row.kind === "question" && row.acceptedReplyId !== null,
    pinned: row.pinnedAt !== null,
    locked: row.lockedAt !== null,
    createdAt: row.createdAt.toISOString(),
    lastActivityAt: row.lastActivityAt.toISOString(),
    url: `/communities/${slug}/discussions/${row.id}`,
  };
}

export function presentThread(
  row: { thread: typeof threads.$inferSelect; authorName: string | null; authorHandle: string | null },
  slug: string,
) {
  const { thread } = row;
  const deleted = thread.deletedAt !== null;
  return {
    ...presentThreadSummary({ ...thread, authorName: row.authorName, authorHandle: row.authorHandle }, slug),
    title: deleted ? "" : thread.title,
    tags: deleted ? [] : thread.tags,
    author: deleted ? null : author(row.authorName, row.authorHandle),
    body: deleted ? "" : thread.body,
    deleted,
    hidden: thread.hiddenAt !== null,
    acceptedReplyId: thread.acceptedReplyId,
    editedAt: iso(thread.editedAt),
  };
}

export function presentReply(row: {
  reply: typeof replies.$inferSelect;
  authorName: string | null;
  authorHandle: string | null;
}) {
  const { reply } = row;
  const deleted = reply.deletedAt !== null;
  return {
    id: reply.id,
    threadId: reply.threadId,
    author: deleted ? null : author(row.authorName, row.authorHandle),
    body: deleted ? "" : reply.body,
    deleted,
    hidden: reply.hiddenAt !== null,
    inReplyToId: reply.inReplyToId,
    createdAt: reply.createdAt.toISOString(),
    editedAt: iso(reply.editedAt),
  };
}
