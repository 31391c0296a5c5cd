import { z } from "zod";

/** The kinds a search can be narrowed to; "all" shows the first few of each, grouped. */
export const searchKinds = ["all", "communities", "discussions", "resources", "events", "people"] as const;
export type SearchKind = (typeof searchKinds)[number];
export const searchSorts = ["relevance", "newest"] as const;
export type SearchSort = (typeof searchSorts)[number];

/** Results per page when one kind is shown, and per group on the "all" view. */
export const PAGE_SIZE = 20;
export const GROUP_SIZE = 5;
/**
 * Search pages by offset, not keyset: a (rank, id) keyset is awkward because rank depends on the
 * query and the clock. Offsets get slower the deeper they go, so we stop at 10 pages; by then a
 * better query is more use than page 11.
 */
export const MAX_PAGES = 10;

const slugish = z
  .string()
  .trim()
  .max(100)
  .regex(/^[a-z0-9-]*$/);

/** The page's query string: anything odd falls back to a default rather than an error page. */
export const searchPageQuery = z.object({
  q: z.string().trim().max(200).catch(""),
  kind: z.enum(searchKinds).catch("all"),
  community: slugish.catch(""),
  sort: z.enum(searchSorts).catch("relevance"),
  page: z.coerce.number().int().min(1).max(MAX_PAGES).catch(1),
});
export type SearchPageQuery = z.infer<typeof searchPageQuery>;

export interface SearchParams {
  q: string;
  sort: SearchSort;
  /** The community filter, already checked to be one the searcher may see. */
  communityId: string | null;
  offset: number;
  limit: number;
  /** The clock, for the recency boost (tests inject it). */
  now: Date;
}
