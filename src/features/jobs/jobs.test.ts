import assert from "node:assert/strict";
import { test } from "node:test";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { createJobs } from "../../platform/jobs/jobs.js";
import { registerMaintenance } from "../../platform/jobs/maintenance.js";

declare module "../../platform/jobs/jobs.js" {
  interface JobPayloads {
    "test.always-fails": Record<string, never>;
  }
}

const { app, database, config } = await createTestApp();
const admin = await buildPerson(database.db, { siteRole: "admin" });
const programme = await buildPerson(database.db, { siteRole: "programme" });
const member = await buildPerson(database.db);

async function signedIn(person: { email: string }) {
  const visitor = new Visitor(app as never);
  assert.equal((await visitor.signIn(person.email, FACTORY_PASSWORD)).status, 303);
  return visitor;
}

test("visitors are sent to sign in and members are refused with a reason", async () => {
  const visitor = new Visitor(app as never);
  const anonymous = await visitor.get("/admin/jobs");
  assert.equal(anonymous.status, 303);
  assert.match(anonymous.headers.get("location") ?? "", /^\/sign-in\?next=%2Fadmin%2Fjobs/);
  const refused = await (await signedIn(member)).get("/admin/jobs");
  assert.equal(refused.status, 403);
  assert.match(refused.html, /Only administrators and the programme team can see the background jobs\./);
});

test("before the queue has ever started the page says so", async () => {
  const page = await (await signedIn(admin)).get("/admin/jobs");
  assert.equal(page.status, 200);
  assert.match(page.html, /The job queue has not started yet/);
  assert.doesNotMatch(page.html, /<table/);
});

test("admins and the programme team see queues, schedules and failures", async () => {
  const jobs = createJobs({ config, database, pollingIntervalSeconds: 0.5 });
  await jobs.start();
  try {
    // Started, but nothing registered yet: each section has its own empty state.
    const empty = await (await signedIn(admin)).get("/admin/jobs");
    assert.match(empty.html, /No queues yet/);
    assert.match(empty.html, /Nothing runs on a schedule yet/);
    assert.match(empty.html, /No job has failed in the last 7 days/);
    await registerMaintenance(jobs, database.db, "*/15 * * * *");
    await jobs.register(
      "test.always-fails",
      async () => {
        throw new Error("SMTP said <no> & closed");
      },
      { retryLimit: 1, retryBackoff: false, retryDelay: 0 },
    );
    const id = await jobs.send("test.always-fails", {});
    for (let i = 0; i < 100; i++) {
      const result = (await database.db.execute(
        `select state from pgboss.job where id = '${id}'`,
      )) as unknown as { rows: { state: string }[] };
      if (result.rows[0]?.state === "failed") break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await jobs.stop();
  }

  for (const person of [admin, programme]) {
    const page = await (await signedIn(person)).get("/admin/jobs");
    assert.equal(page.status, 200);
    assert.match(page.html, /<h1>Background jobs<\/h1>/);
    assert.match(
      page.html,
      /<nav class="breadcrumbs"[^>]*><ol><li><a href="\/admin">Administration<\/a><\/li>/,
    );
    // Queues, with their counts.
    assert.match(page.html, /<td><code>maintenance.prune<\/code><\/td>/);
    assert.match(
      page.html,
      /<code>test.always-fails<\/code><\/td><td data-label="Queued">0<\/td><td data-label="Running">0<\/td><td data-label="Completed">0<\/td><td data-label="Failed">1<\/td>/,
    );
    assert.doesNotMatch(page.html, /__pgboss__/);
    // The schedule, in the organisation's zone.
    assert.match(
      page.html,
      /<code>\*\/15 \* \* \* \*<\/code><\/td><td data-label="Time zone">Europe\/London<\/td>/,
    );
    // The failure with its (escaped) message and both attempts.
    assert.match(
      page.html,
      /<td data-label="Error">SMTP said &lt;no&gt; &amp; closed<\/td><td data-label="Attempts">2<\/td>/,
    );
  }
});
