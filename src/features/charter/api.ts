import { createRoute, z } from "@hono/zod-openapi";
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
  tokenOptional,
} from "../../platform/api/schemas.js";
import type { Db } from "../../platform/db/client.js";
import { AppError, notFound } from "../../platform/errors.js";
import { authorize } from "../../platform/policy.js";
import { slugParam } from "../communities/api.js";
import { findCommunityBySlug } from "../communities/queries.js";
import { charterInput } from "./inputs.js";
import { CharterSchema, presentCharter } from "./presenters.js";
import { charterHistory, currentCharterWithAuthor, versionAndPrevious } from "./queries.js";
import { saveCharter } from "./service.js";
import "./policy.js";

const charterBody = charterInput
  .extend({
    baseVersion: z.number().int().min(0).optional().openapi({
      description:
        "The version you started from (0 when there was none). If someone has saved a newer one since, nothing is saved and you get 409.",
      example: 2,
    }),
  })
  .openapi("CharterInput");

const conflictResponse = {
  409: {
    description:
      "Someone saved a newer version since `baseVersion`; nothing was saved. Fetch it, merge and retry.",
    content: { "application/problem+json": { schema: ProblemSchema } },
  },
};

const versionParams = slugParam.extend({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .openapi({ param: { name: "version", in: "path" }, example: 1 }),
});

const getCharter = createRoute({
  method: "get",
  path: "/communities/{slug}/charter",
  tags: ["Charters"],
  summary: "A community's current charter",
  description:
    "Readable by anyone who can see the community, so people can read the code of conduct before joining.",
  security: tokenOptional,
  request: { params: slugParam },
  responses: {
    200: jsonResponse(CharterSchema, "The latest version of the charter."),
    ...problems(401, 404),
  },
});

const putCharter = createRoute({
  method: "put",
  path: "/communities/{slug}/charter",
  tags: ["Charters"],
  summary: "Save a new version of the charter",
  description:
    "Convenors and core members of the community, and the programme team. Every save is a new version; send `baseVersion` to be told (409) if someone else saved first.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: {
    params: slugParam,
    body: { required: true, content: { "application/json": { schema: charterBody } } },
  },
  responses: {
    200: jsonResponse(CharterSchema, "The new version."),
    ...problems(400, 401, 403, 404, 415, 422),
    ...conflictResponse,
  },
});

const listVersions = createRoute({
  method: "get",
  path: "/communities/{slug}/charter/versions",
  tags: ["Charters"],
  summary: "Every version of the charter",
  description: "Newest first.",
  security: tokenOptional,
  request: { params: slugParam, query: z.object(paginationQuery) },
  responses: {
    200: jsonResponse(pageOf(CharterSchema, "CharterVersionPage"), "A page of versions."),
    ...problems(401, 404, 422),
  },
});

const getVersion = createRoute({
  method: "get",
  path: "/communities/{slug}/charter/versions/{version}",
  tags: ["Charters"],
  summary: "One version of the charter",
  security: tokenOptional,
  request: { params: versionParams },
  responses: {
    200: jsonResponse(CharterSchema, "That version."),
    ...problems(401, 404, 422),
  },
});

async function communityOr404(db: Db, slug: string) {
  const community = await findCommunityBySlug(db, slug);
  if (!community) throw notFound("community");
  return community;
}

const isVersion = (key: string | number) => typeof key === "number";

/** Charters and their versions. */
export function charterApi() {
  const app = apiRouter();

  app.openapi(getCharter, async (c) => {
    const community = await communityOr404(c.get("db"), c.req.valid("param").slug);
    authorize(c.get("actor"), "community.view", community);
    const charter = await currentCharterWithAuthor(c.get("db"), community.id);
    if (!charter) throw new AppError(404, "not_found", "This community has not written its charter yet.");
    return c.json(presentCharter(charter), 200);
  });

  app.openapi(putCharter, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const community = await communityOr404(db, c.req.valid("param").slug);
    authorize(actor, "charter.edit", community);
    const saved = await saveCharter(db, actor, community, c.req.valid("json"));
    const { current } = await versionAndPrevious(db, community.id, saved.version);
    if (!current) throw notFound("charter");
    return c.json(presentCharter(current), 200);
  });

  app.openapi(listVersions, async (c) => {
    const db = c.get("db");
    const community = await communityOr404(db, c.req.valid("param").slug);
    authorize(c.get("actor"), "community.view", community);
    const query = c.req.valid("query");
    const page = await charterHistory(db, community.id, readCursor(query.cursor, isVersion), query.limit);
    return c.json(toApiPage(page, presentCharter), 200);
  });

  app.openapi(getVersion, async (c) => {
    const db = c.get("db");
    const { slug, version } = c.req.valid("param");
    const community = await communityOr404(db, slug);
    authorize(c.get("actor"), "community.view", community);
    const { current } = await versionAndPrevious(db, community.id, version);
    if (!current) throw notFound("version of the charter");
    return c.json(presentCharter(current), 200);
  });

  return app;
}
