import { createRoute, z } from "@hono/zod-openapi";
import { requireApiPerson, signedInFirst } from "../../platform/api/actor.js";
import { apiRouter } from "../../platform/api/router.js";
import { iso, jsonResponse, problems, rateLimitHeaders, requiresToken } from "../../platform/api/schemas.js";
import { validationFailed } from "../../platform/api/validation.js";
import { notFound } from "../../platform/errors.js";
import { findCommunityBySlug } from "../communities/queries.js";
import { createFeed, feedUrl, revokeFeed } from "./calendar-feeds.js";
import { type FeedListItem, findActiveFeed, listFeeds } from "./calendar-queries.js";
import "./calendar-policy.js";

const scopes = ["going", "communities", "community"] as const;

const FeedSchema = z
  .object({
    id: z.string(),
    scope: z.enum(scopes).openapi({
      description:
        "`going`: events you are going to or waitlisted for; `communities`: all events of your communities; `community`: one community's events.",
    }),
    community: z.object({ slug: z.string(), name: z.string() }).nullable(),
    createdAt: z.string().openapi({ format: "date-time" }),
    lastUsedAt: z
      .string()
      .nullable()
      .openapi({ format: "date-time", description: "Noted at most once an hour." }),
  })
  .openapi("CalendarFeed");

const CreatedFeedSchema = FeedSchema.extend({
  url: z.string().openapi({
    description: "The secret feed address. Returned only here, once: store it, or revoke and create another.",
    example: "https://convene.example.org/calendar/cvncal_….ics",
  }),
}).openapi("CreatedCalendarFeed");

const FeedInputSchema = z
  .object({
    scope: z.enum(scopes),
    community: z
      .string()
      .max(200)
      .optional()
      .openapi({ description: "The community's slug; required when `scope` is `community`." }),
  })
  .openapi("CalendarFeedInput");

const idParam = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: "id", in: "path" }, example: "0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b" }),
});

const present = (feed: FeedListItem) => ({
  id: feed.id,
  scope: feed.scope,
  community: feed.communitySlug ? { slug: feed.communitySlug, name: feed.communityName ?? "" } : null,
  createdAt: feed.createdAt.toISOString(),
  lastUsedAt: iso(feed.lastUsedAt),
});

const listRoute = createRoute({
  method: "get",
  path: "/me/calendar-feeds",
  tags: ["Events"],
  summary: "Your calendar feeds",
  description: "Feeds that have not been revoked, newest first. Their secret addresses are never listed.",
  security: requiresToken,
  middleware: [signedInFirst],
  responses: {
    200: jsonResponse(z.object({ data: z.array(FeedSchema) }).openapi("CalendarFeedList"), "Your feeds."),
    ...problems(401),
  },
});

const createFeedRoute = createRoute({
  method: "post",
  path: "/me/calendar-feeds",
  tags: ["Events"],
  summary: "Create a calendar feed",
  description:
    "Answers the feed's secret iCalendar address (`GET /calendar/<token>.ics`, no authentication) once. The feed serves events from 60 days ago onwards, read with your permissions at each fetch. A community feed needs you to be able to read what the community shares (403 otherwise).",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { body: { required: true, content: { "application/json": { schema: FeedInputSchema } } } },
  responses: {
    201: jsonResponse(CreatedFeedSchema, "The new feed, with its address."),
    ...problems(400, 401, 403, 404, 415, 422),
  },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/me/calendar-feeds/{id}",
  tags: ["Events"],
  summary: "Revoke a calendar feed",
  description: "Its address answers 404 from then on. You cannot undo this.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: idParam },
  responses: { 204: { description: "Revoked.", headers: rateLimitHeaders }, ...problems(401, 404) },
});

/** Calendar feeds: create, list, revoke. */
export function calendarApi() {
  const api = apiRouter();

  api.openapi(listRoute, async (c) => {
    const actor = requireApiPerson(c);
    const feeds = await listFeeds(c.get("db"), actor.id);
    return c.json({ data: feeds.map(present) }, 200);
  });

  api.openapi(createFeedRoute, async (c) => {
    const actor = requireApiPerson(c);
    const body = c.req.valid("json");
    const db = c.get("db");
    let community = null;
    if (body.scope === "community") {
      if (!body.community) {
        throw validationFailed([
          { field: "community", message: "Give the community's slug for a community feed." },
        ]);
      }
      community = await findCommunityBySlug(db, body.community);
      if (!community) throw notFound("community");
    }
    const { feed, token } = community
      ? await createFeed(db, actor, { scope: "community", community })
      : await createFeed(db, actor, { scope: body.scope === "going" ? "going" : "communities" });
    const item: FeedListItem = {
      ...feed,
      communityName: community?.name ?? null,
      communitySlug: community?.slug ?? null,
    };
    return c.json({ ...present(item), url: feedUrl(c.get("config").baseUrl, token) }, 201);
  });

  api.openapi(deleteRoute, async (c) => {
    const actor = requireApiPerson(c);
    const feed = await findActiveFeed(c.get("db"), c.req.valid("param").id);
    // Someone else's feed is "not found" too: ids of other people's feeds are none of the caller's business.
    if (!feed || feed.personId !== actor.id) throw notFound("calendar feed");
    await revokeFeed(c.get("db"), actor, feed);
    return c.body(null, 204);
  });

  return api;
}
