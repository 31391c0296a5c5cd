import assert from "node:assert/strict";
import { after, test } from "node:test";
import { eq } from "drizzle-orm";
import { charterVersions } from "../../src/features/charter/tables.js";
import { setResourceClock } from "../../src/features/resources/clock.js";
import { resources } from "../../src/features/resources/tables.js";
import { screenshot, signIn, startBrowserApp, submit, text, visit } from "../support/browser.js";
import { buildCommunity, buildPerson, FACTORY_PASSWORD } from "../support/factories.js";

// Issue 7's journey: a core member writes a tip-sheet; another member edits it; the first, still in
// an editor opened before that edit, saves and is shown the conflict rather than overwriting; a
// convenor endorses it; the review date passes (the resources clock is injected: the app runs in
// this process) and it shows as due for review; the owner marks it reviewed.

const app = await startBrowserApp();
after(() => setResourceClock(null));
const db = app.database.db;

const author = await buildPerson(db, { name: "Priya Core" });
const editor = await buildPerson(db, { name: "Sam Member" });
const convenor = await buildPerson(db, { name: "Grace Convenor" });
const community = await buildCommunity(db, {
  name: "Payroll Practitioners",
  slug: "payroll",
  members: [
    { personId: author.id, role: "core" },
    { personId: editor.id },
    { personId: convenor.id, role: "convenor" },
  ],
});
await db.insert(charterVersions).values({
  communityId: community.id,
  version: 1,
  mission: "Payroll done well, everywhere in the organisation.",
  codeOfConduct: "Be kind and share what you know.",
  decisionProcess: "consensus",
  decisionNotes: "We agree good practice at the monthly meeting.",
  summary: "First version",
});

const authorPage = await app.newPage();
const editorPage = await app.newPage();
const convenorPage = await app.newPage();
const title = "Closing the month in five days";
let resourcePath = "";

test("a core member writes a tip-sheet, previews it and publishes it", async () => {
  await signIn(authorPage, author.email, FACTORY_PASSWORD);
  await visit(authorPage, "/communities/payroll/resources/new");
  assert.ok(await authorPage.getByLabel("Tip-sheet").isChecked());
  await authorPage.getByLabel("Title").fill(title);
  await authorPage.getByLabel("Summary (optional)").fill("The order we close things in, and why it works.");
  await authorPage
    .getByLabel("Text", { exact: true })
    .fill("1. **Accruals** on day one.\n2. Reconcile the bank on day two.\n3. Review variances on day four.");
  await authorPage.getByLabel("Tags (optional)").fill("month end, checklists");
  // With JavaScript the preview is swapped in place.
  await authorPage.getByRole("button", { name: "Preview" }).click();
  await authorPage.locator("#resource-preview strong", { hasText: "Accruals" }).waitFor();
  await screenshot(authorPage, "journey-resource-write");
  await submit(authorPage, () => authorPage.getByRole("button", { name: "Publish", exact: true }).click());
  resourcePath = new URL(authorPage.url()).pathname;
  assert.match(resourcePath, /^\/resources\/[0-9a-f-]{36}$/);
  const main = await text(authorPage.locator("main"));
  assert.match(main, new RegExp(title));
  assert.match(main, /Published/);
  assert.match(main, /Your resource is published/);
  await screenshot(authorPage, "journey-resource-page");
});

test("the author opens the editor; meanwhile another member edits and saves", async () => {
  await visit(authorPage, `${resourcePath}/edit`);
  await signIn(editorPage, editor.email, FACTORY_PASSWORD);
  await visit(editorPage, `${resourcePath}/edit`);
  const body = editorPage.getByLabel("Text", { exact: true });
  await body.fill(`${await body.inputValue()}\n4. Send the summary to the finance director on day five.`);
  await editorPage.getByLabel("What changed?").fill("Added day five");
  await submit(editorPage, () => editorPage.getByRole("button", { name: "Save changes" }).click());
  assert.match(await text(editorPage.locator("main")), /saved as revision 2/);
});

