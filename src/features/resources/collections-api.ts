import { createRoute, z } from "@hono/zod-openapi";
import { requireApiPerson, signedInFirst } from "../../platform/api/actor.js";
import { apiRouter } from "../../platform/api/router.js";
import {
  iso,
  jsonResponse,
  pageOf,
  paginationQuery,
  problems,
  rateLimitHeaders,
  readCursor,
  requiresToken,
  toApiPage,
} from "../../platform/api/schemas.js";
import { validationFailed } from "../../platform/api/validation.js";
import type { Db } from "../../platform/db/client.js";
import { AppError, notFound } from "../../platform/errors.js";
import type { Actor } from "../../platform/policy.js";
import { authorize } from "../../platform/policy.js";
import { findCommunityBySlug } from "../communities/queries.js";
import { type CollectionSummary, collectionsOf, entriesOf } from "./collections-queries.js";
import {
  authorizeCollectionView,
  collectionPath,
  createCollection,
  deleteCollection,
  type LoadedCollection,
  loadCollection,
  setCollectionItems,
  updateCollection,
} from "./collections-service.js";

const tags = ["Resources"];
const idParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "id", in: "path" }, description: "The collection's id." }),
});
const json = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

const CollectionSummarySchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    description: z.string().openapi({ description: "Markdown." }),
    itemCount: z.number().int(),
    updatedAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("CollectionSummary");

const CollectionSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    description: z.string().openapi({ description: "Markdown." }),
    community: z.object({ slug: z.string(), name: z.string() }).nullable().openapi({
      description: "Null for the starter toolkit's collections.",
    }),
    url: z.string().openapi({ example: "/communities/hr-operations/collections/new-starter-toolkit" }),
    items: z
      .array(
        z.object({
          resourceId: z.string(),
          title: z.string(),
          kind: z.string(),
          status: z.string(),
          summary: z.string(),
          reviewBy: z.string().nullable().openapi({ format: "date" }),
        }),
      )
      .openapi({ description: "In reading order; drafts you cannot see are left out." }),
    updatedAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("Collection");

const presentSummary = (row: CollectionSummary) => ({
  id: row.id,
  slug: row.slug,
  title: row.title,
  description: row.description,
  itemCount: row.itemCount,
  updatedAt: iso(row.updatedAt)!,
});

async function presentCollection(db: Db, actor: Actor, loaded: LoadedCollection) {
  const entries = await entriesOf(db, actor, loaded);
  const { collection, community } = loaded;
  return {
    id: collection.id,
    slug: collection.slug,
    title: collection.title,
    description: collection.description,
    community: community ? { slug: community.slug, name: community.name } : null,
    url: collectionPath(loaded),
    items: entries.map((entry) => ({
      resourceId: entry.id,
      title: entry.title,
      kind: entry.kind,
      status: entry.status,
      summary: entry.summary,
      reviewBy: entry.reviewBy,
    })),
    updatedAt: iso(collection.updatedAt)!,
  };
}

const CreateBody = z
  .object({
    community: z.string().max(100).nullable().optional().openapi({
      description: "The community's slug; leave out (or null) for the starter toolkit (programme team only).",
    }),
    title: z
      .string()
      .trim()
      .min(1, "Enter a title for the collection")
      .max(120, "Keep the title to 120 characters or fewer"),
    description: z.string().trim().max(4000, "Keep the description to 4,000 characters or fewer").default(""),
  })
  .openapi("CollectionInput");
const UpdateBody = z
  .object({
    title: z.string().trim().min(1, "Enter a title for the collection").max(120).optional(),
    description: z.string().trim().max(4000).optional(),
  })
  .openapi("CollectionUpdate");
const ItemsBody = z
  .object({
    resourceIds: z.array(z.string().min(1).max(100)).max(100, "A collection can hold at most 100 resources"),
  })
  .openapi("CollectionItemsInput");

const listRoute = createRoute({
  method: "get",
  path: "/collections",
  tags,
  summary: "Collections of a community, or of the starter toolkit",
  description:
    "By title. With `community`, that community's collections (its content setting applies); without, the starter toolkit's.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: {
    query: z.object({
      community: z.string().max(100).optional().openapi({ description: "A community's slug." }),
      ...paginationQuery,
    }),
  },
  responses: {
    200: jsonResponse(pageOf(CollectionSummarySchema, "CollectionPage"), "A page of collections."),
    ...problems(401, 403, 404, 422),
  },
});

