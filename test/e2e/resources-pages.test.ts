import assert from "node:assert/strict";
import { after, test } from "node:test";
import { and, asc, eq, isNull } from "drizzle-orm";
import { charterVersions } from "../../src/features/charter/tables.js";
import { setResourceClock } from "../../src/features/resources/clock.js";
import { collectionItems, collections, resources } from "../../src/features/resources/tables.js";
import { STARTER_TOOLKIT_SLUG } from "../../src/features/resources/toolkit/install.js";
import { checkA11y, screenshot, signIn, startBrowserApp, submit, text, visit } from "../support/browser.js";
import { buildCommunity, buildPerson, FACTORY_PASSWORD } from "../support/factories.js";
import { buildResource } from "../support/resource-factories.js";

// Every resources page the journey (resources.test.ts) does not visit, as a convenor, a member and
// the programme team, with axe on each page and screenshots at desktop and 390px.

const app = await startBrowserApp();
after(() => setResourceClock(null));
const db = app.database.db;

const convenor = await buildPerson(db, { name: "Grace Convenor" });
const member = await buildPerson(db, { name: "Sam Member" });
const programme = await buildPerson(db, { name: "Pat Programme", siteRole: "programme" });
const community = await buildCommunity(db, {
  name: "Payroll Practitioners",
  slug: "payroll",
  members: [{ personId: convenor.id, role: "convenor" }, { personId: member.id }],
});
await buildCommunity(db, {
  name: "Quiet Corner",
  slug: "quiet",
  members: [{ personId: convenor.id, role: "convenor" }],
});
await db.insert(charterVersions).values({
  communityId: community.id,
  version: 1,
  mission: "Payroll done well.",
  codeOfConduct: "Be kind.",
  decisionProcess: "vote",
  decisionNotes: "Anyone may object within a week.",
  summary: "First version",
});
const guide = await buildResource(db, community.id, {
  kind: "guide",
  title: "A guide to year-end payroll, with every deadline that matters",
  summary: "From the first reminder in January to the final submission.",
  tags: ["year end", "deadlines"],
  ownerId: convenor.id,
});
await buildResource(db, community.id, {
  kind: "template",
  title: "Starter’s checklist",
  tags: ["onboarding"],
  ownerId: member.id,
});
await buildResource(db, community.id, {
  kind: "link",
  title: "HMRC’s guidance on PAYE",
  body: "",
  externalUrl: "https://www.gov.uk/paye-for-employers",
  ownerId: member.id,
});
await buildResource(db, community.id, {
  title: "Due soon: the expenses policy",
  reviewBy: new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10),
  ownerId: member.id,
});

const convenorPage = await app.newPage();
const memberPage = await app.newPage();
const programmePage = await app.newPage();
await signIn(convenorPage, convenor.email, FACTORY_PASSWORD);
await signIn(memberPage, member.email, FACTORY_PASSWORD);
await signIn(programmePage, programme.email, FACTORY_PASSWORD);

const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
let resourcePath = "";

test("all resources, filtered, for a member", async () => {
  await visit(memberPage, "/resources");
  assert.match(await text(memberPage.locator("main")), /year-end payroll/);
  await screenshot(memberPage, "resources-all");
  await visit(memberPage, "/resources?kind=template&sort=title");
  const main = await text(memberPage.locator("main"));
  assert.match(main, /Starter’s checklist/);
  assert.doesNotMatch(main, /year-end payroll/);
  await visit(memberPage, "/resources?tag=nothing-like-this");
  await screenshot(memberPage, "resources-all-none");
});

test("a community's Resources tab, filtered, and an empty one", async () => {
  await visit(memberPage, "/communities/payroll/resources?tag=deadlines");
  assert.match(await text(memberPage.locator("main")), /year-end payroll/);
  await screenshot(memberPage, "resources-tab-filtered");
  await visit(convenorPage, "/communities/quiet/resources");
  assert.match(await text(convenorPage.locator("main")), /no resources yet/);
  await screenshot(convenorPage, "resources-tab-empty");
});

