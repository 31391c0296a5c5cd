import { createRoute, z } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import { requireApiPerson, signedInFirst } from "../../platform/api/actor.js";
import { apiRouter } from "../../platform/api/router.js";
import { jsonResponse, problems, rateLimitHeaders, requiresToken } from "../../platform/api/schemas.js";
import type { Db } from "../../platform/db/client.js";
import { notFound } from "../../platform/errors.js";
import type { AppEnv } from "../../platform/http/context.js";
import { authorize } from "../../platform/policy.js";
import { slugParam } from "../communities/api.js";
import { findCommunityBySlug } from "../communities/queries.js";
import { moveInput } from "./inputs.js";
import {
  ChecklistItemSchema,
  LifecycleSchema,
  presentItem,
  presentLifecycle,
  presentStageChange,
  StageChangeSchema,
} from "./presenters.js";
import { lifecycleOf, tickOf } from "./queries.js";
import { itemOr404, moveStage, setTick } from "./service.js";
import "./policy.js";

async function communityOr404(db: Db, slug: string) {
  const community = await findCommunityBySlug(db, slug);
  if (!community) throw notFound("community");
  return community;
}

/** Who may call comes before what they sent: a member gets 403 for moving the stage, not a list of field errors. */
const mayMoveFirst = createMiddleware<AppEnv>(async (c, next) => {
  const actor = requireApiPerson(c);
  authorize(actor, "lifecycle.move", await communityOr404(c.get("db"), c.req.param("slug") ?? ""));
  await next();
});

const itemParams = slugParam.extend({
  item: z
    .string()
    .max(80)
    .openapi({ param: { name: "item", in: "path" }, example: "inquire.audience" }),
});

const getLifecycle = createRoute({
  method: "get",
  path: "/communities/{slug}/lifecycle",
  tags: ["Lifecycle"],
  summary: "A community's stage, checklists and stage history",
  description:
    "The current stage and since when, every stage's suggested actions with who ticked them and when, and the stage changes, newest first.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: slugParam },
  responses: { 200: jsonResponse(LifecycleSchema, "The lifecycle."), ...problems(401, 403, 404) },
});

const tickItem = createRoute({
  method: "put",
  path: "/communities/{slug}/lifecycle/checklist/{item}",
  tags: ["Lifecycle"],
  summary: "Tick a checklist item",
  description:
    "Convenors, core members and the programme team. Ticking an item that is already ticked keeps the first tick.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: itemParams },
  responses: {
    200: jsonResponse(ChecklistItemSchema, "The item, ticked."),
    ...problems(401, 403, 404),
  },
});

const untickItem = createRoute({
  method: "delete",
  path: "/communities/{slug}/lifecycle/checklist/{item}",
  tags: ["Lifecycle"],
  summary: "Untick a checklist item",
  description: "Convenors, core members and the programme team. Unticking an unticked item changes nothing.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: itemParams },
  responses: {
    204: { description: "The item is not ticked.", headers: rateLimitHeaders },
    ...problems(401, 403, 404),
  },
});

const changeStage = createRoute({
  method: "post",
  path: "/communities/{slug}/lifecycle/stage",
  tags: ["Lifecycle"],
  summary: "Move a community to another stage",
  description:
    "Convenors and the programme team; forward or back. The change is dated and kept in the history, and the convenors and core team are told. Moving to the current stage is a 422.",
  security: requiresToken,
  middleware: [signedInFirst, mayMoveFirst],
  request: {
    params: slugParam,
    body: {
      required: true,
      content: { "application/json": { schema: moveInput.openapi("StageChangeInput") } },
    },
  },
  responses: {
    201: jsonResponse(StageChangeSchema, "The recorded stage change."),
    ...problems(400, 401, 403, 404, 415, 422),
  },
});

/** /api/v1/communities/{slug}/lifecycle. */
export function lifecycleApi() {
  const app = apiRouter();

  app.openapi(getLifecycle, async (c) => {
    const actor = requireApiPerson(c);
    const community = await communityOr404(c.get("db"), c.req.valid("param").slug);
    authorize(actor, "lifecycle.view", community);
    return c.json(presentLifecycle(await lifecycleOf(c.get("db"), community)), 200);
  });

  app.openapi(tickItem, async (c) => {
    const actor = requireApiPerson(c);
    const params = c.req.valid("param");
    const community = await communityOr404(c.get("db"), params.slug);
    await setTick(c.get("db"), actor, community, params.item, true);
    const item = itemOr404(params.item);
    return c.json(presentItem(item, await tickOf(c.get("db"), community.id, item.key)), 200);
  });

  app.openapi(untickItem, async (c) => {
    const actor = requireApiPerson(c);
    const params = c.req.valid("param");
    const community = await communityOr404(c.get("db"), params.slug);
    await setTick(c.get("db"), actor, community, params.item, false);
    return c.body(null, 204);
  });

  app.openapi(changeStage, async (c) => {
    const actor = requireApiPerson(c);
    const community = await communityOr404(c.get("db"), c.req.valid("param").slug);
    const change = await moveStage(c.get("db"), actor, community, c.req.valid("json"));
    c.header("Location", `/api/v1/communities/${community.slug}/lifecycle`);
    return c.json(
      presentStageChange({
        id: change.id,
        fromStage: change.fromStage,
        toStage: change.toStage,
        note: change.note,
        at: change.createdAt,
        by: { handle: actor.handle, name: actor.name },
      }),
      201,
    );
  });

  return app;
}
