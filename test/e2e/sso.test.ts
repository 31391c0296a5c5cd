import assert from "node:assert/strict";
import { after, test } from "node:test";
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { people } from "../../src/features/people/tables.js";
import { SSO_PROVIDER_ID, ssoCallbackUrl } from "../../src/platform/auth/auth.js";
import { authAccounts, authUsers } from "../../src/platform/auth/tables.js";
import { checkA11y, screenshot, signOut, startBrowserApp, visit } from "../support/browser.js";
import { startOidcProvider } from "../support/oidc-provider.js";

// Single sign-on through a real OpenID provider, in Chromium, through the whole redirect flow.
let closeProvider = async () => {};
const app = await startBrowserApp({
  seed: true,
  configure: async (baseUrl) => {
    const provider = await startOidcProvider({
      redirectUri: ssoCallbackUrl(baseUrl),
      people: {
        sofia: { email: "sofia.marsh@example.org", name: "Sofia Marsh" },
        member: { email: "member@example.org", name: "Demo Member At IdP" },
        eve: { email: "eve@elsewhere.net", name: "Eve Outsider" },
      },
    });
    closeProvider = provider.close;
    return {
      emailDomains: ["example.org"],
      oidc: {
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        buttonLabel: "Sign in with Northfield",
      },
    };
  },
});
after(() => closeProvider());
const db = app.database.db;

/** Clicks the SSO button and signs in at the provider's own pages as `login`. */
async function signInThroughProvider(page: Page, login: string) {
  await visit(page, "/sign-in");
  await page.getByRole("button", { name: "Sign in with Northfield" }).click();
  await page.waitForURL((url) => url.origin !== app.baseUrl);
  const loginPage = page.url();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.href !== loginPage, { timeout: 10_000 });
  // The development consent page asks once per person and client.
  if (new URL(page.url()).origin !== app.baseUrl) {
    await page.getByRole("button", { name: "Continue" }).click();
  }
  await page.waitForURL((url) => url.origin === app.baseUrl, { timeout: 10_000 });
  await page.waitForLoadState("load");
  await checkA11y(page);
}

test("a new person signs in through the organisation and gets a profile", async () => {
  const page = await app.newPage();
  await visit(page, "/sign-in");
  await screenshot(page, "sign-in-sso");
  await signInThroughProvider(page, "sofia");
  assert.equal(new URL(page.url()).pathname, "/me/profile", "a new person lands on their profile form");
  const [user] = await db.select().from(authUsers).where(eq(authUsers.email, "sofia.marsh@example.org"));
  assert.equal(user?.name, "Sofia Marsh");
  const [person] = await db.select().from(people).where(eq(people.id, user!.id));
  assert.equal(person?.handle, "sofia-marsh");

  // Signing in again, from another browser, reaches the same person instead of making another.
  await signOut(page);
  const again = await app.newPage();
  await signInThroughProvider(again, "sofia");
  assert.equal(new URL(again.url()).pathname, "/");
  const users = await db.select().from(authUsers).where(eq(authUsers.email, "sofia.marsh@example.org"));
  assert.equal(users.length, 1);
});

test("an existing person with a verified address is linked, not duplicated", async () => {
  const page = await app.newPage();
  await signInThroughProvider(page, "member");
  assert.equal(new URL(page.url()).pathname, "/");
  const [user] = await db.select().from(authUsers).where(eq(authUsers.email, "member@example.org"));
  const accounts = await db.select().from(authAccounts).where(eq(authAccounts.userId, user!.id));
  assert.deepEqual(accounts.map((a) => a.providerId).sort(), ["credential", SSO_PROVIDER_ID].sort());
  assert.equal(
    await page.locator(".account-menu .account-name").textContent(),
    app.org?.people.find((p) => p.email === "member@example.org")?.name,
  );
});

test("a person from a disallowed domain is refused with a clear message", async () => {
  const page = await app.newPage();
  await signInThroughProvider(page, "eve");
  assert.equal(new URL(page.url()).pathname, "/sign-in");
  assert.match((await page.locator("#field-sso").textContent()) ?? "", /for @example\.org accounts only/);
  await screenshot(page, "sign-in-sso-refused");
  const users = await db.select().from(authUsers).where(eq(authUsers.email, "eve@elsewhere.net"));
  assert.equal(users.length, 0);
});
