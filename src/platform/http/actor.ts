import type { Context } from "hono";
import { AppError } from "../errors.js";
import type { PersonActor } from "../policy.js";
import type { AppEnv } from "./context.js";

/** The signed-in person, or a 401 that sends visitors to the sign-in page. */
export function requirePerson(c: Context<AppEnv>): PersonActor {
  const actor = c.get("actor");
  if (actor.kind !== "person") throw new AppError(401, "sign_in_required", "Sign in to continue.");
  return actor;
}
