import { z } from "zod";

export const mentoringOptions = ["offer", "seek", "neither"] as const;
export const siteRoles = ["admin", "programme", "member"] as const;

/** "Payroll, Excel , payroll" -> ["payroll", "excel"]: lower case, trimmed, unique. */
export const tagList = (max: number) =>
  z
    .string()
    .max(1000)
    .default("")
    .transform((text) => [
      ...new Set(
        text
          .split(",")
          .map((tag) => tag.trim().toLowerCase().replace(/\s+/g, " "))
          .filter(Boolean),
      ),
    ])
    .pipe(
      z.array(z.string().max(40, "Keep each tag under 40 characters")).max(max, `Add at most ${max} tags`),
    );

const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `${label} must be ${max} characters or fewer`).default("");

export const profileInput = z.object({
  name: z.string().trim().min(1, "Enter your name").max(80, "Name must be 80 characters or fewer"),
  jobTitle: optionalText(100, "Job title"),
  divisionId: z.string().trim().max(64).default(""),
  location: optionalText(100, "Location"),
  timeZone: z
    .string()
    .trim()
    .refine(
      (zone) => Intl.supportedValuesOf("timeZone").includes(zone) || zone === "UTC",
      "Choose a time zone from the list",
    ),
  pronouns: optionalText(40, "Pronouns"),
  bio: optionalText(5000, "About you"),
  skills: tagList(20),
  canHelpWith: optionalText(500, "Can help with"),
  wantsToLearn: optionalText(500, "Wants to learn"),
  mentoring: z.enum(mentoringOptions, { message: "Choose whether you offer or seek mentoring" }),
  // The form sends a hidden "no" and, when ticked, a "yes": absent means "leave as it is".
  suggestAsExpert: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? undefined : [value].flat().includes("yes"))),
});
export type ProfileInput = z.output<typeof profileInput>;

export const directoryQuery = z.object({
  q: z.string().trim().max(100).catch(""),
  skill: z.string().trim().toLowerCase().max(40).catch(""),
  division: z.string().trim().max(64).catch(""),
  cursor: z.string().max(500).optional().catch(undefined),
});

export const siteRoleInput = z.object({
  role: z.enum(siteRoles, { message: "Choose admin, programme or member" }),
  q: z.string().max(100).catch(""),
});
