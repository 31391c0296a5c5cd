import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { requireApiPerson, signedInFirst } from "../../platform/api/actor.js";
import { apiRouter } from "../../platform/api/router.js";
import {
  jsonResponse,
  ProblemSchema,
  pageOf,
  paginationQuery,
  problems,
  readCursor,
  requiresToken,
  toApiPage,
} from "../../platform/api/schemas.js";
import type { Db } from "../../platform/db/client.js";
import { notFound } from "../../platform/errors.js";
import type { AppEnv } from "../../platform/http/context.js";
import { authorize, decide } from "../../platform/policy.js";
import { slugParam } from "../communities/api.js";
import { findCommunityBySlug } from "../communities/queries.js";
import { addDays, toLocal } from "../events/zoned-time.js";
import { resourceNow } from "./clock.js";
import { isCalendarDate, statusActions } from "./inputs.js";
import { resourceTarget } from "./load.js";
import { presentResource, presentRevision, ResourceSchema, RevisionSchema } from "./presenters.js";
import { dueForReview, findResourceWithPeople, revisionHistory, revisionsByNumber } from "./queries.js";
import {
  changeStatus,
  createResource,
  markReviewed,
  ResourceConflict,
  restoreRevision,
  saveRevision,
} from "./service.js";
import { resourceKinds } from "./tables.js";
import "./notifications.js";
import "./policy.js";

const tags = z
  .array(z.string().trim().toLowerCase().min(1).max(40, "Keep each tag under 40 characters"))
  .max(10, "Add at most 10 tags")
  .transform((list) => [...new Set(list)]);
const reviewDate = z
  .string()
  .refine(isCalendarDate, "Give a real date as YYYY-MM-DD")
  .openapi({ format: "date", example: "2027-03-31" });
const content = {
  kind: z.enum(resourceKinds),
  title: z
    .string()
    .trim()
    .min(3, "Give a title of at least 3 characters")
    .max(150, "Keep the title to 150 characters or fewer"),
  summary: z.string().trim().max(500, "Keep the summary to 500 characters or fewer"),
  body: z
    .string()
    .trim()
    .max(50_000, "Keep the text to 50,000 characters or fewer")
    .openapi({ description: "Markdown." }),
  externalUrl: z
    .string()
    .trim()
    .max(2000)
    .openapi({ description: "An https address; required for kind `link`. Empty for none." }),
  tags,
};

const createBody = z
  .object({
    ...content,
    summary: content.summary.default(""),
    body: content.body.default(""),
    externalUrl: content.externalUrl.default(""),
    tags: tags.default([]),
    reviewBy: reviewDate.optional().openapi({ description: "Default: a year after publishing." }),
    note: z.string().trim().max(200).default("").openapi({ description: "The note on revision 1." }),
    publish: z.boolean().default(false).openapi({ description: "Publish now; otherwise it is a draft." }),
  })
  .openapi("ResourceInput");

const patchBody = z
  .object({
    baseRevision: z.number().int().min(1).openapi({
      description:
        "The revision you started from. If someone has saved a newer one since, nothing is saved and you get 409 with `currentRevision`.",
      example: 3,
    }),
    note: z
      .string()
      .trim()
      .min(1, "Say briefly what you changed")
      .max(200)
      .openapi({ example: "Added the March deadlines" }),
    kind: content.kind.optional(),
    title: content.title.optional(),
    summary: content.summary.optional(),
    body: content.body.optional(),
    externalUrl: content.externalUrl.optional(),
    tags: tags.optional(),
    reviewBy: reviewDate.optional(),
  })
  .openapi("ResourceRevisionInput");

const idParam = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: "id", in: "path" }, example: "01931c1e-7b6c-7d45-9a5e-2f3b4c5d6e7f" }),
});
const revisionParams = idParam.extend({
  number: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .openapi({ param: { name: "number", in: "path" }, example: 2 }),
});

const ConflictSchema = ProblemSchema.extend({
  currentRevision: z.number().int().openapi({ description: "The revision someone else saved.", example: 4 }),
}).openapi("ResourceConflict");

const conflicts = {
  409: {
    description:
      "Someone saved a newer revision since `baseRevision`, or the status change does not apply now. Nothing was saved.",
    content: { "application/problem+json": { schema: ConflictSchema } },
  },
};

const tag = ["Resources"];

const create = createRoute({
  method: "post",
  path: "/communities/{slug}/resources",
  tags: tag,
  summary: "Add a resource to a community",
  description:
    "Members of the community and the programme team. The author becomes its owner; revision 1 is written.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: {
    params: slugParam,
    body: { required: true, content: { "application/json": { schema: createBody } } },
  },
  responses: {
    201: jsonResponse(ResourceSchema, "The new resource."),
    ...problems(400, 401, 403, 404, 415, 422),
  },
});

