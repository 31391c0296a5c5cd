import { OpenAPIHono } from "@hono/zod-openapi";
import type { Config } from "./config.js";
import { charterApi } from "./features/charter/api.js";
import { communityApi } from "./features/communities/api.js";
import { communitySettingsApi } from "./features/communities/settings-api.js";
import { discussionApi } from "./features/discussions/api.js";
import { interactionApi } from "./features/discussions/interactions-api.js";
import { moderationApi } from "./features/discussions/moderation-api.js";
import { eventApi } from "./features/events/api.js";
import { sessionBoardApi } from "./features/events/board-api.js";
import { calendarApi } from "./features/events/calendar-api.js";
import { eventFindingApi } from "./features/events/finding-api.js";
import { outputApi } from "./features/events/outputs-api.js";
import { rsvpApi } from "./features/events/rsvp-api.js";
import { expertApi } from "./features/experts/api.js";
import { lifecycleApi } from "./features/lifecycle/api.js";
import { membershipApi } from "./features/memberships/api.js";
import { rosterApi } from "./features/memberships/roster-api.js";
import { peopleApi } from "./features/people/api.js";
import { programmeApi } from "./features/programme/api.js";
import { proposalApi } from "./features/proposals/api.js";
import { resourceApi } from "./features/resources/api.js";
import { attachmentApi } from "./features/resources/attachments-api.js";
import { collectionApi } from "./features/resources/collections-api.js";
import { resourceFindingApi } from "./features/resources/finding-api.js";
import { reuseApi } from "./features/resources/reuse-api.js";
import { searchApi } from "./features/search/api.js";
import { apiAuthentication } from "./features/tokens/authenticate.js";
import { apiDocs } from "./platform/api/docs.js";
import { buildOpenApiDocument } from "./platform/api/document.js";
import { apiRouter } from "./platform/api/router.js";
import type { Db } from "./platform/db/client.js";
import { notFound } from "./platform/errors.js";
import type { AppEnv } from "./platform/http/context.js";

/**
 * The JSON API under /api: version 1 of the resources at /api/v1, its OpenAPI document at
 * /api/openapi.json and the browsable reference at /api/docs. Errors (thrown AppErrors, failed
 * validation) become problem+json in the app's onError.
 */
export function createApi({ config, db }: { config: Config; db: Db }) {
  const v1 = apiRouter();
  v1.use("*", apiAuthentication(db));
  v1.route("/", peopleApi());
  v1.route("/", communityApi());
  v1.route("/", communitySettingsApi());
  v1.route("/", charterApi());
  v1.route("/", lifecycleApi());
  v1.route("/", membershipApi());
  v1.route("/", rosterApi());
  v1.route("/", proposalApi());
  v1.route("/", programmeApi());
  v1.route("/", discussionApi());
  v1.route("/", interactionApi());
  v1.route("/", moderationApi());
  v1.route("/", searchApi());
  v1.route("/", expertApi());
  v1.route("/", eventFindingApi());
  v1.route("/", eventApi());
  v1.route("/", rsvpApi());
  v1.route("/", calendarApi());
  v1.route("/", outputApi());
  v1.route("/", sessionBoardApi());
  v1.route("/", resourceFindingApi());
  v1.route("/", resourceApi());
  v1.route("/", attachmentApi());
  v1.route("/", collectionApi());
  v1.route("/", reuseApi());

  const api = new OpenAPIHono<AppEnv>();
  let document: ReturnType<typeof buildOpenApiDocument> | null = null;
  api.get("/openapi.json", (c) => {
    document ??= buildOpenApiDocument(v1 as never, { baseUrl: config.baseUrl, orgName: config.orgName });
    return c.json(document, 200, { "Cache-Control": "no-cache" });
  });
  api.route("/docs", apiDocs({ specUrl: "/api/openapi.json" }));
  api.route("/v1", v1);
  // Anything else under /api is a problem+json 404, never the HTML error page.
  api.all("*", () => {
    throw notFound("API address");
  });
  return api;
}