const createRouteDef = createRoute({
  method: "post",
  path: "/collections",
  tags,
  summary: "Create a collection",
  description:
    "For the community's convenors and core members and the programme team (starter toolkit: the programme team).",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { body: json(CreateBody) },
  responses: {
    201: jsonResponse(CollectionSchema, "The new, empty collection."),
    ...problems(400, 401, 403, 404, 415, 422),
  },
});

const getRouteDef = createRoute({
  method: "get",
  path: "/collections/{id}",
  tags,
  summary: "A collection and its resources in order",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: idParam },
  responses: { 200: jsonResponse(CollectionSchema, "The collection."), ...problems(401, 403, 404) },
});

const updateRouteDef = createRoute({
  method: "patch",
  path: "/collections/{id}",
  tags,
  summary: "Change a collection's title or description",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: idParam, body: json(UpdateBody) },
  responses: {
    200: jsonResponse(CollectionSchema, "The collection."),
    ...problems(400, 401, 403, 404, 415, 422),
  },
});

const deleteRouteDef = createRoute({
  method: "delete",
  path: "/collections/{id}",
  tags,
  summary: "Delete a collection",
  description: "The resources in it are not touched.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: idParam },
  responses: {
    204: { description: "The collection is deleted.", headers: rateLimitHeaders },
    ...problems(401, 403, 404),
  },
});

const itemsRouteDef = createRoute({
  method: "put",
  path: "/collections/{id}/items",
  tags,
  summary: "Set a collection's resources and their order",
  description:
    "The ids in reading order. Resources left out are taken out of the collection; new ones are added, and must be published or endorsed resources of the same community (or of the starter toolkit).",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: idParam, body: json(ItemsBody) },
  responses: {
    200: jsonResponse(CollectionSchema, "The collection now."),
    ...problems(400, 401, 403, 404, 415, 422),
  },
});

/** Service 422s on a field become the API's `errors` list. */
function asProblem(error: unknown): never {
  if (error instanceof AppError && error.status === 422 && error.detail?.field)
    throw validationFailed([{ field: String(error.detail.field), message: error.userMessage }]);
  throw error;
}

const isTitle = (key: string | number) => typeof key === "string";

/** Collections of resources. */
export function collectionApi() {
  const api = apiRouter();

  api.openapi(listRoute, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const query = c.req.valid("query");
    let communityId: string | null = null;
    if (query.community) {
      const community = await findCommunityBySlug(db, query.community);
      if (!community) throw notFound("community");
      authorize(actor, "community.viewContent", community);
      communityId = community.id;
    }
    const page = await collectionsOf(db, communityId, readCursor(query.cursor, isTitle), query.limit);
    return c.json(toApiPage(page, presentSummary), 200);
  });

  api.openapi(createRouteDef, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const body = c.req.valid("json");
    const community = body.community ? await findCommunityBySlug(db, body.community) : null;
    if (body.community && !community) throw notFound("community");
    const created = await createCollection(db, actor, community, {
      title: body.title,
      description: body.description,
    }).catch(asProblem);
    return c.json(await presentCollection(db, actor, created), 201);
  });

  api.openapi(getRouteDef, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const loaded = await loadCollection(db, c.req.valid("param").id);
    authorizeCollectionView(actor, loaded.community);
    return c.json(await presentCollection(db, actor, loaded), 200);
  });

  api.openapi(updateRouteDef, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const loaded = await loadCollection(db, c.req.valid("param").id);
    const body = c.req.valid("json");
    const collection = await updateCollection(db, actor, loaded, {
      title: body.title ?? loaded.collection.title,
      description: body.description ?? loaded.collection.description,
    }).catch(asProblem);
    return c.json(await presentCollection(db, actor, { ...loaded, collection }), 200);
  });

  api.openapi(deleteRouteDef, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    await deleteCollection(db, actor, await loadCollection(db, c.req.valid("param").id));
    return c.body(null, 204);
  });

  api.openapi(itemsRouteDef, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const loaded = await loadCollection(db, c.req.valid("param").id);
    await setCollectionItems(db, actor, loaded, c.req.valid("json").resourceIds).catch(asProblem);
    return c.json(await presentCollection(db, actor, await loadCollection(db, loaded.collection.id)), 200);
  });

  return api;
}
