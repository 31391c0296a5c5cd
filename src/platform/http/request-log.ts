import { randomUUID } from "node:crypto";
import { createMiddleware } from "hono/factory";
import { log } from "../log.js";
import type { AppEnv } from "./context.js";

const acceptableId = /^[A-Za-z0-9._-]{8,64}$/;

/** Gives each request an id (kept from a proxy's X-Request-Id when sane) and logs one line for it. */
export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  const incoming = c.req.header("x-request-id");
  const requestId = incoming && acceptableId.test(incoming) ? incoming : randomUUID();
  c.set("requestId", requestId);
  const started = performance.now();
  // Before the handler: see securityHeaders for why (and for responses built by hand).
  c.header("X-Request-Id", requestId);
  await next();
  if (!c.res.headers.has("X-Request-Id")) c.header("X-Request-Id", requestId);
  const actor = c.get("actor");
  log("info", "request", {
    requestId,
    method: c.req.method,
    path: c.req.path,
    status: c.res.status,
    ms: Math.round((performance.now() - started) * 10) / 10,
    person: actor?.kind === "person" ? actor.id : undefined,
  });
});
