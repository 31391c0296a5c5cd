import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../http/context.js";
import { type Actor, anonymous } from "../policy.js";
import type { Auth } from "./auth.js";

/** Loads the person behind a session; `sessionId` lets it confirm the session still exists. */
export type ActorLoader = (userId: string, sessionId: string) => Promise<Actor>;

/** Resolves the session cookie into the Actor every later step uses. */
export function sessionMiddleware(auth: Auth, loadActor: ActorLoader) {
  return createMiddleware<AppEnv>(async (c, next) => {
    let actor: Actor = anonymous;
    const cookie = c.req.header("cookie");
    if (cookie?.includes("convene.session_token")) {
      const session = await auth.api.getSession({ headers: c.req.raw.headers });
      if (session) actor = await loadActor(session.user.id, session.session.id);
    }
    c.set("actor", actor);
    await next();
  });
}
