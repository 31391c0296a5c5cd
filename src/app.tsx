import { eq, sql } from "drizzle-orm";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { createApi } from "./api.js";
import type { Config } from "./config.js";
import { accountPages } from "./features/accounts/pages.js";
import { auditPages } from "./features/audit/pages.js";
import { charterPages } from "./features/charter/pages.js";
import { directoryPages } from "./features/communities/directory-pages.js";
import { communityPages } from "./features/communities/pages.js";
import { communitySettingsPages } from "./features/communities/settings-pages.js";
import { interactionPages } from "./features/discussions/interactions-pages.js";
import { moderationPages } from "./features/discussions/moderation-pages.js";
import { discussionPages } from "./features/discussions/pages.js";
import { similarPages } from "./features/discussions/similar-pages.js";
import { sessionBoardPages } from "./features/events/board-pages.js";
import { calendarPages } from "./features/events/calendar-pages.js";
import { eventPages } from "./features/events/event-pages.js";
import { eventFindingPages } from "./features/events/finding-pages.js";
import { outputPages } from "./features/events/outputs-pages.js";
import { rsvpPages } from "./features/events/rsvp-pages.js";
import { expertPages } from "./features/experts/pages.js";
import { homePages } from "./features/home/pages.js";
import { jobPages } from "./features/jobs/pages.js";
import { lifecyclePages } from "./features/lifecycle/pages.js";
import { membershipPages } from "./features/memberships/pages.js";
import { rosterPages } from "./features/memberships/roster-pages.js";
import { emailNotifier } from "./features/notifications/email.js";
import { notificationPages } from "./features/notifications/pages.js";
import { setEmailNotifier } from "./features/notifications/service.js";
import { organisationPages } from "./features/organisation/pages.js";
import { outboxPages } from "./features/outbox/pages.js";
import { peoplePages } from "./features/people/pages.js";
import { loadActor } from "./features/people/queries.js";
import { ensurePerson } from "./features/people/service.js";
import { people } from "./features/people/tables.js";
import { programmePages } from "./features/programme/pages.js";
import { proposalPages } from "./features/proposals/pages.js";
import { attachmentPages } from "./features/resources/attachments-pages.js";
import { ATTACHMENT_MAX_BYTES } from "./features/resources/attachments-service.js";
import { collectionPages } from "./features/resources/collections-pages.js";
import { resourceFindingPages } from "./features/resources/finding-pages.js";
import { resourcePages } from "./features/resources/pages.js";
import { reusePages } from "./features/resources/reuse-pages.js";
import { toolkitPages } from "./features/resources/toolkit-pages.js";
import { searchPages } from "./features/search/pages.js";
import { tokenPages } from "./features/tokens/pages.js";
import { problemResponse } from "./platform/api/problem.js";
import { createAuth } from "./platform/auth/auth.js";
import { sessionMiddleware } from "./platform/auth/session.js";
import { authUsers } from "./platform/auth/tables.js";
import type { Database } from "./platform/db/client.js";
import { AppError } from "./platform/errors.js";
import type { AppEnv } from "./platform/http/context.js";
import { csrfProtection } from "./platform/http/csrf.js";
import { requestLog } from "./platform/http/request-log.js";
import { securityHeaders } from "./platform/http/security-headers.js";
import { log } from "./platform/log.js";
import { anonymous } from "./platform/policy.js";
import { findAsset } from "./ui/assets.js";
import { renderErrorPage } from "./ui/error-page.js";
import { fileTooLargePage } from "./ui/file-too-large.js";

