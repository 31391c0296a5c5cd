import { z } from "zod";
import { communityTypes } from "./tables.js";

export const directorySorts = ["activity", "newest", "size", "name"] as const;

export const directoryQuery = z.object({
  q: z.string().trim().max(100).catch(""),
  type: z.enum(communityTypes).or(z.literal("")).catch(""),
  sort: z.enum(directorySorts).catch("activity"),
  mine: z.enum(["1", ""]).catch(""),
  cursor: z.string().max(500).optional().catch(undefined),
});
export type CommunityDirectoryQuery = z.output<typeof directoryQuery>;
