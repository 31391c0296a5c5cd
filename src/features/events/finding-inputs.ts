import { z } from "zod";
import { eventFormats, eventTypes } from "./tables.js";

export const typeLabels: Record<(typeof eventTypes)[number], string> = {
  workshop: "Workshop",
  talk: "Talk",
  roundtable: "Roundtable",
  unconference: "Unconference",
  mentoring: "Mentoring",
  social: "Social",
  meeting: "Meeting",
  other: "Other",
};

export const formatLabels: Record<(typeof eventFormats)[number], string> = {
  in_person: "In person",
  online: "Online",
  hybrid: "Hybrid",
};

const slug = z
  .string()
  .trim()
  .toLowerCase()
  .max(80)
  .regex(/^[a-z0-9-]*$/);

/** "2026-12": a calendar month between the years 1900 and 9999. */
export const monthPattern = /^(19|[2-9]\d)\d\d-(0[1-9]|1[0-2])$/;

/**
 * The filters of /events, read from the query string. A form anyone can type into never fails:
 * anything we do not recognise falls back to "no filter".
 */
export const findingQuery = z.object({
  community: slug.catch(""),
  type: z.enum(eventTypes).or(z.literal("")).catch(""),
  format: z.enum(eventFormats).or(z.literal("")).catch(""),
  cancelled: z.enum(["1", ""]).catch(""),
  view: z.enum(["list", "month"]).catch("list"),
  month: z.string().regex(monthPattern).or(z.literal("")).catch(""),
  cursor: z.string().max(500).optional().catch(undefined),
});
export type FindingQuery = z.output<typeof findingQuery>;

/** The filters shared by the page and the API, once read. */
export interface EventFilters {
  communitySlug?: string;
  type?: (typeof eventTypes)[number];
  format?: (typeof eventFormats)[number];
  includeCancelled?: boolean;
}

export function filtersOf(query: FindingQuery): EventFilters {
  return {
    communitySlug: query.community || undefined,
    type: query.type || undefined,
    format: query.format || undefined,
    includeCancelled: query.cancelled === "1",
  };
}