const get = createRoute({
  method: "get",
  path: "/resources/{id}",
  tags: tag,
  summary: "One resource",
  description:
    "Drafts are visible only to their owner, the community's convenors and core members, and the programme team.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: idParam },
  responses: { 200: jsonResponse(ResourceSchema, "The resource."), ...problems(401, 403, 404) },
});

const patch = createRoute({
  method: "patch",
  path: "/resources/{id}",
  tags: tag,
  summary: "Save a new revision",
  description:
    "Any member of the community may improve a resource. Fields left out keep their current value. Send `baseRevision`: if someone else saved since, you get 409 and nothing is overwritten.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: {
    params: idParam,
    body: { required: true, content: { "application/json": { schema: patchBody } } },
  },
  responses: {
    200: jsonResponse(ResourceSchema, "The resource with its new revision."),
    ...problems(400, 401, 403, 404, 415, 422),
    ...conflicts,
  },
});

const listRevisions = createRoute({
  method: "get",
  path: "/resources/{id}/revisions",
  tags: tag,
  summary: "Every revision of a resource",
  description: "Newest first.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: idParam, query: z.object(paginationQuery) },
  responses: {
    200: jsonResponse(pageOf(RevisionSchema, "ResourceRevisionPage"), "A page of revisions."),
    ...problems(401, 403, 404, 422),
  },
});

const getRevision = createRoute({
  method: "get",
  path: "/resources/{id}/revisions/{number}",
  tags: tag,
  summary: "One revision of a resource",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: revisionParams },
  responses: { 200: jsonResponse(RevisionSchema, "That revision."), ...problems(401, 403, 404, 422) },
});

const restore = createRoute({
  method: "post",
  path: "/resources/{id}/revisions/{number}/restore",
  tags: tag,
  summary: "Restore an earlier revision",
  description:
    "Writes a new revision with that revision's text (`restoredFrom`); history is never rewritten.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: revisionParams },
  responses: {
    200: jsonResponse(ResourceSchema, "The resource with the restored text as its new revision."),
    ...problems(401, 403, 404, 422),
    ...conflicts,
  },
});

const status = createRoute({
  method: "post",
  path: "/resources/{id}/status",
  tags: tag,
  summary: "Publish, archive, restore from archive, endorse or withdraw an endorsement",
  description:
    "`publish`, `archive` and `unarchive`: the owner, the community's convenors and core members, the programme team. `endorse` and `unendorse`: convenors and core members.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: {
    params: idParam,
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.object({ action: z.enum(statusActions) }).openapi("ResourceStatusChange"),
        },
      },
    },
  },
  responses: {
    200: jsonResponse(ResourceSchema, "The resource with its new status."),
    ...problems(400, 401, 403, 404, 415, 422),
    ...conflicts,
  },
});

const review = createRoute({
  method: "post",
  path: "/resources/{id}/review",
  tags: tag,
  summary: "Mark a resource as reviewed",
  description:
    "Records who reviewed it and when, and sets the next review date (a year from today unless given).",
  security: requiresToken,
  middleware: [signedInFirst],
  request: {
    params: idParam,
    body: {
      required: false,
      content: {
        "application/json": {
          schema: z.object({ reviewBy: reviewDate.optional() }).openapi("ResourceReview"),
        },
      },
    },
  },
  responses: {
    200: jsonResponse(ResourceSchema, "The resource with its new review date."),
    ...problems(400, 401, 403, 404, 415, 422),
    ...conflicts,
  },
});

const due = createRoute({
  method: "get",
  path: "/communities/{slug}/resources/due",
  tags: tag,
  summary: "Resources due for review",
  description:
    "Published and endorsed resources past, or within 30 days of, their review date; most overdue first. For the community's convenors and core members and the programme team.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: slugParam, query: z.object(paginationQuery) },
  responses: {
    200: jsonResponse(pageOf(ResourceSchema, "ResourceDuePage"), "A page of resources."),
    ...problems(401, 403, 404, 422),
  },
});

const clockOf = (c: Context<AppEnv>) => ({ now: resourceNow(), timeZone: c.get("config").timeZone });
const todayOf = (c: Context<AppEnv>) => toLocal(resourceNow(), c.get("config").timeZone).date;

/** The resource if the caller may read it; someone else's draft is a 404. */
async function readable(c: Context<AppEnv>, id: string) {
  const loaded = await findResourceWithPeople(c.get("db"), id);
  if (!loaded) throw notFound("resource");
  const target = resourceTarget(loaded);
  if (!decide(c.get("actor"), "resource.view", target).allowed && loaded.resource.status === "draft")
    throw notFound("resource");
  authorize(c.get("actor"), "resource.view", target);
  return loaded;
}

async function present(c: Context<AppEnv>, id: string) {
  const loaded = await findResourceWithPeople(c.get("db"), id);
  if (!loaded) throw notFound("resource");
  return presentResource(loaded, todayOf(c));
}

