import assert from "node:assert/strict";
import { test } from "node:test";
import { createJobs } from "../../src/platform/jobs/jobs.js";
import { registerMaintenance } from "../../src/platform/jobs/maintenance.js";
import { screenshot, signIn, startBrowserApp, text, visit } from "../support/browser.js";

declare module "../../src/platform/jobs/jobs.js" {
  interface JobPayloads {
    "e2e.digest": { personId: string };
  }
}

const app = await startBrowserApp({ seed: true });
const admin = app.account("admin");
const member = app.account("member");
const page = await app.newPage();

test("the admin opens Background jobs before the queue has started", async () => {
  await signIn(page, admin.email, admin.password);
  await visit(page, "/admin/jobs");
  assert.equal(await text(page.getByRole("heading", { level: 1 })), "Background jobs");
  const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
  assert.deepEqual(await crumbs.getByRole("listitem").allInnerTexts(), ["Administration", "Background jobs"]);
  assert.match(await text(page.locator("main")), /The job queue has not started yet/);
  await screenshot(page, "admin-jobs-empty");
});

test("with jobs running, the admin sees queues, the schedule and a failure", async () => {
  // The browser app is built without jobs (as createTestApp is); start them on its database.
  const jobs = createJobs({ config: app.config, database: app.database, pollingIntervalSeconds: 0.5 });
  await jobs.start();
  try {
    await registerMaintenance(jobs, app.database.db, "*/15 * * * *");
    await jobs.register(
      "e2e.digest",
      async () => {
        throw new Error("Could not reach the mail server (connection refused)");
      },
      { retryLimit: 1, retryBackoff: false, retryDelay: 0 },
    );
    await jobs.send("e2e.digest", { personId: "p1" });
    await jobs.send("maintenance.prune", {});
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      await visit(page, "/admin/jobs");
      if ((await page.getByRole("table", { name: /most recent jobs that failed/ }).count()) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await jobs.stop();
  }

  const queues = page.getByRole("table", { name: "Jobs in each queue, by state" });
  const rows = queues.locator("tbody tr");
  assert.deepEqual(await rows.locator("td:first-child").allInnerTexts(), ["e2e.digest", "maintenance.prune"]);
  // Queued, running, completed, failed.
  assert.deepEqual(await rows.first().getByRole("cell").allInnerTexts(), ["e2e.digest", "0", "0", "0", "1"]);
  const schedules = page.getByRole("table", { name: /Jobs sent on a schedule/ });
  assert.match(await text(schedules), /maintenance\.prune\s*\*\/15 \* \* \* \*\s*Europe\/London/);
  const failures = page.getByRole("table", { name: /most recent jobs that failed/ });
  assert.match(await text(failures), /Could not reach the mail server \(connection refused\)/);
  assert.equal(await failures.locator("time").count(), 1);
  await screenshot(page, "admin-jobs");

  // The dark palette is a separate set of colours: check its contrast too.
  await page.emulateMedia({ colorScheme: "dark" });
  try {
    await visit(page, "/admin/jobs");
  } finally {
    await page.emulateMedia({ colorScheme: "light" });
  }
});

test("a member is refused with a reason", async () => {
  const memberPage = await app.newPage();
  await signIn(memberPage, member.email, member.password);
  await visit(memberPage, "/admin/jobs", { status: 403 });
  assert.match(
    await text(memberPage.locator("main")),
    /Only administrators and the programme team can see the background jobs\./,
  );
});
