import { z } from "zod";
import { tagList } from "../people/inputs.js";
import { threadKinds } from "./tables.js";

const title = z
  .string({ message: "Enter a title" })
  .trim()
  .min(3, "Enter a title of at least 3 characters")
  .max(150, "Keep the title to 150 characters or fewer");

const body = z
  .string({ message: "Write your post" })
  .trim()
  .min(1, "Write your post")
  .max(20_000, "Keep the post to 20,000 characters or fewer");

export const threadInput = z.object({
  kind: z.enum(threadKinds, { message: "Choose what kind of post this is" }),
  title,
  body,
  tags: tagList(10),
});
export type ThreadInput = z.output<typeof threadInput>;

export const threadEditInput = z.object({ title, body, tags: threadInput.shape.tags });
export type ThreadEditInput = z.output<typeof threadEditInput>;

export const replyInput = z.object({
  body: z
    .string({ message: "Write your reply" })
    .trim()
    .min(1, "Write your reply")
    .max(20_000, "Keep the reply to 20,000 characters or fewer"),
  inReplyToId: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((value) => value || undefined),
});
export type ReplyInput = z.output<typeof replyInput>;

export const replyEditInput = replyInput.pick({ body: true });

export const listFilters = ["all", "questions", "discussions", "announcements", "unanswered"] as const;
export type ListFilter = (typeof listFilters)[number];
export const listSorts = ["activity", "newest"] as const;
export type ListSort = (typeof listSorts)[number];

export const listQuery = z.object({
  show: z.enum(listFilters).catch("all"),
  sort: z.enum(listSorts).catch("activity"),
  cursor: z.string().max(500).optional().catch(undefined),
});
