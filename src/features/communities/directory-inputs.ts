import { z } from "zod";
import { communityTypes, stages } from "./tables.js";

export const directorySorts = ["activity", "newest", "size", "name"] as const;
/** "" is the default: active and dormant communities (and closed ones too when searching). */
export const directoryStatuses = ["active", "dormant", "closed"] as const;

// Control characters (a NUL byte, say) mean nothing in a search and PostgreSQL refuses them.
const isControl = (ch: string) => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127;
export const hasControlCharacters = (text: string) => [...text].some(isControl);
const printable = (text: string) =>
  [...text]
    .map((ch) => (isControl(ch) ? " " : ch))
    .join("")
    .trim();

export const directoryQuery = z.object({
  q: z.string().max(100).transform(printable).catch(""),
  type: z.enum(communityTypes).or(z.literal("")).catch(""),
  /** One practice area (a tag), matched exactly. */
  area: z
    .string()
    .trim()
    .toLowerCase()
    .max(40)
    .transform((area) => printable(area).replace(/\s+/g, " "))
    .catch(""),
  stage: z.enum(stages).or(z.literal("")).catch(""),
  status: z.enum(directoryStatuses).or(z.literal("")).catch(""),
  sort: z.enum(directorySorts).catch("activity"),
  mine: z.enum(["1", ""]).catch(""),
  cursor: z.string().max(500).optional().catch(undefined),
});
export type CommunityDirectoryQuery = z.output<typeof directoryQuery>;
