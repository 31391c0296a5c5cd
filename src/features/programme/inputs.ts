import { z } from "zod";
import { stages } from "../communities/tables.js";

export const overviewStatuses = ["active", "dormant", "closed", "proposed"] as const;
export type OverviewStatus = (typeof overviewStatuses)[number];
export const overviewSorts = ["name", "activity", "members"] as const;
export type OverviewSort = (typeof overviewSorts)[number];

/** The overview's filters. The page falls back to "all" on anything it does not know. */
export const overviewQuery = z.object({
  q: z.string().trim().max(100).catch(""),
  status: z.enum(overviewStatuses).or(z.literal("")).catch(""),
  stage: z.enum(stages).or(z.literal("")).catch(""),
  sort: z.enum(overviewSorts).catch("name"),
});
export type OverviewQuery = z.output<typeof overviewQuery>;

export const closeInput = z.object({
  note: z
    .string({ error: "Write a closing note" })
    .trim()
    .min(1, "Write a closing note: members will read it on the community's page")
    .max(5000, "Keep the closing note under 5,000 characters"),
});
export type CloseInput = z.output<typeof closeInput>;
