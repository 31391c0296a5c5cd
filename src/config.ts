import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";

/** Every setting Convene reads from its environment. The README's configuration table mirrors this. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  CONVENE_DATA_DIR: z.string().min(1).default("./.convene/data"),
  CONVENE_STORAGE_DIR: z.string().min(1).optional(),
  CONVENE_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  CONVENE_ORG_NAME: z.string().min(1).max(80).default("Convene"),
  CONVENE_EMAIL_DOMAINS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((domain) => domain.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, "must be a comma-separated list of domains"))),
  CONVENE_DEMO: z.enum(["0", "1"]).default("1"),
  CONVENE_TIME_ZONE: z
    .string()
    .default("Europe/London")
    .refine((zone) => isTimeZone(zone), "must be an IANA time zone such as Europe/London"),
  CONVENE_TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).optional(),
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_BUTTON_LABEL: z.string().min(1).max(60).optional(),
  CONVENE_PASSWORD_SIGNIN: z.enum(["0", "1"]).default("1"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
});

export interface Config {
  port: number;
  baseUrl: string;
  database: { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };
  dataDir: string;
  /** Where uploaded files are kept (shared by every instance). */
  storageDir: string;
  authSecret: string;
  orgName: string;
  emailDomains: string[];
  seedDemoWhenEmpty: boolean;
  timeZone: string;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  /** Read the client address from X-Forwarded-For (only behind a proxy you run). */
  trustProxy: boolean;
  /** Without SMTP, mail stays in the outbox for admins to read (and is printed in development). */
  mail: { smtpUrl: string | null; from: string };
  /** Single sign-on through the organisation's OpenID Connect provider, when configured. */
  oidc: { issuer: string; clientId: string; clientSecret: string; buttonLabel: string } | null;
  /** Password sign-in can be switched off once SSO is on. */
  passwordSignIn: boolean;
  /** Cookies get the Secure flag and HSTS is sent when the public address is https. */
  secureCookies: boolean;
}

export class ConfigError extends Error {}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Reads and checks the environment; throws one ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Convene cannot start: fix these environment variables.\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (e.DATABASE_URL && !e.CONVENE_AUTH_SECRET) {
    throw new ConfigError(
      "Convene cannot start: fix these environment variables.\n  CONVENE_AUTH_SECRET: required when DATABASE_URL is set (at least 32 characters; every instance must share it)",
    );
  }
  const oidcParts = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
  if (oidcParts.some(Boolean) && !oidcParts.every(Boolean)) {
    throw new ConfigError(
      "Convene cannot start: fix these environment variables.\n  OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: set all three for single sign-on, or none",
    );
  }
  if (e.CONVENE_PASSWORD_SIGNIN === "0" && !e.OIDC_ISSUER) {
    throw new ConfigError(
      "Convene cannot start: fix these environment variables.\n  CONVENE_PASSWORD_SIGNIN: can only be 0 when single sign-on (OIDC_ISSUER...) is configured",
    );
  }
  const dataDir = resolve(e.CONVENE_DATA_DIR);
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
  return {
    port: e.PORT,
    baseUrl,
    database: e.DATABASE_URL ? { kind: "postgres", url: e.DATABASE_URL } : { kind: "pglite", dataDir },
    dataDir,
    storageDir: e.CONVENE_STORAGE_DIR ? resolve(e.CONVENE_STORAGE_DIR) : resolve(dataDir, "..", "files"),
    authSecret: e.CONVENE_AUTH_SECRET ?? embeddedAuthSecret(dataDir),
    orgName: e.CONVENE_ORG_NAME,
    emailDomains: e.CONVENE_EMAIL_DOMAINS,
    seedDemoWhenEmpty: !e.DATABASE_URL && e.CONVENE_DEMO === "1",
    timeZone: e.CONVENE_TIME_ZONE,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.CONVENE_TRUST_PROXY === "1",
    mail: {
      smtpUrl: e.SMTP_URL ?? null,
      from: e.MAIL_FROM ?? `${e.CONVENE_ORG_NAME} <convene@${new URL(baseUrl).hostname}>`,
    },
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuer: e.OIDC_ISSUER.replace(/\/$/, ""),
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            buttonLabel: e.OIDC_BUTTON_LABEL ?? `Sign in with ${e.CONVENE_ORG_NAME}`,
          }
        : null,
    passwordSignIn: e.CONVENE_PASSWORD_SIGNIN === "1",
    secureCookies: baseUrl.startsWith("https://"),
  };
}

/** On an embedded install the secret is made once and kept beside the data, so sessions survive restarts. */
function embeddedAuthSecret(dataDir: string): string {
  const file = join(dataDir, "..", "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(join(dataDir, ".."), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
