import { createRoute, z } from "@hono/zod-openapi";
import { requireApiPerson, signedInFirst } from "../../platform/api/actor.js";
import { apiRouter } from "../../platform/api/router.js";
import {
  jsonResponse,
  pageOf,
  paginationQuery,
  problems,
  readCursor,
  requiresToken,
  toApiPage,
} from "../../platform/api/schemas.js";
import { validationFailed } from "../../platform/api/validation.js";
import { notFound } from "../../platform/errors.js";
import { authorize } from "../../platform/policy.js";
import { slugParam } from "../communities/api.js";
import { findCommunityBySlug } from "../communities/queries.js";
import { resourceNow } from "./clock.js";
import { findingSorts, findingStatuses } from "./finding-inputs.js";
import { presentResourceSummary, ResourceSummarySchema } from "./finding-presenters.js";
import {
  findResources,
  readableCommunityBySlug,
  starterToolkit,
  todayIn,
  validCursorKey,
} from "./finding-queries.js";
import { resourceKinds } from "./tables.js";
import "../communities/policy.js";
import "./policy.js";

const filterQuery = {
  kind: z.enum(resourceKinds).optional(),
  tag: z
    .string()
    .trim()
    .toLowerCase()
    .max(60)
    .optional()
    .openapi({ description: "Only resources with this tag." }),
  status: z.enum(findingStatuses).default("current").openapi({
    description:
      "`current` (published and endorsed), `endorsed`, `draft` (only drafts you may see: your own, those of communities you lead), or `archived`.",
  }),
  sort: z.enum(findingSorts).default("updated").openapi({
    description: "`updated` (last edited first) or `helpful` (most “this helped me”, then most used).",
  }),
  ...paginationQuery,
};

const ResourcePage = pageOf(ResourceSummarySchema, "ResourceSummaryPage");

const listAll = createRoute({
  method: "get",
  path: "/resources",
  tags: ["Resources"],
  summary: "Resources across communities",
  description:
    "Resources from every community whose content you may read (as search decides: an unlisted community's only for its members), plus the starter toolkit.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: {
    query: z.object({
      ...filterQuery,
      community: z
        .string()
        .trim()
        .max(100)
        .optional()
        .openapi({ description: "A community's slug, or `toolkit` for the starter toolkit only." }),
    }),
  },
  responses: { 200: jsonResponse(ResourcePage, "A page of resources."), ...problems(401, 422) },
});

const listCommunity = createRoute({
  method: "get",
  path: "/communities/{slug}/resources",
  tags: ["Resources"],
  summary: "A community's resources",
  description: "Its repertoire, filtered and sorted. Members-only communities answer 403 to non-members.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: slugParam, query: z.object(filterQuery) },
  responses: { 200: jsonResponse(ResourcePage, "A page of resources."), ...problems(401, 403, 404, 422) },
});

const toolkitRoute = createRoute({
  method: "get",
  path: "/toolkit",
  tags: ["Resources"],
  summary: "The starter toolkit",
  description:
    "The programme's starter toolkit in its collection's order. The programme team also sees its drafts and archived items.",
  security: requiresToken,
  middleware: [signedInFirst],
  responses: {
    200: jsonResponse(
      z
        .object({
          collection: z.object({ id: z.string(), title: z.string(), description: z.string() }).nullable(),
          data: z.array(ResourceSummarySchema),
        })
        .openapi("StarterToolkit"),
      "The toolkit's items, in order.",
    ),
    ...problems(401),
  },
});

/** Listing resources across communities, per community, and the starter toolkit. */
export function resourceFindingApi() {
  const api = apiRouter();

  api.openapi(listAll, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const query = c.req.valid("query");
    const toolkitOnly = query.community === "toolkit";
    const community =
      query.community && !toolkitOnly ? await readableCommunityBySlug(db, actor, query.community) : null;
    if (query.community && !toolkitOnly && !community)
      throw validationFailed([
        { field: "community", message: "No community whose resources you can read has this slug." },
      ]);
    const page = await findResources(db, actor, {
      scope: toolkitOnly ? { kind: "toolkit" } : { kind: "everywhere" },
      communityId: community?.id ?? null,
      filters: { kind: query.kind ?? "", tag: query.tag ?? "", status: query.status, sort: query.sort },
      cursor: readCursor(query.cursor, (key) => validCursorKey(query.sort, key)),
      limit: query.limit,
    });
    const today = todayIn(resourceNow());
    return c.json(
      toApiPage(page, (item) => presentResourceSummary(item, today)),
      200,
    );
  });

  api.openapi(listCommunity, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const community = await findCommunityBySlug(db, c.req.valid("param").slug);
    if (!community) throw notFound("community");
    authorize(actor, "community.viewContent", community);
    const query = c.req.valid("query");
    const page = await findResources(db, actor, {
      scope: { kind: "community", communityId: community.id },
      filters: { kind: query.kind ?? "", tag: query.tag ?? "", status: query.status, sort: query.sort },
      cursor: readCursor(query.cursor, (key) => validCursorKey(query.sort, key)),
      limit: query.limit,
    });
    const today = todayIn(resourceNow());
    return c.json(
      toApiPage(page, (item) => presentResourceSummary(item, today)),
      200,
    );
  });

  api.openapi(toolkitRoute, async (c) => {
    const actor = requireApiPerson(c);
    const toolkit = await starterToolkit(c.get("db"), actor);
    const today = todayIn(resourceNow());
    return c.json(
      {
        collection: toolkit.collection,
        data: toolkit.items.map((item) => presentResourceSummary(item, today)),
      },
      200,
    );
  });

  return api;
}