test("the starter toolkit and one of its items", async () => {
  await visit(memberPage, "/toolkit");
  assert.equal(await memberPage.getByRole("link", { name: "Add an item" }).count(), 0);
  await screenshot(memberPage, "toolkit");
  await memberPage.goto("/toolkit/first-meeting-plan");
  await visit(memberPage, memberPage.url().replace(app.baseUrl, ""));
  await screenshot(memberPage, "toolkit-item");
});

test("the new-resource form shows its errors, keeps the text, and Enter publishes", async () => {
  await visit(memberPage, "/communities/payroll/resources/new");
  await memberPage.getByLabel("Title").fill("ab");
  await submit(memberPage, () => memberPage.getByRole("button", { name: "Publish", exact: true }).click(), {
    status: 422,
  });
  assert.match(await text(memberPage.locator(".error-summary")), /Title/);
  assert.equal(await memberPage.getByLabel("Title").inputValue(), "ab");
  await screenshot(memberPage, "resource-new-errors");

  await memberPage.getByLabel("Title").fill("Payslip queries: who answers what");
  await memberPage.getByLabel("Text", { exact: true }).fill("Send **tax code** questions to the helpdesk.");
  // Enter in a text field submits with the form's default button: publishing, not previewing.
  await submit(memberPage, () => memberPage.getByLabel("Title").press("Enter"));
  resourcePath = new URL(memberPage.url()).pathname;
  assert.match(resourcePath, /^\/resources\/[0-9a-f-]{36}$/);
  assert.match(await text(memberPage.locator("main")), /Your resource is published/);
});

test("Preview without JavaScript shows the preview and keeps the text", async () => {
  // axe needs scripts, so this page is checked with them on once it has loaded.
  const noScript = await app.browser.newContext({ baseURL: app.baseUrl, javaScriptEnabled: false });
  const page = await noScript.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(member.email);
  await page.getByLabel("Password", { exact: true }).fill(FACTORY_PASSWORD);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== "/sign-in"),
    page.getByRole("button", { name: "Sign in" }).click(),
  ]);
  await page.goto(`${resourcePath}/edit`);
  await page.getByLabel("Text", { exact: true }).fill("Now with **bold** words.");
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith("/edit") && r.request().method() === "POST"),
    page.getByRole("button", { name: "Preview" }).click(),
  ]);
  assert.equal(response.status(), 200);
  await page.waitForLoadState("load");
  assert.match(await text(page.locator("#resource-preview strong")), /bold/);
  assert.match(await page.getByLabel("Text", { exact: true }).inputValue(), /Now with/);
  await noScript.close();
});

test("attachments: a PDF and a PNG through the form, a refused file, and the upload page", async () => {
  await visit(memberPage, resourcePath);
  await memberPage.getByLabel("Attach a file").setInputFiles({
    name: "payslip-guide.pdf",
    mimeType: "application/pdf",
    buffer: pdf,
  });
  await submit(memberPage, () => memberPage.getByRole("button", { name: "Upload file" }).click());
  assert.match(await text(memberPage.locator("main")), /payslip-guide\.pdf is attached/);
  await memberPage.getByLabel("Attach a file").setInputFiles({
    name: "flowchart.png",
    mimeType: "image/png",
    buffer: png,
  });
  await submit(memberPage, () => memberPage.getByRole("button", { name: "Upload file" }).click());
  assert.match(
    await text(memberPage.locator("#attachments")),
    /payslip-guide\.pdf.*flowchart\.png|flowchart\.png.*payslip-guide\.pdf/,
  );
  await screenshot(memberPage, "resource-attachments");

  await memberPage.getByLabel("Attach a file").setInputFiles({
    name: "macro.exe",
    mimeType: "application/x-msdownload",
    buffer: Buffer.from("MZ not really a program"),
  });
  await submit(memberPage, () => memberPage.getByRole("button", { name: "Upload file" }).click(), {
    status: 422,
  });
  assert.match(await text(memberPage.locator(".error-summary")), /cannot be attached/);
  await screenshot(memberPage, "resource-attachment-refused");

  // Just over the limit, but within what the server reads: a page that says so.
  await memberPage.getByLabel("File", { exact: true }).setInputFiles(
    {
      name: "big.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]),
    },
    { timeout: 30_000 },
  );
  await submit(memberPage, () => memberPage.getByRole("button", { name: "Upload file" }).click(), {
    status: 422,
  });
  assert.match(await text(memberPage.locator(".error-summary")), /files can be at most 10 MB/);
  await screenshot(memberPage, "resource-attachment-too-big");

  // Well over the limit, the server stops reading (src/app.tsx's bodyLimit) and answers with a page
  // of its own that leads back to the upload form.
  await memberPage.getByLabel("File", { exact: true }).setInputFiles(
    {
      name: "huge.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.concat([pdf, Buffer.alloc(11 * 1024 * 1024)]),
    },
    { timeout: 30_000 },
  );
  const [huge] = await Promise.all([
    memberPage.waitForResponse((r) => r.url().endsWith("/attachments") && r.request().method() === "POST"),
    memberPage.getByRole("button", { name: "Upload file" }).click(),
  ]);
  assert.equal(huge.status(), 413);
  assert.match(await huge.text(), /That file is too large/);

  await visit(memberPage, `${resourcePath}/attachments/new`);
  await screenshot(memberPage, "resource-attachments-new");
});

