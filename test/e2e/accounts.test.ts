import assert from "node:assert/strict";
import { test } from "node:test";
import { checkA11y, screenshot, signOut, startBrowserApp, submit, text, visit } from "../support/browser.js";

// Seeded, so the new person is a plain member: the first account on an empty database becomes admin.
const app = await startBrowserApp({ seed: true });
const page = await app.newPage();

const person = {
  name: "Ada Lovelace",
  email: "ada.lovelace@example.org",
  password: "analytical engine notes",
};
let profilePath = "";

test("a new person signs up and lands on their profile form", async () => {
  await visit(page, "/sign-up");
  await page.getByLabel("Full name").fill(person.name);
  await page.getByLabel("Work email address").fill(person.email);
  await page.getByLabel("Password", { exact: true }).fill(person.password);
  await page.getByLabel("Confirm password").fill(person.password);
  await submit(page, () => page.getByRole("button", { name: "Create account" }).click());

  assert.equal(new URL(page.url()).pathname, "/me/profile");
  assert.match(await text(page.getByRole("status")), /Welcome to Convene, Ada Lovelace/);
  assert.equal(await text(page.getByRole("heading", { level: 1 })), "Edit profile");
  assert.equal(await page.getByLabel("Name", { exact: true }).inputValue(), person.name);
  // A plain member: the account menu offers no administration.
  await page.locator(".account-menu summary").click();
  assert.equal(await page.getByRole("link", { name: "Administration" }).count(), 0);
  await page.locator(".account-menu summary").click();
  await screenshot(page, "me-profile");
});

test("they edit their profile and see it on their public page", async () => {
  await page.getByLabel("Job title").fill("Research software engineer");
  await page.getByLabel("Skills").fill("Python, data visualisation, python");
  await submit(page, () => page.getByRole("button", { name: "Save profile" }).click());

  profilePath = new URL(page.url()).pathname;
  assert.match(profilePath, /^\/people\/[a-z0-9-]+$/);
  assert.match(await text(page.getByRole("status")), /Your profile has been saved/);
  assert.equal(await text(page.getByRole("heading", { level: 1 })), person.name);
  assert.match(await text(page.locator(".profile-head .lead")), /Research software engineer/);
  // Skills are stored lower case and without duplicates.
  const skills = page.getByRole("region", { name: "Skills" }).getByRole("link");
  assert.deepEqual(await skills.allInnerTexts(), ["python", "data visualisation"]);
  await screenshot(page, "profile");

  // The page stays the same on a fresh visit, not only straight after saving.
  await visit(page, profilePath);
  assert.match(await text(page.locator(".profile-head .lead")), /Research software engineer/);
});

test("they sign out", async () => {
  await signOut(page);
  assert.equal(new URL(page.url()).pathname, "/");
  assert.match(await text(page.getByRole("status")), /You have signed out/);
  assert.equal(
    await page.locator(".site-header").getByRole("link", { name: "Sign in", exact: true }).count(),
    1,
  );
  // Profiles are for signed-in colleagues only, so the profile now asks them to sign in.
  await visit(page, profilePath);
  assert.equal(new URL(page.url()).pathname, "/sign-in");
});

test("a wrong password shows an error summary linked to the field and keeps the email", async () => {
  await visit(page, "/sign-in");
  await page.getByLabel("Email address").fill(person.email);
  await page.getByLabel("Password", { exact: true }).fill("not my password at all");
  await submit(page, () => page.getByRole("button", { name: "Sign in" }).click(), { status: 422 });

  const summary = page.getByRole("alert");
  assert.match(await text(summary), /There is a problem/);
  // app.js moves focus to the summary so screen readers announce it.
  assert.equal(await page.evaluate(() => document.activeElement?.hasAttribute("data-error-summary")), true);
  const link = summary.getByRole("link");
  assert.match(await text(link), /email address or password is not right/);
  assert.equal(await link.getAttribute("href"), "#field-email");
  assert.equal(await page.getByLabel("Email address").inputValue(), person.email);
  assert.equal(await page.getByLabel("Password", { exact: true }).inputValue(), "");
  assert.match(await text(page.locator("#field-email-error")), /not right/);
  assert.equal(await page.getByLabel("Email address").getAttribute("aria-invalid"), "true");
  await screenshot(page, "sign-in-errors");

  await link.click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), "field-email");
});

test("they sign in again with the right password", async () => {
  await page.getByLabel("Email address").fill(person.email);
  await page.getByLabel("Password", { exact: true }).fill(person.password);
  await submit(page, () => page.getByRole("button", { name: "Sign in" }).click());
  assert.equal(new URL(page.url()).pathname, "/");
  assert.equal(await text(page.getByRole("heading", { level: 1 })), "Welcome back, Ada");
});

test("an invalid sign-up returns the form with errors beside fields and values kept", async () => {
  const visitor = await app.newPage();
  await visit(visitor, "/sign-up");
  await visitor.getByLabel("Full name").fill("Grace Hopper");
  await visitor.getByLabel("Work email address").fill("grace.hopper@example.org");
  await visitor.getByLabel("Password", { exact: true }).fill("compilers are great");
  await visitor.getByLabel("Confirm password").fill("compilers are grand");
  await submit(visitor, () => visitor.getByRole("button", { name: "Create account" }).click(), {
    status: 422,
  });

  const link = visitor.getByRole("alert").getByRole("link");
  assert.deepEqual(await link.allInnerTexts(), ["The two passwords do not match"]);
  assert.equal(await link.getAttribute("href"), "#field-confirm");
  const confirm = visitor.getByLabel("Confirm password");
  assert.equal(await confirm.getAttribute("aria-invalid"), "true");
  assert.match((await confirm.getAttribute("aria-describedby")) ?? "", /field-confirm-error/);
  assert.match(await text(visitor.locator("#field-confirm-error")), /The two passwords do not match/);
  assert.equal(await visitor.getByLabel("Full name").inputValue(), "Grace Hopper");
  assert.equal(await visitor.getByLabel("Work email address").inputValue(), "grace.hopper@example.org");
  // Passwords are never sent back into the page.
  assert.equal(await visitor.getByLabel("Password", { exact: true }).inputValue(), "");
  assert.equal(await confirm.inputValue(), "");
  await screenshot(visitor, "sign-up-errors");
});

test("keyboard: the first Tab focuses the skip link and Enter moves focus to main", async () => {
  const visitor = await app.newPage();
  await visit(visitor, "/communities");
  await visitor.keyboard.press("Tab");
  const focused = await visitor.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const box = el?.getBoundingClientRect();
    return {
      text: el?.textContent?.trim(),
      href: el?.getAttribute("href"),
      top: box?.top,
      height: box?.height,
    };
  });
  assert.equal(focused.text, "Skip to main content");
  assert.equal(focused.href, "#main");
  // A skip link that stays off-screen when focused helps nobody who can see.
  assert.ok((focused.top ?? -1) >= 0 && (focused.height ?? 0) > 0, "the focused skip link is on screen");
  await visitor.keyboard.press("Enter");
  assert.equal(await visitor.evaluate(() => document.activeElement?.id), "main");
  // The next Tab continues inside main, not back at the header.
  await visitor.keyboard.press("Tab");
  assert.equal(await visitor.evaluate(() => Boolean(document.activeElement?.closest("main"))), true);
});

test("the account menu has its visible text in its accessible name", async () => {
  await visit(page, "/");
  await checkA11y(page, { strict: true });
});
