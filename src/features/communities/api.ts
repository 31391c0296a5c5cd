import { createRoute, z } from "@hono/zod-openapi";
import { authorizeFirst, requireApiPerson } from "../../platform/api/actor.js";
import { apiRouter } from "../../platform/api/router.js";
import {
  jsonResponse,
  pageOf,
  paginationQuery,
  problems,
  readCursor,
  requiresToken,
  toApiPage,
  tokenOptional,
} from "../../platform/api/schemas.js";
import { AppError, notFound } from "../../platform/errors.js";
import { activeRoleIn, can, decide } from "../../platform/policy.js";
import { loadActor } from "../people/queries.js";
import {
  directoryQuery,
  directorySorts,
  directoryStatuses,
  hasControlCharacters,
} from "./directory-inputs.js";
import { searchCommunities } from "./directory-queries.js";
import { communityInput } from "./inputs.js";
import {
  CommunitySchema,
  CommunitySummarySchema,
  presentCommunity,
  presentCommunitySummary,
} from "./presenters.js";
import { findCommunityBySlug } from "./queries.js";
import { createCommunity } from "./service.js";
import { communityTypes, stages } from "./tables.js";
import "./policy.js";

export const slugParam = z.object({
  slug: z
    .string()
    .max(60)
    .openapi({ param: { name: "slug", in: "path" }, example: "hr-operations" }),
});

// The page's search text as is; the type and sort are strict here, so a mistyped filter is a 422
// rather than the page's silent fallback to "all".
const communityQuery = z.object({
  q: directoryQuery.shape.q.openapi({
    type: "string",
    maxLength: 100,
    description: "Words from the name, tagline, description or practice areas; or part of the name.",
  }),
  type: z.enum(communityTypes, { message: `Use one of: ${communityTypes.join(", ")}` }).optional(),
  area: z
    .string()
    .trim()
    .toLowerCase()
    .max(40, "Keep the practice area under 40 characters")
    .refine((area) => !hasControlCharacters(area), "Use printable characters only")
    .optional()
    .openapi({ description: "One practice area, matched exactly (case-insensitive)." }),
  stage: z.enum(stages, { message: `Use one of: ${stages.join(", ")}` }).optional(),
  status: z
    .enum(directoryStatuses, { message: `Use one of: ${directoryStatuses.join(", ")}` })
    .optional()
    .openapi({
      description:
        "Leave out for active and dormant communities (closed ones too when `q` is given); or one status.",
    }),
  sort: z
    .enum(directorySorts, { message: `Use one of: ${directorySorts.join(", ")}` })
    .default("activity")
    .openapi({ description: "activity (latest first), newest, size (largest first) or name." }),
  mine: z
    .stringbool({ error: "Use true or false" })
    .default(false)
    .openapi({ type: "boolean", description: "Only communities you belong to." }),
  ...paginationQuery,
});

// The page's form schema, with practice areas as a JSON array (joined, then checked by the same rules).
const communityBody = communityInput
  .extend({
    practiceAreas: z
      .array(z.string())
      .transform((areas) => areas.join(","))
      .pipe(communityInput.shape.practiceAreas as unknown as z.ZodType<string[], string>)
      .openapi({
        type: "array",
        items: { type: "string", maxLength: 40 },
        minItems: 1,
        maxItems: 8,
        example: ["payroll", "pensions"],
      }),
  })
  .openapi("CommunityInput");

const sortKeyIsValid = {
  activity: (key: string | number) => typeof key === "string" && !Number.isNaN(Date.parse(key)),
  newest: (key: string | number) => typeof key === "string" && !Number.isNaN(Date.parse(key)),
  size: (key: string | number) => typeof key === "number",
  name: (key: string | number) => typeof key === "string",
} satisfies Record<(typeof directorySorts)[number], (key: string | number) => boolean>;

const listCommunities = createRoute({
  method: "get",
  path: "/communities",
  tags: ["Communities"],
  summary: "Search the community directory",
  description:
    "Listed communities, plus unlisted ones you belong to. Open to visitors without a token, like the directory page.",
  security: tokenOptional,
  request: { query: communityQuery },
  responses: {
    200: jsonResponse(pageOf(CommunitySummarySchema, "CommunityPage"), "A page of communities."),
    ...problems(401, 422),
  },
});

const getCommunity = createRoute({
  method: "get",
  path: "/communities/{slug}",
  tags: ["Communities"],
  summary: "A community",
  description: "Open to anyone with the address, like the community's page; unlisted ones too.",
  security: tokenOptional,
  request: { params: slugParam },
  responses: { 200: jsonResponse(CommunitySchema, "The community."), ...problems(401, 404) },
});

const postCommunity = createRoute({
  method: "post",
  path: "/communities",
  tags: ["Communities"],
  summary: "Create a community",
  description: "Administrators and the programme team. You become its first convenor.",
  security: requiresToken,
  middleware: [authorizeFirst("community.create", null)],
  request: { body: { required: true, content: { "application/json": { schema: communityBody } } } },
  responses: {
    201: jsonResponse(CommunitySchema, "The new community."),
    ...problems(400, 401, 403, 415, 422),
  },
});

/** /api/v1/communities. */
export function communityApi() {
  const app = apiRouter();

  app.openapi(listCommunities, async (c) => {
    const actor = c.get("actor");
    const query = c.req.valid("query");
    if (query.mine && actor.kind !== "person") {
      throw new AppError(401, "sign_in_required", "Authenticate to list your own communities.");
    }
    const page = await searchCommunities(
      c.get("db"),
      actor,
      {
        q: query.q,
        type: query.type ?? "",
        area: (query.area ?? "").replace(/\s+/g, " "),
        stage: query.stage ?? "",
        status: query.status ?? "",
        sort: query.sort,
        mine: query.mine ? "1" : "",
      },
      readCursor(query.cursor, sortKeyIsValid[query.sort]),
      query.limit,
    );
    return c.json(toApiPage(page, presentCommunitySummary), 200);
  });

  app.openapi(getCommunity, async (c) => {
    const actor = c.get("actor");
    const community = await findCommunityBySlug(c.get("db"), c.req.valid("param").slug);
    if (!community) throw notFound("community");
    const viewer = {
      role: activeRoleIn(actor, community.id),
      join: decide(actor, "community.join", community),
      canSeeMembers: can(actor, "community.viewMembers", community),
    };
    return c.json(presentCommunity(community, viewer), 200);
  });

  app.openapi(postCommunity, async (c) => {
    const actor = requireApiPerson(c);
    const community = await createCommunity(c.get("db"), actor, c.req.valid("json"));
    c.header("Location", `/api/v1/communities/${community.slug}`);
    // The request's actor predates the new membership; ask again as the person is now.
    const now = (await loadActor(c.get("db"), actor.id)) ?? actor;
    const viewer = {
      role: activeRoleIn(now, community.id),
      join: decide(now, "community.join", community),
      canSeeMembers: can(now, "community.viewMembers", community),
    };
    return c.json(presentCommunity(community, viewer), 201);
  });

  return app;
}
