import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter } from "../../platform/api/router.js";
import { jsonResponse, problems, readCursor, tokenOptional } from "../../platform/api/schemas.js";
import { validationFailed } from "../../platform/api/validation.js";
import { AppError } from "../../platform/errors.js";
import { encodeCursor } from "../../platform/http/pagination.js";
import { MAX_PAGES, PAGE_SIZE, searchKinds, searchSorts } from "./inputs.js";
import {
  presentCommunityHit,
  presentEventHit,
  presentPersonHit,
  presentPostHit,
  presentResourceHit,
  SearchResponseSchema,
} from "./presenters.js";
import { filterCommunity, kindsFor, searchEverything } from "./queries.js";

const searchQuery = z.object({
  q: z.string().trim().max(200, "Keep the search under 200 characters").default("").openapi({
    description:
      'Web-search syntax: words, "an exact phrase", -word to leave out, OR for either. Empty finds nothing.',
    example: '"month end" payroll -pensions',
  }),
  kind: z
    .enum(searchKinds, { message: `Use one of: ${searchKinds.join(", ")}` })
    .default("all")
    .openapi({
      description:
        "`all` gives the first 5 of each kind, without paging; a kind gives pages of 20. Visitors without a token find communities only.",
    }),
  community: z
    .string()
    .trim()
    .max(100)
    .optional()
    .openapi({ description: "A community's slug: search only its content (people are left out)." }),
  sort: z
    .enum(searchSorts, { message: `Use one of: ${searchSorts.join(", ")}` })
    .default("relevance")
    .openapi({ description: "relevance (with newer posts boosted) or newest." }),
  cursor: z
    .string()
    .max(500)
    .optional()
    .openapi({ description: "`nextCursor` from the previous page; leave out for the first page." }),
});

const search = createRoute({
  method: "get",
  path: "/search",
  tags: ["Search"],
  summary: "Search communities, discussions, resources, events and people",
  description: `Finds only what you may see: communities as the directory shows them; threads and replies only from communities whose content you may read (never an unlisted community's unless you are a member), never hidden or deleted posts; published and endorsed resources from those communities and the starter toolkit (never drafts or archived ones); events any of whose host communities you may read (cancelled ones marked); people for signed-in callers. Pages by offset, up to ${MAX_PAGES} pages of ${PAGE_SIZE}.`,
  security: tokenOptional,
  request: { query: searchQuery },
  responses: { 200: jsonResponse(SearchResponseSchema, "Matching results."), ...problems(401, 422) },
});

/** Search across everything the caller may see. */
export function searchApi(options: { now?: () => Date } = {}) {
  const app = apiRouter();
  const now = options.now ?? (() => new Date());

  app.openapi(search, async (c) => {
    const actor = c.get("actor");
    const db = c.get("db");
    const query = c.req.valid("query");
    if (query.kind !== "all" && !kindsFor(actor).includes(query.kind)) {
      throw new AppError(
        401,
        "sign_in_required",
        "Send a token to search discussions, resources, events and people.",
      );
    }
    const cursor = readCursor(
      query.cursor,
      (key) => typeof key === "number" && Number.isInteger(key) && key > 0 && key < MAX_PAGES * PAGE_SIZE,
    );
    if (cursor && query.kind === "all") {
      throw validationFailed([{ field: "cursor", message: "Choose a kind to page through its results." }]);
    }
    const community = query.community ? await filterCommunity(db, actor, query.community) : null;
    if (query.community && !community) {
      throw validationFailed([{ field: "community", message: "No community you can see has this slug." }]);
    }
    const offset = cursor ? Number(cursor.key) : 0;
    const page = Math.floor(offset / PAGE_SIZE) + 1;
    const results = await searchEverything(db, actor, {
      q: query.q,
      kind: query.kind,
      sort: query.sort,
      communityId: community?.id ?? null,
      page,
      now: now(),
    });
    const data = [
      ...(results.communities?.items.map(presentCommunityHit) ?? []),
      ...(results.discussions?.items.map(presentPostHit) ?? []),
      ...(results.resources?.items.map(presentResourceHit) ?? []),
      ...(results.events?.items.map(presentEventHit) ?? []),
      ...(results.people?.items.map(presentPersonHit) ?? []),
    ];
    const single = query.kind === "all" ? null : results[query.kind];
    const nextOffset = offset + PAGE_SIZE;
    const nextCursor =
      single && single.total > nextOffset && nextOffset < MAX_PAGES * PAGE_SIZE
        ? encodeCursor({ direction: "after", key: nextOffset, id: "search" })
        : null;
    const count = (result: { total: number; atLeast: boolean } | null) =>
      result ? { total: result.total, atLeast: result.atLeast } : null;
    return c.json(
      {
        data,
        counts: {
          communities: count(results.communities),
          discussions: count(results.discussions),
          resources: count(results.resources),
          events: count(results.events),
          people: count(results.people),
        },
        nextCursor,
      },
      200,
    );
  });

  return app;
}
