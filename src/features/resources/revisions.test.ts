import assert from "node:assert/strict";
import { test } from "node:test";
import { asc, eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { actorFor, buildCommunity, buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { buildResource } from "../../../test/support/resource-factories.js";
import { activityEvents } from "../../platform/activity.js";
import { ResourceConflict, restoreRevision, saveRevision } from "./service.js";
import { resourceRevisions, resources } from "./tables.js";

const { app, db } = await createTestApp();

const owner = await buildPerson(db, { name: "Cora Core" });
const editor = await buildPerson(db, { name: "Eddie Editor" });
const convenor = await buildPerson(db, { name: "Cara Convenor" });
const outsider = await buildPerson(db, { name: "Olu Outsider" });
const programme = await buildPerson(db, { name: "Pat Programme", siteRole: "programme" });
const payroll = await buildCommunity(db, {
  name: "Payroll Practitioners",
  slug: "payroll",
  members: [
    { personId: owner.id, role: "core" },
    { personId: editor.id },
    { personId: convenor.id, role: "convenor" },
  ],
});
const closed = await buildCommunity(db, { status: "closed", members: [{ personId: editor.id }] });

const sessions = new Map<string, Visitor>();
async function as(person: { email: string }) {
  const known = sessions.get(person.email);
  if (known) return known;
  const visitor = new Visitor(app as never);
  assert.equal((await visitor.signIn(person.email, FACTORY_PASSWORD)).status, 303);
  sessions.set(person.email, visitor);
  return visitor;
}

const rowOf = async (id: string) => (await db.select().from(resources).where(eq(resources.id, id)))[0]!;
const revisionsOf = (id: string) =>
  db
    .select()
    .from(resourceRevisions)
    .where(eq(resourceRevisions.resourceId, id))
    .orderBy(asc(resourceRevisions.number));

const editFields = (revision: number, overrides: Record<string, string> = {}) => ({
  revision: String(revision),
  kind: "tip_sheet",
  title: "Running a good handover",
  summary: "What to write down before you go on leave.",
  body: "1. List open cases.\n2. Name who decides in your absence.",
  externalUrl: "",
  tags: "handover",
  reviewBy: "",
  note: "Tidied",
  ...overrides,
});

test("an edit is a new revision with its note; the edit form carries the revision it started from", async () => {
  const resource = await buildResource(db, payroll.id, { ownerId: owner.id });
  const form = await (await as(editor)).get(`/resources/${resource.id}/edit`);
  assert.equal(form.status, 200);
  assert.match(form.html, /name="revision" value="1"/);
  assert.match(form.html, /What changed\?/);
  assert.match(form.html, /Running a good handover/);

  const saved = await (await as(editor)).post(
    `/resources/${resource.id}/edit`,
    editFields(1, { body: "1. List open cases.\n2. Name a deputy.", note: "Named a deputy" }),
  );
  assert.equal(saved.status, 303);
  const row = await rowOf(resource.id);
  assert.equal(row.revision, 2);
  assert.equal(row.body, "1. List open cases.\n2. Name a deputy.");
  assert.equal(row.lastEditedById, editor.id);
  const revisions = await revisionsOf(resource.id);
  assert.deepEqual(
    revisions.map((r) => [r.number, r.note, r.authorId]),
    [
      [1, "First version", owner.id],
      [2, "Named a deputy", editor.id],
    ],
  );
  const activity = await db.select().from(activityEvents).where(eq(activityEvents.objectId, resource.id));
  assert.deepEqual(
    activity.map((a) => a.verb),
    ["resource.revised"],
  );

  // The note is asked for, and a 422 keeps what was typed.
  const noNote = await (await as(editor)).post(
    `/resources/${resource.id}/edit`,
    editFields(2, { note: "", body: "Typed ✓" }),
  );
  assert.equal(noNote.status, 422);
  assert.match(noNote.html, /Say briefly what you changed/);
  assert.match(noNote.html, /Typed ✓/);
  assert.match(noNote.html, /name="revision" value="2"/);
});

test("who may edit: members and the programme team; not outsiders, not in a closed community", async () => {
  const resource = await buildResource(db, payroll.id, { ownerId: owner.id });
  assert.equal((await (await as(outsider)).get(`/resources/${resource.id}/edit`)).status, 403);
  assert.equal(
    (await (await as(outsider)).post(`/resources/${resource.id}/edit`, editFields(1))).status,
    403,
  );
  assert.equal((await (await as(programme)).get(`/resources/${resource.id}/edit`)).status, 200);
  const old = await buildResource(db, closed.id, { ownerId: editor.id });
  assert.equal((await (await as(editor)).get(`/resources/${old.id}/edit`)).status, 403);
  const archived = await buildResource(db, payroll.id, { ownerId: editor.id, status: "archived" });
  assert.equal((await (await as(editor)).get(`/resources/${archived.id}/edit`)).status, 403);
  assert.equal((await (await as(convenor)).get(`/resources/${archived.id}/edit`)).status, 200);
});

test("a save over someone else's is a 409 showing their change beside yours; nothing is overwritten", async () => {
  const resource = await buildResource(db, payroll.id, { ownerId: owner.id });
  // Both open the editor at revision 1; the editor saves first.
  await (await as(owner)).get(`/resources/${resource.id}/edit`);
  const first = await (await as(editor)).post(
    `/resources/${resource.id}/edit`,
    editFields(1, {
      body: "1. List open cases.\n2. Name who decides in your absence.\n3. Set an out-of-office.",
      note: "Out-of-office step",
    }),
  );
  assert.equal(first.status, 303);

  const mine = "1. List every open case with its next date.\n2. Name who decides in your absence.";
  const clash = await (await as(owner)).post(
    `/resources/${resource.id}/edit`,
    editFields(1, { body: mine, note: "More detail" }),
  );
  assert.equal(clash.status, 409);
  assert.match(clash.html, /Someone else saved this resource while you were editing/);
  assert.match(clash.html, /Eddie Editor/);
  assert.match(clash.html, /Out-of-office step/);
  // Their change (against the revision this editor started from), marked without relying on colour.
  assert.match(clash.html, /<ins><span class="visually-hidden">\[added: <\/span>[^<]*Set an out-of-office/);
  // Your typed text is kept in the form, and the next save starts from their revision.
  assert.match(clash.html, /List every open case with its next date/);
  assert.match(clash.html, /name="revision" value="2"/);
  assert.match(clash.html, new RegExp(`href="/resources/${resource.id}"[^>]*>discard my changes`));
  let row = await rowOf(resource.id);
  assert.equal(row.revision, 2);
  assert.match(row.body, /out-of-office/);

  // Saving mine on top of theirs, after bringing their step in.
  const merged = `${mine}\n3. Set an out-of-office.`;
  const again = await (await as(owner)).post(
    `/resources/${resource.id}/edit`,
    editFields(2, { body: merged, note: "More detail" }),
  );
  assert.equal(again.status, 303);
  row = await rowOf(resource.id);
  assert.equal(row.revision, 3);
  assert.equal(row.body, merged);
  assert.equal((await revisionsOf(resource.id)).length, 3);
});

test("the service refuses a stale base and writes nothing; two saves racing: one wins, one is told", async () => {
  const resource = await buildResource(db, payroll.id, { ownerId: owner.id });
  const a = await actorFor(db, owner.id);
  const b = await actorFor(db, editor.id);
  const draft = (body: string) => ({
    kind: "tip_sheet" as const,
    title: resource.title,
    summary: "",
    body,
    externalUrl: "",
    tags: [],
    note: "race",
    baseRevision: 1,
  });
  const results = await Promise.allSettled([
    saveRevision(db, a, resource.id, draft("A's text")),
    saveRevision(db, b, resource.id, draft("B's text")),
  ]);
  const won = results.filter((r) => r.status === "fulfilled");
  const lost = results.filter((r) => r.status === "rejected");
  assert.equal(won.length, 1);
  assert.equal(lost.length, 1);
  const reason = (lost[0] as PromiseRejectedResult).reason;
  assert.ok(reason instanceof ResourceConflict, String(reason));
  assert.equal(reason.latest.number, 2);
  assert.equal((await rowOf(resource.id)).revision, 2);
  assert.equal((await revisionsOf(resource.id)).length, 2);
});

test("history lists every revision; any two can be compared as a word diff of each field", async () => {
  const resource = await buildResource(db, payroll.id, { ownerId: owner.id, tags: ["handover"] });
  const a = await actorFor(db, owner.id);
  const base = { kind: "tip_sheet" as const, summary: resource.summary, externalUrl: "" };
  await saveRevision(db, a, resource.id, {
    ...base,
    title: "Running a good handover",
    body: "1. List open cases.\n2. Name a deputy.",
    tags: ["handover"],
    note: "Deputy",
    baseRevision: 1,
  });
  await saveRevision(db, a, resource.id, {
    ...base,
    title: "Handing over before leave",
    body: "1. List open cases.\n2. Name a deputy.\n3. Tell the team.",
    tags: ["handover", "leave"],
    note: "Renamed",
    baseRevision: 2,
  });

  const history = await (await as(editor)).get(`/resources/${resource.id}/history`);
  assert.equal(history.status, 200);
  for (const n of [1, 2, 3]) assert.match(history.html, new RegExp(`Revision ${n}`));
  assert.match(history.html, /“Renamed”/);
  assert.match(history.html, /name="from"/);
  assert.match(history.html, new RegExp(`href="/resources/${resource.id}/revisions/1/restore"`));
  assert.doesNotMatch(
    (await (await as(outsider)).get(`/resources/${resource.id}/history`)).html,
    /revisions\/1\/restore/,
    "outsiders may read the history but not restore",
  );

  const compare = await (await as(editor)).get(`/resources/${resource.id}/compare?from=1&to=3`);
  assert.equal(compare.status, 200);
  assert.match(compare.html, /Revision 1 compared with revision 3/);
  assert.match(compare.html, /<h3>Title<\/h3>/);
  assert.match(compare.html, /<del><span class="visually-hidden">\[removed: <\/span>Running a good handover/);
  assert.match(compare.html, /<ins><span class="visually-hidden">\[added: <\/span>Handing over before leave/);
  assert.match(compare.html, /Tell the team/);
  assert.match(compare.html, /<h3>Tags<\/h3>/);
  assert.match(compare.html, /No change to: Kind, Summary, Link\./);
  // Backwards works too, and the same revision compares as equal.
  assert.equal((await (await as(editor)).get(`/resources/${resource.id}/compare?from=3&to=1`)).status, 200);
  assert.match(
    (await (await as(editor)).get(`/resources/${resource.id}/compare?from=2&to=2`)).html,
    /The two versions are the same/,
  );
});

test("restoring asks first, then writes a new revision from the old one; history is never rewritten", async () => {
  const resource = await buildResource(db, payroll.id, { ownerId: owner.id });
  const a = await actorFor(db, owner.id);
  await saveRevision(db, a, resource.id, {
    kind: "tip_sheet",
    title: "Running a bad handover",
    summary: "",
    body: "Just leave.",
    externalUrl: "",
    tags: [],
    note: "Oops",
    baseRevision: 1,
  });

  const confirm = await (await as(editor)).get(`/resources/${resource.id}/revisions/1/restore`);
  assert.equal(confirm.status, 200);
  assert.match(confirm.html, /Restore revision 1\?/);
  assert.match(confirm.html, /saved as revision 3/);
  assert.equal(
    (await (await as(outsider)).post(`/resources/${resource.id}/revisions/1/restore`)).status,
    403,
  );

  const done = await (await as(editor)).post(`/resources/${resource.id}/revisions/1/restore`);
  assert.equal(done.status, 303);
  const row = await rowOf(resource.id);
  assert.equal(row.revision, 3);
  assert.equal(row.title, "Running a good handover");
  assert.equal(row.body, resource.body);
  const revisions = await revisionsOf(resource.id);
  assert.deepEqual(
    revisions.map((r) => [r.number, r.title, r.restoredFrom]),
    [
      [1, "Running a good handover", null],
      [2, "Running a bad handover", null],
      [3, "Running a good handover", 1],
    ],
  );
  const verbs = (await db.select().from(activityEvents).where(eq(activityEvents.objectId, resource.id))).map(
    (e) => e.verb,
  );
  assert.ok(verbs.includes("resource.restored"));
  // Restoring the current text again is refused, politely.
  await assert.rejects(restoreRevision(db, a, resource.id, 3), /already the current text/);
  const history = await (await as(editor)).get(`/resources/${resource.id}/history`);
  assert.match(history.html, /Restored from revision 1\./);
});
