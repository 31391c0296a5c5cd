import { createRoute, z } from "@hono/zod-openapi";
import { authorizeFirst, requireApiPerson } from "../../platform/api/actor.js";
import { apiRouter } from "../../platform/api/router.js";
import { jsonResponse, problems, requiresToken } from "../../platform/api/schemas.js";
import { notFound } from "../../platform/errors.js";
import { slugParam } from "../communities/api.js";
import { findCommunityBySlug } from "../communities/queries.js";
import { stages } from "../communities/tables.js";
import { closeInput, overviewSorts, overviewStatuses } from "./inputs.js";
import { ProgrammeOverviewSchema, presentProgrammeCommunity } from "./presenters.js";
import { programmeOverview } from "./queries.js";
import { closeCommunity, reopenCommunity } from "./service.js";
import "./policy.js";

// Strict here, unlike the page: a mistyped filter is a 422, not a silent "all".
const overviewApiQuery = z.object({
  q: z
    .string()
    .trim()
    .max(100, "Keep the search under 100 characters")
    .default("")
    .openapi({ description: "Part of the community's name." }),
  status: z.enum(overviewStatuses, { message: `Use one of: ${overviewStatuses.join(", ")}` }).optional(),
  stage: z.enum(stages, { message: `Use one of: ${stages.join(", ")}` }).optional(),
  sort: z
    .enum(overviewSorts, { message: `Use one of: ${overviewSorts.join(", ")}` })
    .default("name")
    .openapi({ description: "name (A to Z), activity (latest first) or members (largest first)." }),
});

const StatusChangeSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    status: z.enum(overviewStatuses),
    closedAt: z.string().nullable().openapi({ format: "date-time" }),
    closingNote: z.string().nullable().openapi({ description: "Markdown, shown on the community's page." }),
  })
  .openapi("CommunityStatusChange");

const closeBody = z
  .object({ note: closeInput.shape.note.openapi({ example: "We have merged with the Content community." }) })
  .openapi("CloseCommunityInput");

const listRoute = createRoute({
  method: "get",
  path: "/programme/communities",
  tags: ["Programme"],
  summary: "The programme overview of every community",
  description:
    "Every community, including unlisted, proposed, dormant and closed ones, with convenors, pending requests and whether a charter is written. Programme team and administrators only; not paginated (communities number in the hundreds at most).",
  security: requiresToken,
  middleware: [authorizeFirst("programme.view", null)],
  request: { query: overviewApiQuery },
  responses: {
    200: jsonResponse(ProgrammeOverviewSchema, "Every community that matches."),
    ...problems(401, 403, 422),
  },
});

const closeRoute = createRoute({
  method: "post",
  path: "/programme/communities/{slug}/close",
  tags: ["Programme"],
  summary: "Close a community",
  description:
    "Programme team and administrators. The community stays readable and searchable; nothing new can be added and nobody can join. Members (except those on a break) are told.",
  security: requiresToken,
  middleware: [authorizeFirst("programme.view", null)],
  request: {
    params: slugParam,
    body: { required: true, content: { "application/json": { schema: closeBody } } },
  },
  responses: {
    200: jsonResponse(StatusChangeSchema, "The community, now closed."),
    ...problems(400, 401, 403, 404, 415, 422),
  },
});

const reopenRoute = createRoute({
  method: "post",
  path: "/programme/communities/{slug}/reopen",
  tags: ["Programme"],
  summary: "Reopen a closed community",
  description: "Programme team and administrators. The community becomes active again.",
  security: requiresToken,
  middleware: [authorizeFirst("programme.view", null)],
  request: { params: slugParam },
  responses: {
    200: jsonResponse(StatusChangeSchema, "The community, open again."),
    ...problems(401, 403, 404),
  },
});

const presentChange = (community: {
  slug: string;
  name: string;
  status: string;
  closedAt: Date | null;
  closingNote: string | null;
}) => ({
  slug: community.slug,
  name: community.name,
  status: community.status as (typeof overviewStatuses)[number],
  closedAt: community.closedAt?.toISOString() ?? null,
  closingNote: community.closingNote,
});

/** /api/v1/programme: the programme team's overview, closing and reopening. */
export function programmeApi() {
  const app = apiRouter();

  app.openapi(listRoute, async (c) => {
    const query = c.req.valid("query");
    const { rows, summary } = await programmeOverview(c.get("db"), {
      q: query.q,
      status: query.status ?? "",
      stage: query.stage ?? "",
      sort: query.sort,
    });
    return c.json({ data: rows.map(presentProgrammeCommunity), summary }, 200);
  });

  app.openapi(closeRoute, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const community = await findCommunityBySlug(db, c.req.valid("param").slug);
    if (!community) throw notFound("community");
    const closed = await closeCommunity(db, actor, community, c.req.valid("json"));
    return c.json(presentChange(closed), 200);
  });

  app.openapi(reopenRoute, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const community = await findCommunityBySlug(db, c.req.valid("param").slug);
    if (!community) throw notFound("community");
    const reopened = await reopenCommunity(db, actor, community);
    return c.json(presentChange(reopened), 200);
  });

  return app;
}
