import type { Config } from "../../config.js";
import type { Db } from "../db/client.js";
import type { Actor } from "../policy.js";

/** What every request carries once the platform middleware has run. */
export interface AppEnv {
  Variables: {
    requestId: string;
    actor: Actor;
    csrfToken: string;
    config: Config;
    db: Db;
  };
}
