import assert from "node:assert/strict";
import { test } from "node:test";
import { screenshot, signIn, startBrowserApp, submit, text, visit } from "../support/browser.js";

const app = await startBrowserApp({ seed: true });
const member = app.account("member");
const admin = app.account("admin");
const memberName = app.org?.people.find((p) => p.handle === member.personHandle)?.name ?? "";
const page = await app.newPage();

/** For names and titles inside a RegExp. */
const literal = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const heading = () => text(page.getByRole("heading", { level: 1 }));
const flash = () => text(page.getByRole("status"));

test("the demo member signs in and sees their communities at home", async () => {
  await signIn(page, member.email, member.password);
  assert.equal(new URL(page.url()).pathname, "/");
  assert.equal(await heading(), `Welcome back, ${memberName.split(" ")[0]}`);
  // Cards, not list items: each card holds its own list of practice areas.
  const mine = await page.getByRole("region", { name: "Your communities" }).locator(".card").count();
  assert.ok(mine === 2 || mine === 3, `the demo member belongs to two or three communities, not ${mine}`);
  await screenshot(page, "home-signed-in");
});

test("they browse the directory and search for security", async () => {
  await visit(page, "/communities");
  assert.equal(await heading(), "Communities");
  assert.ok((await page.getByRole("list", { name: "Communities" }).locator(":scope > li").count()) > 1);
  await screenshot(page, "communities");

  await page.getByLabel("Name or practice area").fill("security");
  await submit(page, () => page.getByRole("search").getByRole("button", { name: "Search" }).click());
  assert.equal(new URL(page.url()).searchParams.get("q"), "security");
  assert.equal(await page.getByLabel("Name or practice area").inputValue(), "security");
  const results = page.getByRole("list", { name: "Communities" }).getByRole("heading", { level: 2 });
  assert.ok((await results.allInnerTexts()).includes("Security"), "Security is among the results");
});

test("they open the Security community and join it", async () => {
  await submit(page, () => page.getByRole("link", { name: "Security", exact: true }).click());
  assert.equal(new URL(page.url()).pathname, "/communities/security");
  assert.equal(await heading(), "Security");
  const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
  assert.deepEqual(await crumbs.getByRole("listitem").allInnerTexts(), ["Communities", "Security"]);
  assert.match(await page.title(), /^Security – /);
  await screenshot(page, "community");

  // Joining shows the code of conduct first; it must be accepted.
  await submit(page, () => page.getByRole("link", { name: "Join community" }).click());
  assert.equal(new URL(page.url()).pathname, "/communities/security/join");
  await submit(page, () => page.getByRole("button", { name: "Join community" }).click(), { status: 422 });
  assert.match(await text(page.getByRole("alert")), /code of conduct/i);
  await page.getByLabel("I have read and accept the code of conduct").check();
  await submit(page, () => page.getByRole("button", { name: "Join community" }).click());
  assert.equal(new URL(page.url()).pathname, "/communities/security");
  assert.match(await flash(), /Welcome to Security\. You are now a member\./);
  assert.equal(await page.getByText("You are a member", { exact: true }).count(), 1);
  assert.equal(await page.getByRole("link", { name: "Join community" }).count(), 0);
  // The member appears among the recently joined.
  const recent = page.getByRole("region", { name: "Recently joined" });
  assert.equal(await recent.getByRole("link", { name: memberName }).count(), 1);
});

test("they leave through the confirmation page, giving a reason", async () => {
  await submit(page, () => page.getByRole("link", { name: "Leave community" }).click());
  assert.equal(new URL(page.url()).pathname, "/communities/security/leave");
  assert.equal(await heading(), "Leave Security?");
  await page.getByLabel("Why are you leaving? (optional)").fill("I joined the wrong community by mistake.");
  await submit(page, () => page.getByRole("button", { name: "Leave community" }).click());

  assert.equal(new URL(page.url()).pathname, "/communities/security");
  assert.match(await flash(), /You have left Security\./);
  assert.equal(await page.getByText("You are a member", { exact: true }).count(), 0);
  assert.equal(await page.getByRole("link", { name: "Join community" }).count(), 1);
});

