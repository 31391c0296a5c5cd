import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ConfigError, loadConfig } from "./config.js";

test("defaults give an embedded install on port 3000 with a kept secret", () => {
  const dir = mkdtempSync(join(tmpdir(), "convene-config-"));
  const config = loadConfig({ CONVENE_DATA_DIR: join(dir, "data") });
  assert.equal(config.port, 3000);
  assert.equal(config.baseUrl, "http://localhost:3000");
  assert.equal(config.database.kind, "pglite");
  assert.equal(config.seedDemoWhenEmpty, true);
  assert.ok(config.authSecret.length >= 32);
  assert.equal(readFileSync(join(dir, "auth-secret"), "utf8").trim(), config.authSecret);
  assert.equal(
    loadConfig({ CONVENE_DATA_DIR: join(dir, "data") }).authSecret,
    config.authSecret,
    "secret is reused",
  );
});

test("every invalid variable is named in one message", () => {
  assert.throws(
    () =>
      loadConfig({
        PORT: "eighty",
        BASE_URL: "not a url",
        CONVENE_EMAIL_DOMAINS: "ok.org, bad domain",
        CONVENE_TIME_ZONE: "Mars/Olympus",
      }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      for (const name of ["PORT", "BASE_URL", "CONVENE_EMAIL_DOMAINS", "CONVENE_TIME_ZONE"]) {
        assert.match(error.message, new RegExp(name));
      }
      return true;
    },
  );
});

test("PostgreSQL needs a shared auth secret and never seeds the demo by itself", () => {
  assert.throws(() => loadConfig({ DATABASE_URL: "postgres://db/convene" }), /CONVENE_AUTH_SECRET/);
  assert.throws(
    () => loadConfig({ DATABASE_URL: "mysql://db/convene", CONVENE_AUTH_SECRET: "x".repeat(32) }),
    /DATABASE_URL/,
  );
  const config = loadConfig({ DATABASE_URL: "postgres://db/convene", CONVENE_AUTH_SECRET: "x".repeat(40) });
  assert.equal(config.database.kind, "postgres");
  assert.equal(config.seedDemoWhenEmpty, false);
});

test("email domains are normalised", () => {
  const config = loadConfig({
    CONVENE_DATA_DIR: mkdtempSync(join(tmpdir(), "convene-config-")),
    CONVENE_EMAIL_DOMAINS: " Example.ORG, staff.example.org ",
  });
  assert.deepEqual(config.emailDomains, ["example.org", "staff.example.org"]);
});

test("single sign-on needs all three OIDC settings, and password sign-in can only be off with it", () => {
  const dir = mkdtempSync(join(tmpdir(), "convene-config-"));
  assert.throws(
    () => loadConfig({ CONVENE_DATA_DIR: dir, OIDC_ISSUER: "https://id.example.org" }),
    /OIDC_CLIENT_ID/,
  );
  assert.throws(
    () => loadConfig({ CONVENE_DATA_DIR: dir, CONVENE_PASSWORD_SIGNIN: "0" }),
    /CONVENE_PASSWORD_SIGNIN/,
  );
  const config = loadConfig({
    CONVENE_DATA_DIR: dir,
    CONVENE_ORG_NAME: "Northfield",
    OIDC_ISSUER: "https://id.example.org/",
    OIDC_CLIENT_ID: "convene",
    OIDC_CLIENT_SECRET: "secret",
    CONVENE_PASSWORD_SIGNIN: "0",
  });
  assert.deepEqual(config.oidc, {
    issuer: "https://id.example.org",
    clientId: "convene",
    clientSecret: "secret",
    buttonLabel: "Sign in with Northfield",
  });
  assert.equal(config.passwordSignIn, false);
});
