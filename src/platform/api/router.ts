import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../http/context.js";
import { validationHook } from "./validation.js";

/** An OpenAPIHono router whose validation failures answer 422 problem+json with an `errors` list. */
export function apiRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook as never });
}
