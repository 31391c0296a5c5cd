import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError } from "better-auth/api";
import { genericOAuth } from "better-auth/plugins";
import { uuidv7 } from "uuidv7";
import type { Config } from "../../config.js";
import { emailVerificationEmail, passwordResetEmail } from "../../ui/email/account-emails.js";
import type { Db } from "../db/client.js";
import { enqueueMail } from "../mail/outbox.js";
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

/** Better Auth's id for the organisation's identity provider; part of the callback URL. */
export const SSO_PROVIDER_ID = "organisation";

/** The redirect URI to register with the identity provider. */
export const ssoCallbackUrl = (baseUrl: string) => `${baseUrl}/api/auth/callback/${SSO_PROVIDER_ID}`;

function ssoPlugin(oidc: NonNullable<Config["oidc"]>) {
  return genericOAuth({
    config: [
      {
        providerId: SSO_PROVIDER_ID,
        discoveryUrl: `${oidc.issuer}/.well-known/openid-configuration`,
        clientId: oidc.clientId,
        clientSecret: oidc.clientSecret,
        scopes: ["openid", "email", "profile"],
        pkce: true,
      },
    ],
  });
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
    emailAndPassword: {
      // Off when the organisation signs everyone in through its identity provider.
      enabled: config.passwordSignIn,
      minPasswordLength: 10,
      maxPasswordLength: 200,
      autoSignIn: true,
      // Unconfirmed addresses may still sign in: the confirmation email is a courtesy, not a gate.
      requireEmailVerification: false,
      resetPasswordTokenExpiresIn: 60 * 60,
      // A reset is often the answer to "someone else has my password": sign every device out.
      revokeSessionsOnPasswordReset: true,
      // The link leads to our own page, which posts the token back to /reset-password.
      sendResetPassword: async ({ user, token }) => {
        const url = `${config.baseUrl}/reset-password?token=${encodeURIComponent(token)}`;
        const email = passwordResetEmail(config, { name: user.name, url });
        await enqueueMail(db, { to: user.email, ...email, kind: "password_reset" }, config);
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      expiresIn: 60 * 60 * 24,
      // Better Auth's own link (/api/auth/verify-email?token=...&callbackURL=/) confirms and signs in.
      sendVerificationEmail: async ({ user, url }) => {
        const email = emailVerificationEmail(config, { name: user.name, url });
        await enqueueMail(db, { to: user.email, ...email, kind: "email_verification" }, config);
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 30,
      updateAge: 60 * 60 * 24,
      // A signed copy of the session in a cookie saves two queries per request. Roles are still
      // read from the database each time; only a revoked session may live on for this minute.
      cookieCache: { enabled: true, maxAge: 60 },
    },
    plugins: config.oidc ? [ssoPlugin(config.oidc)] : [],
    account: {
      // A returning SSO user is linked to the person with the same address, but only when both the
      // identity provider and our own records have verified that address.
      accountLinking: { enabled: true, requireLocalEmailVerified: true },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      // Ten sign-in attempts a minute from one address, then a pause; sign-up is stricter.
      customRules: {
        "/sign-in/email": { window: 60, max: 10 },
        "/sign-up/email": { window: 60, max: 5 },
        // Starting single sign-on only redirects; the provider does its own limiting.
        "/sign-in/social": { window: 60, max: 30 },
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