test("they browse people and open a profile", async () => {
  await visit(page, "/people");
  assert.equal(await heading(), "People");
  await screenshot(page, "people");
  const other = app.org?.people.find((p) => p.handle !== member.personHandle && p.jobTitle);
  assert.ok(other);
  await visit(page, `/people/${other.handle}`);
  assert.equal(await heading(), other.name);
  assert.match(await text(page.locator(".profile-head .lead")), new RegExp(literal(other.jobTitle)));
  assert.equal(await page.getByRole("link", { name: "Edit profile", exact: true }).count(), 0);
});

test("the site search finds the community and colleagues; events says what comes next", async () => {
  await visit(page, "/search");
  await page.getByLabel("Search for").fill("security");
  await submit(page, () => page.getByRole("search").getByRole("button", { name: "Search" }).click());
  assert.equal(new URL(page.url()).searchParams.get("q"), "security");
  const communities = page.getByRole("region", { name: "Communities" });
  assert.equal(await communities.getByRole("link", { name: "Security", exact: true }).count(), 1);
  assert.ok((await page.getByRole("region", { name: "People" }).getByRole("listitem").count()) > 0);

  await visit(page, "/events");
  assert.equal(await heading(), "Events");
});

test("a member visiting /admin/people gets a 403 page that says why", async () => {
  await visit(page, "/admin/people", { status: 403 });
  assert.equal(await heading(), "You cannot do that");
  assert.match(await text(page.locator("main")), /Only administrators can change people's roles\./);
  assert.match(await page.title(), /^You cannot do that – /);
});

test("an unknown address shows the friendly 404 page", async () => {
  await visit(page, "/no-such-page", { status: 404 });
  assert.equal(await heading(), "Page not found");
  assert.match(await text(page.locator("main")), /could not find that page/);
  assert.equal(await page.getByRole("main").getByRole("link", { name: "browse communities" }).count(), 1);
  await screenshot(page, "not-found");
});

test("signed-in pages pass axe in the dark theme too", async () => {
  // Contrast is checked per theme: the dark palette is a separate set of colours.
  await page.emulateMedia({ colorScheme: "dark" });
  try {
    for (const path of ["/", "/communities/security", "/people", "/no-such-page"]) {
      await visit(page, path, { status: path === "/no-such-page" ? 404 : 200 });
    }
  } finally {
    await page.emulateMedia({ colorScheme: "light" });
  }
});

test("every link in the header and footer leads to a page", async () => {
  await visit(page, "/");
  const hrefs = await page
    .locator("header a[href^='/'], footer a[href^='/']")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const broken: string[] = [];
  for (const href of new Set(hrefs)) {
    const response = await page.request.get(href);
    if (response.status() >= 400) broken.push(`${href} (${response.status()})`);
  }
  assert.deepEqual(broken, []);
});

test("the admin changes a person's site role", async () => {
  const adminPage = await app.newPage();
  await signIn(adminPage, admin.email, admin.password);
  await visit(adminPage, "/admin/people");
  assert.equal(await text(adminPage.getByRole("heading", { level: 1 })), "People and roles");
  await screenshot(adminPage, "admin-people");

  await adminPage.getByLabel("Name or job title").fill(memberName);
  await submit(adminPage, () =>
    adminPage.getByRole("search").getByRole("button", { name: "Search" }).click(),
  );
  const role = adminPage.getByLabel(`Site role for ${memberName}`);
  assert.equal(await role.inputValue(), "member");
  await role.selectOption({ label: "Programme team" });
  await submit(adminPage, () =>
    adminPage.getByRole("button", { name: `Change role for ${memberName}`, exact: true }).click(),
  );

  assert.equal(new URL(adminPage.url()).pathname, "/admin/people");
  assert.match(
    await text(adminPage.getByRole("status")),
    new RegExp(`${literal(memberName)} is now in the programme team\\.`),
  );
  // The redirect drops the search, so look the person up again to see the stored role.
  await visit(adminPage, `/admin/people?q=${encodeURIComponent(memberName)}`);
  assert.equal(await adminPage.getByLabel(`Site role for ${memberName}`).inputValue(), "programme");
});
