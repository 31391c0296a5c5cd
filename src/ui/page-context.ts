import type { Context } from "hono";
import type { AppEnv } from "../platform/http/context.js";
import { takeFlash } from "../platform/http/flash.js";
import type { Actor } from "../platform/policy.js";

/** What the layout needs from the request, gathered once per page. */
export interface PageContext {
  actor: Actor;
  csrfToken: string;
  orgName: string;
  path: string;
  flash: string | null;
  requestId: string;
  /** False when everyone signs in through single sign-on: no "Create account" anywhere. */
  signUp: boolean;
}

export function pageContext(c: Context<AppEnv>): PageContext {
  return {
    actor: c.get("actor"),
    csrfToken: c.get("csrfToken"),
    orgName: c.get("config").orgName,
    path: c.req.path,
    flash: takeFlash(c),
    requestId: c.get("requestId"),
    signUp: c.get("config").passwordSignIn,
  };
}
