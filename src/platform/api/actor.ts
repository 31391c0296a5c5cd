import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { AppError } from "../errors.js";
import type { AppEnv } from "../http/context.js";
import { type Action, authorize, type PersonActor, type PolicyActions } from "../policy.js";

/** The person the API call acts for, or a 401 that says how to authenticate. */
export function requireApiPerson(c: Context<AppEnv>): PersonActor {
  const actor = c.get("actor");
  if (actor.kind !== "person") {
    throw new AppError(
      401,
      "sign_in_required",
      "Authenticate first: send a personal API token as `Authorization: Bearer <token>` (create one at /me/tokens), or sign in.",
    );
  }
  return actor;
}

// Route middleware runs before the route's validators: who may call comes before what they sent,
// so a visitor gets 401 (and a member 403) rather than a list of field errors.

export const signedInFirst = createMiddleware<AppEnv>(async (c, next) => {
  requireApiPerson(c);
  await next();
});

/** For actions whose rule does not depend on the request's target. */
export function authorizeFirst<A extends Action>(action: A, target: PolicyActions[A]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    authorize(c.get("actor"), action, target);
    await next();
  });
}
