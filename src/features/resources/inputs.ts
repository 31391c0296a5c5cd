import { z } from "zod";
import { tagList } from "../people/inputs.js";
import { type ResourceKind, type ResourceStatus, resourceKinds } from "./tables.js";

export const kindLabels: Record<ResourceKind, string> = {
  toolkit: "Toolkit",
  tip_sheet: "Tip-sheet",
  guide: "Guide",
  template: "Template",
  case_study: "Case study",
  link: "Link",
  notes: "Notes",
};

export const kindHints: Record<ResourceKind, string> = {
  toolkit: "Several pieces that belong together.",
  tip_sheet: "Short, practical advice on one thing.",
  guide: "A longer how-to, step by step.",
  template: "Something to copy and fill in.",
  case_study: "What happened somewhere, and what was learned.",
  link: "A page elsewhere worth knowing about (https only).",
  notes: "Notes from a meeting, a talk or a workshop.",
};

export const statusLabels: Record<ResourceStatus, string> = {
  draft: "Draft",
  published: "Published",
  endorsed: "Endorsed",
  archived: "Archived",
};

export const resourceLabels = {
  kind: "Kind of resource",
  title: "Title",
  summary: "Summary",
  body: "Text",
  externalUrl: "Link",
  tags: "Tags",
  reviewBy: "Review by",
  note: "What changed?",
};

/** A "YYYY-MM-DD" date that exists on the calendar, between 2000 and 2200. */
export const isCalendarDate = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return (
    !Number.isNaN(date.getTime()) &&
    date.toISOString().slice(0, 10) === value &&
    value >= "2000-01-01" &&
    value <= "2200-12-31"
  );
};

/** Adds calendar months to a date; 29 February + 12 months is 28 February. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

const optionalDate = z
  .string()
  .trim()
  .max(20)
  .default("")
  .refine((value) => value === "" || isCalendarDate(value), "Enter a real date, for example 2027-03-31")
  .transform((value) => value || null);

const externalUrl = z
  .string()
  .trim()
  .max(2000, "Keep the link to 2,000 characters or fewer")
  .default("")
  .refine((value) => {
    if (value === "") return true;
    try {
      const url = new URL(value);
      return url.protocol === "https:" && Boolean(url.hostname);
    } catch {
      return false;
    }
  }, "Enter a full web address starting with https://");

const fields = {
  kind: z.enum(resourceKinds, { message: "Choose what kind of resource this is" }),
  title: z
    .string({ message: "Enter a title" })
    .trim()
    .min(3, "Enter a title of at least 3 characters")
    .max(150, "Keep the title to 150 characters or fewer"),
  summary: z.string().trim().max(500, "Keep the summary to 500 characters or fewer").default(""),
  body: z.string().trim().max(50_000, "Keep the text to 50,000 characters or fewer").default(""),
  externalUrl,
  tags: tagList(10),
  reviewBy: optionalDate,
  note: z.string().trim().max(200, "Keep the note to 200 characters or fewer").default(""),
};

type Content = { kind: ResourceKind; body: string; externalUrl: string };

/** A link needs its address; everything else needs some text or a link. */
function contentRules(value: Content, ctx: z.RefinementCtx) {
  if (value.kind === "link" && !value.externalUrl)
    ctx.addIssue({
      code: "custom",
      path: ["externalUrl"],
      message: "Enter the address of the page you link to",
    });
  else if (value.kind !== "link" && !value.body && !value.externalUrl)
    ctx.addIssue({ code: "custom", path: ["body"], message: "Write the text, or give a link to it" });
}

export const resourceInput = z
  .object({
    ...fields,
    /** "publish" or "draft": which button was pressed. */
    intent: z.enum(["publish", "draft"]).catch("draft"),
  })
  .superRefine(contentRules);
export type ResourceInput = z.output<typeof resourceInput>;

export const revisionInput = z
  .object({
    ...fields,
    note: fields.note.refine((note) => note.length > 0, "Say briefly what you changed, for the history"),
    /** The revision the editor started from. */
    revision: z.coerce.number({ message: "The revision must be a number" }).int().min(1).max(1_000_000),
  })
  .superRefine(contentRules);
export type RevisionInput = z.output<typeof revisionInput>;

export const reviewInput = z.object({ reviewBy: optionalDate });
export type ReviewInput = z.output<typeof reviewInput>;

export const statusActions = ["publish", "archive", "unarchive", "endorse", "unendorse"] as const;
export type StatusAction = (typeof statusActions)[number];

export const compareQuery = z.object({
  from: z.coerce.number().int().min(1).max(1_000_000),
  to: z.coerce.number().int().min(1).max(1_000_000),
});