test("the author saves the older draft and is shown the conflict instead of overwriting", async () => {
  const body = authorPage.getByLabel("Text", { exact: true });
  await body.fill(`${await body.inputValue()}\n\nTip: book the meeting rooms a month ahead.`);
  await authorPage.getByLabel("What changed?").fill("Added a tip");
  await submit(authorPage, () => authorPage.getByRole("button", { name: "Save changes" }).click(), {
    status: 409,
  });
  const alert = authorPage.getByRole("alert");
  assert.match(await text(alert), /Someone else saved this resource while you were editing/);
  assert.match(await text(alert), /Sam Member/);
  assert.match(await text(alert.locator(".diff ins").first()), /finance director/);
  // Their text is safe, and the author's typed text is still in the form.
  const [row] = await db
    .select()
    .from(resources)
    .where(eq(resources.id, resourcePath.split("/").pop()!));
  assert.equal(row!.revision, 2);
  assert.match(row!.body, /finance director/);
  assert.doesNotMatch(row!.body, /meeting rooms/);
  assert.match(await body.inputValue(), /book the meeting rooms/);
  await screenshot(authorPage, "journey-resource-conflict");

  // Saving mine on top of theirs, with their line brought in.
  await body.fill(
    "1. **Accruals** on day one.\n2. Reconcile the bank on day two.\n3. Review variances on day four.\n4. Send the summary to the finance director on day five.\n\nTip: book the meeting rooms a month ahead.",
  );
  await submit(authorPage, () => authorPage.getByRole("button", { name: "Save changes" }).click());
  assert.match(await text(authorPage.locator("main")), /saved as revision 3/);
});

test("the history lists each revision and compares any two", async () => {
  await visit(authorPage, `${resourcePath}/history`);
  assert.match(await text(authorPage.locator("main")), /Revision 3.*Revision 2.*Revision 1/);
  await authorPage.getByLabel("From revision").selectOption("1");
  await authorPage.getByLabel("to revision").selectOption("3");
  await screenshot(authorPage, "journey-resource-history");
  await submit(authorPage, () => authorPage.getByRole("button", { name: "Compare" }).click());
  assert.match(await text(authorPage.locator("main")), /Revision 1 compared with revision 3/);
  assert.match(await text(authorPage.locator(".diff ins").first()), /\S/);
  await screenshot(authorPage, "journey-resource-compare");
});

test("a convenor endorses it, reminded of how the community decides", async () => {
  await signIn(convenorPage, convenor.email, FACTORY_PASSWORD);
  await visit(convenorPage, resourcePath);
  assert.match(await text(convenorPage.locator(".resource-endorse")), /Consensus\./);
  assert.match(await text(convenorPage.locator(".resource-endorse")), /monthly meeting/);
  await submit(convenorPage, () =>
    convenorPage.getByRole("button", { name: "Endorse as agreed good practice" }).click(),
  );
  const main = await text(convenorPage.locator("main"));
  assert.match(main, /Endorsed as agreed good practice by Grace Convenor/);
  await screenshot(convenorPage, "journey-resource-endorsed");
});

test("the review date passes: it shows as due for review, and on the convenors' list", async () => {
  const [row] = await db
    .select()
    .from(resources)
    .where(eq(resources.id, resourcePath.split("/").pop()!));
  assert.ok(row!.reviewBy);
  setResourceClock(() => new Date(`${row!.reviewBy}T12:00:00Z`));
  await visit(authorPage, resourcePath);
  assert.doesNotMatch(await text(authorPage.locator("main")), /Due for review/);
  // The day after the review date.
  setResourceClock(() => new Date(Date.parse(`${row!.reviewBy}T12:00:00Z`) + 86_400_000));
  await visit(authorPage, resourcePath);
  assert.match(await text(authorPage.locator("#resource-title")), /Due for review/);
  await screenshot(authorPage, "journey-resource-due");

  await visit(convenorPage, "/communities/payroll/resources/due");
  assert.match(await text(convenorPage.locator("table")), new RegExp(`${title}.*Overdue`));
  await screenshot(convenorPage, "journey-resources-due-list");
});

test("the owner marks it reviewed", async () => {
  await authorPage.locator("summary", { hasText: "Mark as reviewed" }).click();
  await submit(authorPage, () => authorPage.getByRole("button", { name: "Mark as reviewed" }).click());
  const main = await text(authorPage.locator("main"));
  assert.match(main, /Marked as reviewed/);
  assert.doesNotMatch(await text(authorPage.locator("#resource-title")), /Due for review/);
  assert.match(main, /Last reviewed.*by Priya Core/);
  await screenshot(authorPage, "journey-resource-reviewed");
  setResourceClock(null);
});