async function communityOr404(db: Db, slug: string) {
  const community = await findCommunityBySlug(db, slug);
  if (!community) throw notFound("community");
  return community;
}

/** 409 as problem+json with the revision someone else saved, so a client can fetch it and merge. */
function conflictResponse(c: Context<AppEnv>, error: ResourceConflict) {
  return c.body(
    JSON.stringify({
      type: "about:blank",
      title: "Conflict",
      status: 409,
      detail: error.userMessage,
      code: error.code,
      instance: c.req.path,
      requestId: c.get("requestId"),
      currentRevision: error.latest.number,
    }),
    409,
    { "Content-Type": "application/problem+json" },
  );
}

const isNumberKey = (key: string | number) => typeof key === "number";
const isDateKey = (key: string | number) => typeof key === "string" && isCalendarDate(key);

/** Resources, revisions, status and reviews. */
export function resourceApi() {
  const api = apiRouter();

  api.openapi(create, async (c) => {
    const actor = requireApiPerson(c);
    const community = await communityOr404(c.get("db"), c.req.valid("param").slug);
    const body = c.req.valid("json");
    const row = await createResource(
      c.get("db"),
      actor,
      community,
      { ...body, reviewBy: body.reviewBy ?? null, publish: body.publish },
      clockOf(c),
    );
    return c.json(await present(c, row.id), 201);
  });

  api.openapi(get, async (c) => {
    const loaded = await readable(c, c.req.valid("param").id);
    return c.json(presentResource(loaded, todayOf(c)), 200);
  });

  // biome-ignore lint/suspicious/noExplicitAny: the 409 answer is built by hand (it carries currentRevision).
  api.openapi(patch, async (c): Promise<any> => {
    const actor = requireApiPerson(c);
    const { resource } = await readable(c, c.req.valid("param").id);
    const body = c.req.valid("json");
    try {
      await saveRevision(
        c.get("db"),
        actor,
        resource.id,
        {
          kind: body.kind ?? resource.kind,
          title: body.title ?? resource.title,
          summary: body.summary ?? resource.summary,
          body: body.body ?? resource.body,
          externalUrl: body.externalUrl ?? resource.externalUrl,
          tags: body.tags ?? resource.tags,
          note: body.note,
          reviewBy: body.reviewBy ?? null,
          baseRevision: body.baseRevision,
        },
        clockOf(c),
      );
    } catch (error) {
      if (error instanceof ResourceConflict) return conflictResponse(c, error);
      throw error;
    }
    return c.json(await present(c, resource.id), 200);
  });

  api.openapi(listRevisions, async (c) => {
    const { resource } = await readable(c, c.req.valid("param").id);
    const query = c.req.valid("query");
    const page = await revisionHistory(
      c.get("db"),
      resource.id,
      readCursor(query.cursor, isNumberKey),
      query.limit,
    );
    return c.json(toApiPage(page, presentRevision), 200);
  });

  api.openapi(getRevision, async (c) => {
    const { id, number } = c.req.valid("param");
    const { resource } = await readable(c, id);
    const revision = (await revisionsByNumber(c.get("db"), resource.id, [number])).get(number);
    if (!revision) throw notFound("revision");
    return c.json(presentRevision(revision), 200);
  });

  api.openapi(restore, async (c) => {
    const actor = requireApiPerson(c);
    const { id, number } = c.req.valid("param");
    const { resource } = await readable(c, id);
    await restoreRevision(c.get("db"), actor, resource.id, number, clockOf(c));
    return c.json(await present(c, resource.id), 200);
  });

  api.openapi(status, async (c) => {
    const actor = requireApiPerson(c);
    const { resource } = await readable(c, c.req.valid("param").id);
    await changeStatus(c.get("db"), actor, resource.id, c.req.valid("json").action, clockOf(c));
    return c.json(await present(c, resource.id), 200);
  });

  api.openapi(review, async (c) => {
    const actor = requireApiPerson(c);
    const { resource } = await readable(c, c.req.valid("param").id);
    const body = c.req.valid("json") ?? {};
    await markReviewed(c.get("db"), actor, resource.id, body.reviewBy ?? null, clockOf(c));
    return c.json(await present(c, resource.id), 200);
  });

  api.openapi(due, async (c) => {
    const db = c.get("db");
    const community = await communityOr404(db, c.req.valid("param").slug);
    authorize(requireApiPerson(c), "collection.manage", community);
    const query = c.req.valid("query");
    const today = todayOf(c);
    const page = await dueForReview(
      db,
      community.id,
      addDays(today, 30),
      readCursor(query.cursor, isDateKey),
      query.limit,
    );
    // A page is at most 100 resources; each is presented in full, with the people it names.
    const rows = await Promise.all(page.items.map((item) => findResourceWithPeople(db, item.id)));
    const presented = rows.filter((row) => row !== null).map((row) => presentResource(row, today));
    return c.json({ data: presented, nextCursor: page.next }, 200);
  });

  return api;
}
