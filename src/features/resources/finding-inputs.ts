import { z } from "zod";
import { type ResourceKind, resourceKinds } from "./tables.js";

/**
 * Which statuses a list shows. "current" (the default) is published and endorsed; drafts are
 * only those the viewer may see (their own, and those of communities they lead); archived ones
 * appear only when asked for.
 */
export const findingStatuses = ["current", "endorsed", "draft", "archived"] as const;
export type FindingStatus = (typeof findingStatuses)[number];
export const findingSorts = ["updated", "helpful"] as const;
export type FindingSort = (typeof findingSorts)[number];

export const findingStatusLabels: Record<FindingStatus, string> = {
  current: "Published",
  endorsed: "Endorsed only",
  draft: "Drafts you can see",
  archived: "Archived",
};
export const findingSortLabels: Record<FindingSort, string> = {
  updated: "Recently updated",
  helpful: "Most helpful",
};

/** Resources per page, in lists. */
export const FINDING_PAGE_SIZE = 20;

const slugish = z
  .string()
  .trim()
  .max(100)
  .regex(/^[a-z0-9-]*$/);

/** The lists' query string: anything odd falls back to the default rather than an error page. */
export const findingQuery = z.object({
  kind: z.enum(["", ...resourceKinds]).catch(""),
  tag: z.string().trim().toLowerCase().max(60).catch(""),
  status: z.enum(findingStatuses).catch("current"),
  sort: z.enum(findingSorts).catch("updated"),
  /** /resources only: a community's slug, or "toolkit" for the starter toolkit. */
  community: slugish.catch(""),
  cursor: z.string().max(500).optional().catch(undefined),
});
export type FindingQuery = z.infer<typeof findingQuery>;

export interface FindingFilters {
  kind: ResourceKind | "";
  tag: string;
  status: FindingStatus;
  sort: FindingSort;
}
