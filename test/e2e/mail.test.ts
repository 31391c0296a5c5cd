import assert from "node:assert/strict";
import { test } from "node:test";
import { screenshot, signIn, startBrowserApp, submit, text, visit } from "../support/browser.js";

// No SMTP_URL here, as on a fresh install: the reset email waits in the outbox, where an
// administrator reads it. That is the path this journey takes.
const app = await startBrowserApp({ seed: true });
const member = app.account("member");
const admin = app.account("admin");
const page = await app.newPage();
const adminPage = await app.newPage();

const heading = (p = page) => text(p.getByRole("heading", { level: 1 }));
const newPassword = "a sentence nobody guesses";
let resetLink = "";

test("a member who forgot their password asks for a reset link", async () => {
  await visit(page, "/sign-in");
  await submit(page, () => page.getByRole("link", { name: "Forgot your password?" }).click());
  assert.equal(new URL(page.url()).pathname, "/forgot-password");
  assert.equal(await heading(), "Reset your password");
  assert.match(await page.title(), /^Reset your password – /);
  await screenshot(page, "forgot-password");

  await page.getByLabel("Email address").fill("not an address");
  await submit(page, () => page.getByRole("button", { name: "Send reset link" }).click(), { status: 422 });
  assert.match(await text(page.getByRole("alert")), /Enter an email address like name@example\.org/);
  assert.equal(await page.getByLabel("Email address").inputValue(), "not an address");

  await page.getByLabel("Email address").fill(member.email);
  await submit(page, () => page.getByRole("button", { name: "Send reset link" }).click());
  assert.equal(new URL(page.url()).pathname, "/forgot-password/sent");
  assert.equal(await heading(), "Check your email");
  assert.match(
    await text(page.locator("main")),
    /If an account exists for that address, we have sent a link/,
  );
  assert.match(await text(page.locator("main")), /does not send email yet/);
  await screenshot(page, "forgot-password-sent");
});

test("an administrator finds the message in the outbox", async () => {
  await signIn(adminPage, admin.email, admin.password);
  await visit(adminPage, "/admin/outbox");
  assert.equal(await heading(adminPage), "Email outbox");
  assert.match(await text(adminPage.locator(".notice")), /Email is not being sent/);
  const crumbs = adminPage.getByRole("navigation", { name: "Breadcrumb" });
  assert.deepEqual(await crumbs.getByRole("listitem").allInnerTexts(), ["Administration", "Email outbox"]);
  const row = adminPage.getByRole("row").filter({ hasText: member.email });
  assert.match(await text(row), /password_reset/);
  assert.match(await text(row), /Queued/);
  await screenshot(adminPage, "admin-outbox");

  await submit(adminPage, () => row.getByRole("link").first().click());
  assert.match(await heading(adminPage), /Reset your .* password/);
  const body = await text(adminPage.getByRole("region", { name: "Plain text" }));
  resetLink = /https?:\/\/[^\s]+\/reset-password\?token=[\w-]+/.exec(body)?.[0] ?? "";
  assert.ok(resetLink, "the plain text holds the reset link");
  assert.match(body, /communities of practice/);
  await screenshot(adminPage, "admin-outbox-message");
  await adminPage.getByText("HTML source").click();
  assert.match(await text(adminPage.locator("details pre")), /<!doctype html>/);
});

test("the member follows the link and sets a new password; a mismatch is explained first", async () => {
  const path = new URL(resetLink).pathname + new URL(resetLink).search;
  await visit(page, path);
  assert.equal(await heading(), "Choose a new password");
  await screenshot(page, "reset-password");

  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Confirm new password").fill("something else entirely");
  await submit(page, () => page.getByRole("button", { name: "Change password" }).click(), { status: 422 });
  const link = page.getByRole("alert").getByRole("link");
  assert.deepEqual(await link.allInnerTexts(), ["The two passwords do not match"]);
  assert.equal(await page.getByLabel("New password", { exact: true }).inputValue(), "");
  await screenshot(page, "reset-password-errors");

  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Confirm new password").fill(newPassword);
  await submit(page, () => page.getByRole("button", { name: "Change password" }).click());
  assert.equal(new URL(page.url()).pathname, "/sign-in");
  assert.match(
    await text(page.getByRole("status")),
    /Your password has been changed\. Sign in with your new password\./,
  );
});

test("the old password no longer works and the new one does", async () => {
  await page.getByLabel("Email address").fill(member.email);
  await page.getByLabel("Password", { exact: true }).fill(member.password);
  await submit(page, () => page.getByRole("button", { name: "Sign in" }).click(), { status: 422 });
  await signIn(page, member.email, newPassword);
  assert.equal(new URL(page.url()).pathname, "/");
  assert.match(await heading(), /^Welcome back/);
});

test("a used link leads to a page that offers a new one", async () => {
  const path = new URL(resetLink).pathname + new URL(resetLink).search;
  await visit(page, path, { status: 404 });
  assert.equal(await heading(), "This reset link does not work");
  await screenshot(page, "reset-password-invalid");
  await submit(page, () => page.getByRole("link", { name: "Ask for a new link" }).click());
  assert.equal(new URL(page.url()).pathname, "/forgot-password");
});
