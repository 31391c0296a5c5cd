import { z } from "zod";
import { communityTypes } from "../communities/tables.js";
import { tagList } from "../people/inputs.js";

/** Stages a new community may start at. */
export const startingStages = ["inquire", "design"] as const;

/** "@sam-lee, ana@example.org\nkim" -> ["sam-lee", "ana@example.org", "kim"]: handles or email addresses. */
export function splitPeople(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;\n\r]+/)
        .map((item) => item.trim().replace(/^@/, "").toLowerCase())
        .filter(Boolean),
    ),
  ];
}

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `Keep ${label} under ${max.toLocaleString("en-GB")} characters`)
    .default("");
const required = (max: number, label: string, missing: string) =>
  z
    .string({ message: missing })
    .trim()
    .min(1, missing)
    .max(max, `Keep ${label} under ${max.toLocaleString("en-GB")} characters`);

export const proposalInput = z.object({
  name: z
    .string({ message: "Enter a name for the community" })
    .trim()
    .min(1, "Enter a name for the community")
    .min(3, "Enter a name of at least 3 characters")
    .max(80, "Keep the name under 80 characters"),
  practiceAreas: tagList(8).refine((tags) => tags.length > 0, "Add at least one practice area"),
  need: required(4000, "the need", "Say what need the community meets"),
  audience: required(2000, "who it is for", "Say who the community is for"),
  plannedActivities: text(4000, "the planned activities"),
  /** Handles or email addresses, separated by commas or new lines. */
  foundingCore: z
    .string()
    .max(4000)
    .default("")
    .transform(splitPeople)
    .pipe(z.array(z.string().max(254)).max(20, "Name at most 20 people for the founding group")),
  /** One handle or email address, or empty. */
  sponsor: z
    .string()
    .max(254)
    .default("")
    .transform((value) => splitPeople(value))
    .pipe(z.array(z.string()).max(1, "Suggest one sponsor only"))
    .transform((list) => list[0] ?? ""),
});
export type ProposalInput = z.output<typeof proposalInput>;

export const commentInput = z.object({
  body: required(4000, "the comment", "Write a comment"),
});

export const requestChangesInput = z.object({
  message: required(4000, "the message", "Say what needs to change"),
});

export const declineInput = z.object({
  message: required(4000, "the reason", "Give the reason for declining, for the proposer"),
});

export const approveInput = z.object({
  stage: z.enum(startingStages, { message: "Choose the stage the community starts at" }),
  type: z.enum(communityTypes, { message: "Choose the kind of community" }),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(60, "Keep the web address under 60 characters")
    .regex(/^([a-z0-9]+(-[a-z0-9]+)*)?$/, "Use lower-case letters, numbers and single hyphens only")
    .default(""),
  message: text(4000, "the message"),
});
export type ApproveInput = z.output<typeof approveInput>;

export const statusTabs = ["submitted", "changes_requested", "approved", "declined"] as const;
export const reviewQuery = z.object({
  status: z.enum(statusTabs).catch("submitted"),
  cursor: z.string().max(500).optional().catch(undefined),
});

export const statusLabels = {
  submitted: "Under review",
  changes_requested: "Changes requested",
  approved: "Approved",
  declined: "Declined",
  withdrawn: "Withdrawn",
} as const;

export const tabLabels = {
  submitted: "To review",
  changes_requested: "Changes requested",
  approved: "Approved",
  declined: "Declined",
} as const;
