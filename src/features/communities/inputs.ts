import { z } from "zod";
import { tagList } from "../people/inputs.js";
import { communityTypes, contentAccessLevels, joinPolicies, type stages } from "./tables.js";

export const typeLabels: Record<(typeof communityTypes)[number], string> = {
  professional: "Professional",
  technology: "Technology",
  interest: "Interest-based",
  geographic: "Geographic",
};

export const stageLabels: Record<(typeof stages)[number], string> = {
  inquire: "Inquire",
  design: "Design",
  prototype: "Prototype",
  launch: "Launch",
  grow: "Grow",
  sustain: "Sustain",
};

export const joinPolicyLabels: Record<(typeof joinPolicies)[number], string> = {
  open: "Open: anyone can join at once",
  request: "Request to join: convenors approve",
  invite: "Invite only",
};

export const communityInput = z.object({
  name: z
    .string()
    .trim()
    .min(3, "Enter a name of at least 3 characters")
    .max(80, "Keep the name under 80 characters"),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(60, "Keep the web address under 60 characters")
    .regex(/^([a-z0-9]+(-[a-z0-9]+)*)?$/, "Use lower-case letters, numbers and single hyphens only")
    .default(""),
  tagline: z.string().trim().max(140, "Keep the tagline under 140 characters").default(""),
  description: z.string().trim().max(10000, "Keep the description under 10,000 characters").default(""),
  type: z.enum(communityTypes, { message: "Choose the kind of community" }),
  practiceAreas: tagList(8).refine((tags) => tags.length > 0, "Add at least one practice area"),
  joinPolicy: z.enum(joinPolicies, { message: "Choose how people join" }),
  visibility: z.enum(["listed", "unlisted"], { message: "Choose whether it is listed in the directory" }),
});
export type CommunityInput = z.output<typeof communityInput>;

export const contentAccessLabels: Record<(typeof contentAccessLevels)[number], string> = {
  staff: "All staff can read what members share",
  members: "Only members can read what members share",
};

/** An optional web address: empty, or http(s) with a host. */
const webAddress = (what: string) =>
  z
    .string()
    .trim()
    .max(500, `Keep the ${what} address under 500 characters`)
    .default("")
    .refine((value) => {
      if (!value) return true;
      try {
        const url = new URL(value);
        return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
      } catch {
        return false;
      }
    }, `Enter the ${what} address in full, starting with https://, for example https://example.org/`);

/** The convenors' settings: the details from creation (but not the web address) and how it runs. */
export const settingsInput = communityInput.omit({ slug: true }).extend({
  joiningQuestion: z.string().trim().max(300, "Keep the joining question under 300 characters").default(""),
  contentAccess: z.enum(contentAccessLevels, { message: "Choose who can read what members share" }),
  mailingListUrl: webAddress("mailing list"),
  chatUrl: webAddress("chat group"),
  websiteUrl: webAddress("website"),
  contactEmail: z
    .string()
    .trim()
    .max(254, "Keep the contact email under 254 characters")
    .default("")
    .refine(
      (value) => !value || /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/.test(value),
      "Enter an email address in the correct format, like name@example.org",
    ),
});
export type SettingsInput = z.output<typeof settingsInput>;
export const settingsFields = Object.keys(settingsInput.shape) as (keyof SettingsInput)[];