export function createApp(config: Config, database: Database) {
  const { db } = database;
  const auth = createAuth(config, db, { onUserCreated: (user) => ensurePerson(db, user) });
  // One process serves one organisation, so the notifier is process-wide.
  setEmailNotifier(emailNotifier(config));
  const app = new Hono<AppEnv>();

  // The bare routes come first: benchmarks compare every page with /healthz.
  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", async (c) => {
    try {
      await db.execute(sql`select 1`);
      return c.json({ status: "ok", database: database.engine });
    } catch (error) {
      log("error", "readiness check failed", { error: String(error) });
      return c.json({ status: "unavailable" }, 503);
    }
  });
  app.get("/assets/:name", (c) => {
    const asset = findAsset(c.req.param("name"));
    if (!asset) return c.text("Not found", 404);
    return c.body(new Uint8Array(asset.body), 200, {
      "Content-Type": asset.type,
      "Cache-Control": "public, max-age=31536000, immutable",
    });
  });

  app.use(async (c, next) => {
    c.set("config", config);
    c.set("db", db);
    c.set("actor", anonymous);
    await next();
  });
  app.use(requestLog);
  app.use(
    securityHeaders({
      https: config.secureCookies,
      formTargets: config.oidc ? [new URL(config.oidc.issuer).origin] : [],
    }),
  );
  // Better Auth's own endpoints (and, later, SSO callbacks) check origins themselves.
  app.on(["GET", "POST"], "/api/auth/*", (c) => auth.handler(c.req.raw));
  // Uploads are read whole by the CSRF check below: refuse oversized ones before that.
  app.post(
    "/resources/:id/attachments",
    bodyLimit({
      maxSize: ATTACHMENT_MAX_BYTES + 64 * 1024,
      // Sessions are not loaded yet, so this is a page of its own (not the layout); the browser may
      // still be sending the file, so it answers at once rather than redirecting.
      onError: (c) => c.html(fileTooLargePage(c.req.param("id") ?? "", config.orgName), 413),
    }),
  );
  app.use(
    csrfProtection({
      secret: config.authSecret,
      secure: config.secureCookies,
      // The API uses tokens; one-click unsubscribe (RFC 8058) is posted by mail clients.
      skip: (path) => path.startsWith("/api/") || path === "/unsubscribe",
    }),
  );
  app.use(
    sessionMiddleware(auth, async (userId, sessionId) => {
      const actor = await loadActor(db, userId, sessionId);
      if (actor) return actor;
      // No actor: either the session was revoked, or the profile is missing.
      const [person] = await db.select({ id: people.id }).from(people).where(eq(people.id, userId));
      if (person) return anonymous;
      // An account whose profile was never made (e.g. the hook failed): make it now.
      const [user] = await db
        .select({ name: authUsers.name, email: authUsers.email })
        .from(authUsers)
        .where(eq(authUsers.id, userId));
      if (!user) return anonymous;
      await ensurePerson(db, { id: userId, name: user.name, email: user.email });
      return (await loadActor(db, userId, sessionId)) ?? anonymous;
    }),
  );

  app.route("/", homePages());
  app.route("/", accountPages(auth));
  app.route("/", peoplePages());
  app.route("/", directoryPages());
  app.route("/", proposalPages());
  app.route("/", communityPages());
  app.route("/", communitySettingsPages());
  app.route("/", discussionPages());
  app.route("/", interactionPages());
  app.route("/", moderationPages());
  app.route("/", similarPages());
  app.route("/", charterPages());
  app.route("/", lifecyclePages());
  app.route("/", membershipPages());
  app.route("/", rosterPages());
  app.route("/", programmePages());
  app.route("/", organisationPages());
  app.route("/", searchPages());
  app.route("/", expertPages());
  app.route("/", eventFindingPages());
  app.route("/", eventPages());
  app.route("/", rsvpPages());
  app.route("/", calendarPages());
  app.route("/", outputPages());
  app.route("/", sessionBoardPages());
  app.route("/", resourceFindingPages());
  app.route("/", resourcePages());
  app.route("/", attachmentPages());
  app.route("/", collectionPages());
  app.route("/", reusePages());
  app.route("/", toolkitPages());
  app.route("/", tokenPages());
  app.route("/", notificationPages());
  app.route("/", outboxPages());
  app.route("/", jobPages());
  app.route("/", auditPages());
  app.route("/api", createApi({ config, db }));

  app.notFound((c) =>
    renderErrorPage(
      c,
      404,
      "We could not find that page. It may have moved, or the address may be mistyped.",
    ),
  );

  app.onError((error, c) => {
    if (c.req.path.startsWith("/api/")) {
      if (!(error instanceof AppError) && !(error instanceof HTTPException && error.status < 500))
        log("error", "unhandled API error", {
          requestId: c.get("requestId"),
          path: c.req.path,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
      return problemResponse(c, error, c.get("requestId"));
    }
    if (error instanceof AppError) {
      if (error.status === 401 && c.req.method === "GET") {
        return c.redirect(
          `/sign-in?next=${encodeURIComponent(c.req.path + (new URL(c.req.url).search || ""))}`,
          303,
        );
      }
      return renderErrorPage(c, error.status, error.userMessage);
    }
    log("error", "unhandled error", {
      requestId: c.get("requestId"),
      path: c.req.path,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    return renderErrorPage(
      c,
      500,
      "We could not finish that. Nothing you typed was saved by this request; try again in a moment.",
    );
  });

  return { app, auth };
}

export type ConveneApp = ReturnType<typeof createApp>;
