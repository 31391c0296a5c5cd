import type { OpenAPIHono } from "@hono/zod-openapi";
import { apiRateLimit } from "./rate-limit.js";

const tags = [
  { name: "Me", description: "The person the token acts for." },
  { name: "People", description: "The people directory and profiles (signed-in colleagues only)." },
  { name: "Communities", description: "The community directory, community details, creating communities." },
  { name: "Memberships", description: "Members, joining, requests, invitations, roles, breaks and leaving." },
  { name: "Charters", description: "A community's charter and its versions." },
  { name: "Lifecycle", description: "A community's stage, its checklist and stage history." },
  {
    name: "Proposals",
    description: "Proposing a community, the programme team's review, registering interest.",
  },
  {
    name: "Discussions",
    description: "Threads, replies, accepted answers, reactions, follows and moderation.",
  },
  {
    name: "Events",
    description:
      "Events and series, RSVPs and waitlists, attendance, calendar feeds, outputs, archives and unconference boards.",
  },
  {
    name: "Resources",
    description:
      "The collective repertoire: resources, revisions, reviews, attachments, collections and reuse marks.",
  },
  {
    name: "Search",
    description:
      "One search over communities, discussions and people, limited to what the caller may see; the expert finder.",
  },
  {
    name: "Programme",
    description: "The programme team's overview of every community, closing and reopening.",
  },
];

const description = (
  limit: number,
  window: number,
) => `The JSON API of Convene, where an organisation runs its communities of practice.

**Authentication.** Send a personal API token as \`Authorization: Bearer cvn_...\`; create one at /me/tokens. A token acts as its owner, with their permissions. Without a token, the session cookie of a signed-in browser is used; changing calls (POST, PUT, DELETE) made that way must also send the page's CSRF token in \`X-CSRF-Token\`.

**Collections** answer \`{ "data": [...], "nextCursor": "..." }\`: pass \`nextCursor\` back as \`cursor\` until it is \`null\`. \`limit\` is 1 to 100 (default 20).

**Errors** are RFC 9457 \`application/problem+json\` with a stable \`code\`; a 422 lists each problem in \`errors: [{ field, message }]\`.

**Rate limit.** ${limit} requests every ${window} seconds per token (per person for browser sessions, per address otherwise). Each answer carries \`RateLimit-Policy\` and \`RateLimit\` headers; over the limit you get 429 with \`Retry-After\`.`;

/**
 * The OpenAPI 3.1 document of the /api/v1 router. Routes are declared relative to /api/v1, and the
 * document names them in full so each path is the address a client calls on the server.
 */
export function buildOpenApiDocument(v1: OpenAPIHono<never>, options: { baseUrl: string; orgName: string }) {
  v1.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "cvn_ personal API token",
    description: "A personal API token from /me/tokens.",
  });
  const document = v1.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Convene API",
      version: "1",
      description: description(apiRateLimit.limit, apiRateLimit.windowSeconds),
    },
    servers: [{ url: options.baseUrl, description: options.orgName }],
    tags,
  });
  const paths = Object.fromEntries(
    Object.entries(document.paths ?? {}).map(([path, item]) => [`/api/v1${path}`, item]),
  );
  return { ...document, paths };
}
