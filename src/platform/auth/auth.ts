import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError } from "better-auth/api";
import { uuidv7 } from "uuidv7";
import type { Config } from "../../config.js";
import type { Db } from "../db/client.js";
import { authAccounts, authRateLimits, authSessions, authUsers, authVerifications } from "./tables.js";

/** Better Auth reads the client address from this header; the app sets it from the socket, never the client. */
export const CLIENT_IP_HEADER = "x-convene-client-ip";

export interface AuthHooks {
  /** Runs after an account is created: the people slice makes the person's profile here. */
  onUserCreated(user: { id: string; name: string; email: string }): Promise<void>;
}

export function emailDomainAllowed(email: string, domains: string[]): boolean {
  if (domains.length === 0) return true;
  const domain = email.split("@").pop()?.toLowerCase() ?? "";
  return domains.includes(domain);
}

export function createAuth(config: Config, db: Db, hooks: AuthHooks) {
  return betterAuth({
    appName: config.orgName,
    // Better Auth's own console lines ("Invalid password"...) follow our log level.
    logger: {
      disabled: config.logLevel === "silent",
      level: config.logLevel === "debug" ? "debug" : "error",
    },
    baseURL: config.baseUrl,
    basePath: "/api/auth",
    secret: config.authSecret,
    database: drizzleAdapter(db as never, {
      provider: "pg",
      schema: {
        user: authUsers,
        session: authSessions,
        account: authAccounts,
        verification: authVerifications,
        rateLimit: authRateLimits,
      },
    }),
    emailAndPassword: { enabled: true, minPasswordLength: 10, maxPasswordLength: 200, autoSignIn: true },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      // Ten sign-in attempts a minute from one address, then a pause; sign-up is stricter.
      customRules: {
        "/sign-in/email": { window: 60, max: 10 },
        "/sign-up/email": { window: 60, max: 5 },
      },
    },
    advanced: {
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      useSecureCookies: config.secureCookies,
      cookiePrefix: "convene",
      database: { generateId: () => uuidv7() },
    },
    databaseHooks: {
      user: {
        create: {
          before: async (user) => {
            if (!emailDomainAllowed(user.email, config.emailDomains)) {
              throw new APIError("FORBIDDEN", {
                code: "EMAIL_DOMAIN_NOT_ALLOWED",
                message: `Accounts are for ${config.emailDomains.map((d) => `@${d}`).join(" or ")} addresses only.`,
              });
            }
            return { data: { ...user, email: user.email.toLowerCase() } };
          },
          after: async (user) => {
            await hooks.onUserCreated({ id: user.id, name: user.name, email: user.email });
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
