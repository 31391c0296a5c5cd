import { createRoute, z } from "@hono/zod-openapi";
import { requireApiPerson, signedInFirst } from "../../platform/api/actor.js";
import { apiRouter } from "../../platform/api/router.js";
import { jsonResponse, problems, requiresToken } from "../../platform/api/schemas.js";
import { authorize } from "../../platform/policy.js";
import { loadResource, resourceTarget } from "./load.js";
import { marksOf, type ReuseCounts, setMark } from "./reuse-service.js";
import { type ReuseMarkKind, reuseMarkKinds } from "./tables.js";

const tags = ["Resources"];
const kindEnum = z
  .enum(reuseMarkKinds)
  .openapi({ description: "`helped` (this helped me) or `used` (I used this in my work)." });
const params = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "id", in: "path" }, description: "The resource's id." }),
});
const markParams = params.extend({ kind: kindEnum.openapi({ param: { name: "kind", in: "path" } }) });

const ReuseSchema = z
  .object({
    resourceId: z.string(),
    helpedCount: z.number().int(),
    usedCount: z.number().int(),
    viewerCount: z
      .number()
      .int()
      .openapi({ description: "Distinct colleagues other than the owner who opened it." }),
    mine: z.array(kindEnum).openapi({ description: "The marks you have given it." }),
  })
  .openapi("ResourceReuse");

const present = (resourceId: string, counts: ReuseCounts, mine: ReuseMarkKind[]) => ({
  resourceId,
  helpedCount: counts.helpedCount,
  usedCount: counts.usedCount,
  viewerCount: counts.viewerCount,
  mine,
});

const getRoute = createRoute({
  method: "get",
  path: "/resources/{id}/marks",
  tags,
  summary: "How a resource is reused",
  description: "The counts of each mark and of colleagues who opened it, and the marks you gave.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params },
  responses: { 200: jsonResponse(ReuseSchema, "The resource's reuse."), ...problems(401, 403, 404) },
});

const markRoute = (method: "put" | "delete") =>
  createRoute({
    method,
    path: "/resources/{id}/marks/{kind}",
    tags,
    summary: method === "put" ? "Mark a resource as helpful or used" : "Take back a mark",
    description:
      method === "put"
        ? "Gives your mark; giving it again changes nothing. For people who can read the resource, other than its owner; drafts cannot be marked (403)."
        : "Takes back your mark; taking back one you have not given changes nothing.",
    security: requiresToken,
    middleware: [signedInFirst],
    request: { params: markParams },
    responses: {
      200: jsonResponse(ReuseSchema, "The resource's reuse now."),
      ...problems(401, 403, 404, 422),
    },
  });

/** Reuse marks on resources. */
export function reuseApi() {
  const api = apiRouter();

  api.openapi(getRoute, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const loaded = await loadResource(db, c.req.valid("param").id);
    authorize(actor, "resource.view", resourceTarget(loaded));
    return c.json(
      present(loaded.resource.id, loaded.resource, await marksOf(db, loaded.resource.id, actor.id)),
      200,
    );
  });

  for (const method of ["put", "delete"] as const) {
    api.openapi(markRoute(method), async (c) => {
      const actor = requireApiPerson(c);
      const db = c.get("db");
      const { id, kind } = c.req.valid("param");
      const loaded = await loadResource(db, id);
      const counts = await setMark(db, actor, loaded, kind, method === "put");
      return c.json(
        present(loaded.resource.id, counts, await marksOf(db, loaded.resource.id, actor.id)),
        200,
      );
    });
  }

  return api;
}
