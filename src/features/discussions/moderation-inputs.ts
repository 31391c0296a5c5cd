import { z } from "zod";
import { flagReasons } from "./tables.js";

export const flagReasonLabels: Record<(typeof flagReasons)[number], { label: string; hint: string }> = {
  off_topic: { label: "Off-topic", hint: "It does not belong in this community or this thread." },
  code_of_conduct: {
    label: "Breaks the code of conduct",
    hint: "For example it is disrespectful, personal or shares something that should stay private.",
  },
  spam: { label: "Spam", hint: "Advertising, or the same message posted again and again." },
  other: { label: "Something else", hint: "Tell the moderators what is wrong in the note." },
};

/** Reporting a post: why, and a note (needed when the reason is "other"). */
export const flagInput = z
  .object({
    reason: z.enum(flagReasons, { message: "Choose why you are reporting this post" }),
    note: z.string().trim().max(1000, "Keep the note under 1,000 characters").default(""),
  })
  .superRefine((value, ctx) => {
    if (value.reason === "other" && value.note.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["note"],
        message: "Tell the moderators what is wrong with this post",
      });
    }
  });
export type FlagInput = z.infer<typeof flagInput>;

/** Hiding a post: the reason its author is told. */
export const hideInput = z.object({
  reason: z
    .string()
    .trim()
    .min(1, "Say why you are hiding this post: its author is told")
    .max(500, "Keep the reason under 500 characters"),
});

/** Moving a thread: the slug of the community it goes to. */
export const moveThreadInput = z.object({
  community: z.string().trim().min(1, "Choose the community to move the thread to").max(80),
});
