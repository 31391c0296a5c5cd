import { createRoute, z } from "@hono/zod-openapi";
import { authorizeFirst, requireApiPerson } from "../../platform/api/actor.js";
import { apiRouter } from "../../platform/api/router.js";
import { jsonResponse, problems, requiresToken } from "../../platform/api/schemas.js";
import { expertQuery } from "./inputs.js";
import { askUrl, findExperts, MAX_RESULTS } from "./queries.js";
import "./policy.js";

const ExpertSchema = z
  .object({
    handle: z.string().openapi({ example: "amara-okafor" }),
    name: z.string(),
    jobTitle: z.string(),
    division: z.string().nullable(),
    score: z.number().int().openapi({ description: "Weighted sum of the evidence; higher is stronger." }),
    reasons: z
      .array(z.string())
      .openapi({ example: ["3 accepted answers about payroll", "Lists payroll among their skills"] }),
    askUrl: z.string().openapi({ description: "Where to start a question that mentions them." }),
  })
  .openapi("Expert");

const ExpertPageSchema = z
  .object({
    items: z.array(ExpertSchema),
    total: z
      .number()
      .int()
      .openapi({ description: `Everyone suggested, at most ${MAX_RESULTS}.` }),
    offset: z.number().int(),
    limit: z.number().int(),
  })
  .openapi("ExpertPage");

const findRoute = createRoute({
  method: "get",
  path: "/experts",
  tags: ["Search"],
  summary: "Who can advise on a topic",
  description:
    "People ranked by evidence (accepted answers, skills, what they can help with, helpful replies), each with the reasons. Evidence counts only from communities whose content you can read; people who opted out are not suggested.",
  security: requiresToken,
  middleware: [authorizeFirst("expert.find", null)],
  request: {
    query: z.object({
      q: expertQuery.shape.q.openapi({ type: "string", maxLength: 100, description: "The topic." }),
      offset: expertQuery.shape.offset.openapi({ type: "integer", minimum: 0, maximum: MAX_RESULTS }),
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(50)
        .catch(20)
        .openapi({ type: "integer", minimum: 1, maximum: 50 }),
    }),
  },
  responses: { 200: jsonResponse(ExpertPageSchema, "People who may advise, best first."), ...problems(401) },
});

/** GET /api/v1/experts. */
export function expertApi() {
  const app = apiRouter();

  app.openapi(findRoute, async (c) => {
    const actor = requireApiPerson(c);
    const { q, offset, limit } = c.req.valid("query");
    const found = q ? await findExperts(c.get("db"), actor, q, { offset, limit }) : { items: [], total: 0 };
    return c.json(
      {
        items: found.items.map((expert) => ({
          handle: expert.handle,
          name: expert.name,
          jobTitle: expert.jobTitle,
          division: expert.divisionName,
          score: expert.score,
          reasons: expert.reasons,
          askUrl: askUrl(expert, q),
        })),
        total: found.total,
        offset,
        limit,
      },
      200,
    );
  });

  return app;
}