test("history with several revisions, compare, and the restore confirmation", async () => {
  for (const [n, line] of ["Payroll closes on the 20th.", "Payslips go out on the 25th."].entries()) {
    await visit(memberPage, `${resourcePath}/edit`);
    const body = memberPage.getByLabel("Text", { exact: true });
    await body.fill(`${await body.inputValue()}\n\n${line}`);
    await memberPage.getByLabel("What changed?").fill(`Added line ${n + 1}`);
    // Enter in a text field saves (the form's first button), rather than previewing.
    await submit(memberPage, () =>
      n === 0
        ? memberPage.getByLabel("What changed?").press("Enter")
        : memberPage.getByRole("button", { name: "Save changes" }).click(),
    );
    assert.match(await text(memberPage.locator("main")), new RegExp(`saved as revision ${n + 2}`));
  }
  await visit(memberPage, `${resourcePath}/history`);
  assert.match(await text(memberPage.locator("main")), /Revision 3.*Revision 2.*Revision 1/);
  await screenshot(memberPage, "resource-history");
  await visit(memberPage, `${resourcePath}/compare?from=1&to=3`);
  await screenshot(memberPage, "resource-compare");
  await visit(memberPage, `${resourcePath}/revisions/1/restore`);
  await screenshot(memberPage, "resource-restore");
  await submit(memberPage, () => memberPage.getByRole("button", { name: /Restore revision 1/ }).click());
  assert.match(await text(memberPage.locator("main")), /Revision 1 is restored, as revision 4/);
});

test("reuse marks on a resource", async () => {
  await visit(convenorPage, resourcePath);
  // With JavaScript the section is swapped in place.
  await convenorPage.getByRole("button", { name: /helped me/ }).click();
  await convenorPage.locator('#reuse button[aria-pressed="true"]').waitFor();
  await convenorPage.getByRole("button", { name: /I used this/ }).click();
  await convenorPage.locator('#reuse button[aria-pressed="true"]').nth(1).waitFor();
  await checkA11y(convenorPage);
  await screenshot(convenorPage, "resource-marks");
});

test("the convenor's endorse and archive confirmations, and the due-for-review list", async () => {
  await visit(convenorPage, `/resources/${guide.id}`);
  await screenshot(convenorPage, "resource-convenor");
  await convenorPage.locator("summary", { hasText: "Archive" }).click();
  await screenshot(convenorPage, "resource-archive-confirm");
  await submit(convenorPage, () =>
    convenorPage.getByRole("button", { name: "Archive this resource" }).click(),
  );
  assert.match(await text(convenorPage.locator("main")), /It is archived/);
  await visit(convenorPage, resourcePath);
  await submit(convenorPage, () =>
    convenorPage.getByRole("button", { name: "Endorse as agreed good practice" }).click(),
  );
  await convenorPage.locator("summary", { hasText: "Withdraw the endorsement" }).click();
  await screenshot(convenorPage, "resource-unendorse-confirm");

  await visit(convenorPage, "/communities/payroll/resources/due");
  assert.match(await text(convenorPage.locator("main")), /expenses policy/);
  await screenshot(convenorPage, "resources-due");
  await visit(memberPage, "/communities/payroll/resources/due", { status: 403 });
});

