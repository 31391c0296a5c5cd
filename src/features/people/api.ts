import { createRoute, z } from "@hono/zod-openapi";
import { authorizeFirst, requireApiPerson, signedInFirst } from "../../platform/api/actor.js";
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
import { notFound } from "../../platform/errors.js";
import { directoryQuery, siteRoleInput } from "./inputs.js";
import {
  MeSchema,
  PersonSchema,
  PersonSummarySchema,
  presentMe,
  presentPerson,
  presentPersonSummary,
} from "./presenters.js";
import { communitiesOf, findPersonByHandle, searchPeople } from "./queries.js";
import { changeSiteRole } from "./service.js";
import "./policy.js";

const handleParam = z.object({
  handle: z
    .string()
    .max(80)
    .openapi({ param: { name: "handle", in: "path" }, example: "amara-okafor" }),
});

// The directory's own filters (lenient, as on the page), documented, plus the API's page size.
const peopleQuery = z.object({
  q: directoryQuery.shape.q.openapi({
    type: "string",
    maxLength: 100,
    description: "Part of a name or job title, or a skill.",
  }),
  skill: directoryQuery.shape.skill.openapi({ type: "string", maxLength: 40, description: "A skill tag." }),
  division: directoryQuery.shape.division.openapi({ type: "string", description: "A division's slug." }),
  ...paginationQuery,
});

const me = createRoute({
  method: "get",
  path: "/me",
  tags: ["Me"],
  summary: "Who you are",
  description: "The person the token (or session) acts for.",
  security: requiresToken,
  middleware: [signedInFirst],
  responses: { 200: jsonResponse(MeSchema, "You."), ...problems(401) },
});

const listPeople = createRoute({
  method: "get",
  path: "/people",
  tags: ["People"],
  summary: "Search the people directory",
  description:
    "Ranked by name when `q` is given (names starting with it first, then by similarity), otherwise alphabetical. People's details are for signed-in colleagues only.",
  security: requiresToken,
  middleware: [authorizeFirst("person.view", null)],
  request: { query: peopleQuery },
  responses: {
    200: jsonResponse(pageOf(PersonSummarySchema, "PersonPage"), "A page of people."),
    ...problems(401, 422),
  },
});

const getPerson = createRoute({
  method: "get",
  path: "/people/{handle}",
  tags: ["People"],
  summary: "A person's profile",
  security: requiresToken,
  middleware: [authorizeFirst("person.view", null)],
  request: { params: handleParam },
  responses: { 200: jsonResponse(PersonSchema, "The profile."), ...problems(401, 404) },
});

const setSiteRole = createRoute({
  method: "put",
  path: "/people/{handle}/site-role",
  tags: ["People"],
  summary: "Change a person's site role",
  description: "Administrators only. The organisation always keeps at least one administrator.",
  security: requiresToken,
  middleware: [authorizeFirst("person.view", null)],
  request: {
    params: handleParam,
    body: {
      required: true,
      content: {
        "application/json": { schema: siteRoleInput.pick({ role: true }).openapi("SiteRoleInput") },
      },
    },
  },
  responses: {
    200: jsonResponse(PersonSummarySchema, "The person with their new role."),
    ...problems(400, 401, 403, 404, 415, 422),
  },
});

/** /api/v1/me and /api/v1/people. */
export function peopleApi() {
  const app = apiRouter();

  app.openapi(me, (c) => c.json(presentMe(requireApiPerson(c)), 200));

  app.openapi(listPeople, async (c) => {
    const query = c.req.valid("query");
    const page = await searchPeople(
      c.get("db"),
      { q: query.q, skill: query.skill, division: query.division },
      readCursor(query.cursor, (key) => typeof key === "string"),
      query.limit,
    );
    return c.json(toApiPage(page, presentPersonSummary), 200);
  });

  app.openapi(getPerson, async (c) => {
    const db = c.get("db");
    const found = await findPersonByHandle(db, c.req.valid("param").handle);
    if (!found) throw notFound("person");
    return c.json(presentPerson(found, await communitiesOf(db, found.person.id, c.get("actor"))), 200);
  });

  app.openapi(setSiteRole, async (c) => {
    // Any signed-in person may see who exists (checked first); the service checks the change itself.
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const found = await findPersonByHandle(db, c.req.valid("param").handle);
    if (!found) throw notFound("person");
    await changeSiteRole(db, actor, found.person.id, c.req.valid("json").role);
    const updated = await findPersonByHandle(db, found.person.handle);
    if (!updated) throw notFound("person");
    return c.json(presentPersonSummary({ ...updated.person, divisionName: updated.divisionName }), 200);
  });

  return app;
}
