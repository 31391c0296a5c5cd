import { z } from "zod";
import type { CommunityRole } from "../../platform/policy.js";
import { involvements } from "./tables.js";

export const communityRoles = [
  "convenor",
  "core",
  "member",
  "sponsor",
] as const satisfies readonly CommunityRole[];

export const roleLabels: Record<CommunityRole, string> = {
  convenor: "Convenor",
  core: "Core team",
  member: "Member",
  sponsor: "Sponsor",
};

/** "is a convenor", "is in the core team"... */
export const roleWords: Record<CommunityRole, string> = {
  convenor: "a convenor",
  core: "in the core team",
  member: "a member",
  sponsor: "a sponsor",
};

export const involvementLabels: Record<(typeof involvements)[number], string> = {
  follow: "Follows the round-up",
  take_part: "Takes part",
  help_run: "Helps run things",
};

/** The Members tab's search and filters. Bad values fall back to "all" rather than failing the page. */
export const rosterQuery = z.object({
  q: z.string().trim().max(100).catch(""),
  role: z.enum(communityRoles).or(z.literal("")).catch(""),
  involvement: z.enum(involvements).or(z.literal("")).catch(""),
  division: z.string().trim().max(64).catch(""),
  cursor: z.string().max(500).optional().catch(undefined),
});
export type RosterQuery = z.output<typeof rosterQuery>;

export const roleInput = z.object({
  role: z.enum(communityRoles, { message: "Choose convenor, core team, member or sponsor" }),
});

export const involvementInput = z.object({
  involvement: z.enum(involvements, { message: "Choose how involved you want to be" }),
});

/** The date is checked against today by the service, which knows the clock. */
export const breakInput = z.object({
  until: z
    .string()
    .trim()
    .min(1, "Enter the date your break ends")
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date such as 2026-03-31")
    .refine(
      (text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && isRealDate(text),
      "Enter a real date",
    ),
});

export const removeInput = z.object({
  reason: z
    .string()
    .trim()
    .min(1, "Enter the reason: the person will see it")
    .max(500, "Keep the reason under 500 characters"),
});

function isRealDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return date.toISOString().slice(0, 10) === text;
}