test("collections: new, page, add, move, edit and the delete confirmation", async () => {
  await visit(convenorPage, "/communities/payroll/collections");
  await screenshot(convenorPage, "collections-empty");
  await visit(convenorPage, "/communities/payroll/collections/new");
  await submit(convenorPage, () => convenorPage.getByRole("button", { name: /Create/ }).click(), {
    status: 422,
  });
  await screenshot(convenorPage, "collection-new-errors");
  await convenorPage.getByLabel("Title").fill("New starters’ pack");
  await convenorPage.getByLabel("Description (optional)").fill("What to read in your **first month**.");
  await submit(convenorPage, () => convenorPage.getByRole("button", { name: /Create/ }).click());
  const editPath = new URL(convenorPage.url()).pathname;
  for (let i = 0; i < 3; i++) {
    await submit(convenorPage, () =>
      convenorPage.getByRole("button", { name: "Add to the collection" }).click(),
    );
  }
  await submit(convenorPage, () =>
    convenorPage
      .getByRole("button", { name: /^Move down/ })
      .first()
      .click(),
  );
  await submit(convenorPage, () =>
    convenorPage
      .getByRole("button", { name: /^Move up/ })
      .last()
      .click(),
  );
  await convenorPage.locator("summary", { hasText: "Delete" }).click();
  await screenshot(convenorPage, "collection-edit");
  const [row] = await db.select().from(collections).where(eq(collections.title, "New starters’ pack"));
  assert.ok(row);
  await visit(convenorPage, `/collections/${row.id}`);
  await screenshot(convenorPage, "collection-page");
  await visit(memberPage, `/collections/${row.id}`);
  await visit(memberPage, "/communities/payroll/collections");
  await screenshot(memberPage, "collections-list");
  await visit(convenorPage, editPath.endsWith("/edit") ? editPath : `/collections/${row.id}/edit`);
  await convenorPage.locator("summary", { hasText: "Delete" }).click();
  await submit(convenorPage, () =>
    convenorPage
      .getByRole("button", { name: /^Delete/ })
      .last()
      .click(),
  );
  assert.equal((await db.select().from(collections).where(eq(collections.id, row.id))).length, 0);
});

test("the programme team adds a starter toolkit item; a member cannot", async () => {
  await visit(memberPage, "/toolkit/new", { status: 403 });
  await visit(programmePage, "/toolkit");
  await submit(programmePage, () => programmePage.getByRole("link", { name: "Add an item" }).click());
  await programmePage.getByLabel("Title").fill("Running a hybrid meeting");
  await programmePage.getByLabel("Text", { exact: true }).fill("Give remote people the **first** word.");
  await programmePage.getByRole("button", { name: "Preview" }).click();
  await programmePage.locator("#resource-preview strong").waitFor();
  await screenshot(programmePage, "toolkit-new");
  await submit(programmePage, () =>
    programmePage.getByRole("button", { name: "Publish", exact: true }).click(),
  );
  assert.match(await text(programmePage.locator("main")), /published in the starter toolkit/);
  const [item] = await db
    .select()
    .from(resources)
    .where(and(isNull(resources.communityId), eq(resources.title, "Running a hybrid meeting")));
  assert.equal(item?.toolkitSlug, "running-a-hybrid-meeting");
  const [starter] = await db.select().from(collections).where(eq(collections.slug, STARTER_TOOLKIT_SLUG));
  const items = await db
    .select()
    .from(collectionItems)
    .where(eq(collectionItems.collectionId, starter!.id))
    .orderBy(asc(collectionItems.position));
  assert.equal(items.at(-1)?.resourceId, item!.id);
  await visit(programmePage, "/toolkit");
  assert.match(await text(programmePage.locator("main")), /Running a hybrid meeting/);
  await visit(programmePage, "/toolkit/running-a-hybrid-meeting");
  assert.equal(new URL(programmePage.url()).pathname, `/resources/${item!.id}`);
  await visit(programmePage, `/collections/${starter!.id}/edit`);
  await screenshot(programmePage, "toolkit-arrange");
});
