import assert from "node:assert/strict";
import { test } from "node:test";
import { and, eq, inArray } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { buildEvent } from "../../../test/support/event-factories.js";
import { actorFor, buildCommunity, buildPerson } from "../../../test/support/factories.js";
import { signInOnce } from "../../../test/support/signed-in.js";
import { activityEvents } from "../../platform/activity.js";
import { anonymous, can } from "../../platform/policy.js";
import type { PageContext } from "../../ui/page-context.js";
import { notifications } from "../notifications/tables.js";
import { createToken } from "../tokens/service.js";
import { eventTarget, loadEvent } from "./load.js";
import { parseLinkLines } from "./outputs-inputs.js";
import { saveOutputs } from "./outputs-service.js";
import { events } from "./tables.js";
import { OutputsSection } from "./views/outputs-section.js";

const { app, db } = await createTestApp();

const convenor = await buildPerson(db, { name: "Cora Convenor" });
const core = await buildPerson(db, { name: "Cal Core" });
const member = await buildPerson(db, { name: "Mo Member" });
const goer = await buildPerson(db, { name: "Gia Going" });
const leaver = await buildPerson(db, { name: "Lee Leaver" });
const outsider = await buildPerson(db, { name: "Olu Outsider" });
const programme = await buildPerson(db, { name: "Pat Programme", siteRole: "programme" });

const community = await buildCommunity(db, {
  name: "HR Operations",
  contentAccess: "members",
  members: [
    { personId: convenor.id, role: "convenor" },
    { personId: core.id, role: "core" },
    { personId: member.id },
    { personId: goer.id },
  ],
});

const hour = 3_600_000;
const past = () =>
  buildEvent(db, community.id, {
    title: "Payroll roundtable",
    startsAt: new Date(Date.now() - 48 * hour),
    endsAt: new Date(Date.now() - 46 * hour),
    // The leaver said they were going, then left the members-only community.
    going: [member.id, goer.id, leaver.id],
  });

const signedIn = signInOnce(app, { openHome: true });

const goodForm = {
  notes: "## What we agreed\n\n- Move the cut-off to the 20th",
  recordingUrl: "",
  recordingExpected: "yes",
  slidesUrl: "https://slides.example.org/payroll",
  links: "Survey results | https://example.org/survey\nChecklist | https://example.org/checklist",
  topics: "payroll, cut-off, Payroll",
};

test("only organisers and the programme team open and save the outputs form", async () => {
  const event = await past();
  const path = `/events/${event.id}/outputs`;
  const visitor = new Visitor(app as never);
  const anonymousGet = await visitor.get(path);
  assert.equal(anonymousGet.status, 303);
  assert.match(anonymousGet.headers.get("location") ?? "", /^\/sign-in/);
  for (const person of [member, outsider, leaver]) {
    const v = await signedIn(person);
    assert.equal((await v.get(path)).status, 403, `${person.name} may not open the form`);
    assert.equal((await v.post(path, goodForm)).status, 403, `${person.name} may not save`);
  }
  for (const person of [convenor, core, programme]) {
    const v = await signedIn(person);
    const page = await v.get(path);
    assert.equal(page.status, 200, `${person.name} opens the form`);
    assert.match(page.html, /name="_csrf"/);
    assert.match(page.html, /<label for="field-recordingExpected">/);
  }
  const saved = await (await signedIn(programme)).post(path, goodForm);
  assert.equal(saved.status, 303);
  assert.equal(saved.location, `/events/${event.id}#outputs`);
  assert.equal((await (await signedIn(member)).get(`/events/no-such-event/outputs`)).status, 404);
});

test("a wrong field answers 422 with what was typed and says which link line is wrong", async () => {
  const event = await past();
  const v = await signedIn(convenor);
  const response = await v.post(`/events/${event.id}/outputs`, {
    ...goodForm,
    notes: "Typed notes <kept>",
    recordingUrl: "javascript:alert(1)",
    slidesUrl: "http://insecure.example.org",
    links: "Good | https://example.org\nno bar here\nBad | javascript:alert(1)",
    topics: Array.from({ length: 16 }, (_, i) => `topic ${i}`).join(", "),
  });
  assert.equal(response.status, 422);
  assert.match(response.html, /There is a problem/);
  assert.match(response.html, /Line 2 \(“no bar here”\)/);
  assert.match(response.html, /Enter the recording address starting with https:\/\//);
  assert.match(response.html, /Enter the slides address starting with https:\/\//);
  assert.match(response.html, /Add at most 15 tags/);
  assert.match(response.html, /Typed notes &lt;kept&gt;/);
  assert.match(response.html, /value="javascript:alert\(1\)"/, "the typed value is kept, as text");
  assert.match(response.html, /no bar here/);
  const [row] = await db.select().from(events).where(eq(events.id, event.id));
  assert.equal(row!.outputsUpdatedAt, null, "nothing was saved");

  assert.deepEqual(parseLinkLines("A | https://a.example\n\nB | https://b.example"), {
    links: [
      { label: "A", url: "https://a.example" },
      { label: "B", url: "https://b.example" },
    ],
  });
  assert.match(
    (parseLinkLines("A | https://a.example\n\nB | data:text/html,x") as { error: string }).error,
    /^Line 3/,
  );
});

test("preview renders the notes without JavaScript, sanitised, and keeps the form", async () => {
  const event = await past();
  const v = await signedIn(convenor);
  const response = await v.post(`/events/${event.id}/outputs`, {
    ...goodForm,
    notes: "**Bold** <script>alert(1)</script> [x](javascript:alert(2))",
    action: "preview",
  });
  assert.equal(response.status, 200);
  assert.match(response.html, /Preview of the notes/);
  assert.match(response.html, /<strong>Bold<\/strong>/);
  assert.doesNotMatch(response.html, /<script>alert\(1\)/);
  assert.doesNotMatch(response.html, /href="javascript:/);
  const [row] = await db.select().from(events).where(eq(events.id, event.id));
  assert.equal(row!.outputsUpdatedAt, null, "a preview saves nothing");
});

test("saving records activity, leaves the sequence alone and tells people going once per kind", async () => {
  const event = await past();
  const v = await signedIn(convenor);
  const path = `/events/${event.id}/outputs`;
  assert.equal((await v.post(path, goodForm)).status, 303);
  const [saved] = await db.select().from(events).where(eq(events.id, event.id));
  assert.equal(saved!.sequence, event.sequence);
  assert.ok(saved!.outputsUpdatedAt);
  assert.equal(saved!.recordingExpected, true);
  assert.deepEqual(saved!.topics, ["payroll", "cut-off"]);
  assert.equal(
    saved!.links,
    "Survey results | https://example.org/survey\nChecklist | https://example.org/checklist",
  );

  const told = async () =>
    db
      .select({ personId: notifications.personId, output: notifications.data })
      .from(notifications)
      .where(
        and(
          eq(notifications.kind, "event.outputs_ready"),
          eq(notifications.url, `/events/${event.id}#outputs`),
        ),
      );
  let rows = await told();
  const outputsFor = (personId: string) =>
    rows
      .filter((r) => r.personId === personId)
      .map((r) => String(r.output?.output))
      .sort();
  assert.deepEqual(outputsFor(member.id), ["notes", "slides"]);
  assert.deepEqual(outputsFor(goer.id), ["notes", "slides"]);
  assert.deepEqual(outputsFor(leaver.id), [], "someone who can no longer see the event is not told");
  assert.deepEqual(outputsFor(convenor.id), [], "the organiser who saved is not told");

  // The recording arrives: only that is news. Saving again tells nobody anything.
  assert.equal(
    (await v.post(path, { ...goodForm, recordingUrl: "https://video.example.org/1" })).status,
    303,
  );
  rows = await told();
  assert.deepEqual(outputsFor(member.id), ["notes", "recording", "slides"]);
  await db.update(notifications).set({ readAt: new Date() });
  assert.equal(
    (await v.post(path, { ...goodForm, notes: "Edited", recordingUrl: "https://video.example.org/1" }))
      .status,
    303,
  );
  rows = await told();
  assert.equal(rows.length, 6);

  const verbs = await db
    .select({ verb: activityEvents.verb })
    .from(activityEvents)
    .where(
      and(
        eq(activityEvents.objectId, event.id),
        inArray(activityEvents.verb, ["event.outputs_added", "event.outputs_updated"]),
      ),
    )
    .orderBy(activityEvents.id);
  assert.deepEqual(
    verbs.map((r) => r.verb),
    ["event.outputs_added", "event.outputs_updated", "event.outputs_updated"],
  );
  const [after] = await db.select().from(events).where(eq(events.id, event.id));
  assert.equal(after!.recordingExpected, false, "a recording link replaces the promise");
});

test("before the event a recording can be promised, and nobody is told yet", async () => {
  const event = await buildEvent(db, community.id, { going: [member.id] });
  const actor = await actorFor(db, convenor.id);
  const result = await saveOutputs(db, actor, await loadEvent(db, event.id), {
    notes: "Agenda to follow",
    recordingUrl: "",
    recordingExpected: true,
    slidesUrl: "",
    links: [],
    topics: [],
  });
  assert.deepEqual(result, { first: true, announced: [] });
  const rows = await db.select().from(notifications).where(eq(notifications.personId, member.id));
  assert.equal(rows.filter((r) => r.url.startsWith(`/events/${event.id}`)).length, 0);
});

async function renderSection(eventId: string, personId: string | null, now = new Date()) {
  const loaded = await loadEvent(db, eventId);
  const actor = personId ? await actorFor(db, personId) : anonymous;
  const ctx: PageContext = {
    actor,
    csrfToken: "token",
    orgName: "Northfield University",
    path: `/events/${eventId}`,
    flash: null,
    requestId: "test",
    signUp: true,
  };
  const node = OutputsSection({
    ctx,
    loaded,
    data: null,
    canManage: can(actor, "event.manage", eventTarget(loaded, now)),
    now,
  });
  return node === null ? "" : String(await node.toString());
}

test("the event page's outputs section: sanitised notes, safe links, coming soon, nothing before", async () => {
  const event = await past();
  await db
    .update(events)
    .set({
      notes: "Hello <script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3))",
      recordingExpected: true,
      // Written around the form: the section must still not print these as links.
      slidesUrl: "javascript:alert(4)",
      links: "Evil | javascript:alert(5)\nGood | https://example.org/good\nno label",
      topics: ["payroll", "<b>bold</b>"],
      outputsUpdatedAt: new Date(),
    })
    .where(eq(events.id, event.id));
  const html = await renderSection(event.id, member.id);
  assert.match(html, /id="outputs"/);
  assert.match(html, /Recording coming soon/);
  // Hostile markup stays visible text; nothing becomes an element or a link.
  assert.doesNotMatch(html, /<script|<img/);
  assert.match(html, /&lt;img src=x onerror=alert\(2\)&gt;/);
  assert.doesNotMatch(html, /href="javascript:/);
  assert.match(html, /<a href="https:\/\/example.org\/good" rel="noopener noreferrer">Good<\/a>/);
  assert.doesNotMatch(html, /Evil/);
  assert.match(html, /&lt;b&gt;bold&lt;\/b&gt;/);
  assert.doesNotMatch(html, /Edit notes and recording/, "members do not see the organisers' link");
  assert.match(await renderSection(event.id, convenor.id), /Edit notes and recording/);

  await db
    .update(events)
    .set({ recordingUrl: "https://video.example.org/2", recordingExpected: false })
    .where(eq(events.id, event.id));
  const withRecording = await renderSection(event.id, member.id);
  assert.match(
    withRecording,
    /<a href="https:\/\/video.example.org\/2" rel="noopener noreferrer">Watch the recording<\/a>/,
  );
  assert.doesNotMatch(withRecording, /coming soon/);

  const bare = await past();
  assert.equal(await renderSection(bare.id, member.id), "", "nothing for members when nothing was added");
  assert.match(await renderSection(bare.id, convenor.id), /Add notes and recording/);
  const upcoming = await buildEvent(db, community.id, {});
  assert.equal(
    await renderSection(upcoming.id, convenor.id),
    "",
    "nothing at all before an event without outputs",
  );
});

test("API: read for those who can see the event, write for organisers, https only", async () => {
  const event = await past();
  const tokenOf = async (personId: string) =>
    (await createToken(db, await actorFor(db, personId), { name: "Script" })).secret;
  const call = (method: string, path: string, secret: string | null, body?: unknown) =>
    app.request(`/api/v1${path}`, {
      method,
      headers: {
        ...(secret ? { authorization: `Bearer ${secret}` } : {}),
        ...(body ? { "content-type": "application/json" } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
  const path = `/events/${event.id}/outputs`;
  const memberToken = await tokenOf(member.id);
  const convenorToken = await tokenOf(convenor.id);
  assert.equal((await call("GET", path, null)).status, 401);
  assert.equal((await call("GET", path, await tokenOf(outsider.id))).status, 403);
  assert.equal((await call("GET", "/events/nope/outputs", memberToken)).status, 404);
  const read = await call("GET", path, memberToken);
  assert.equal(read.status, 200);
  assert.equal(((await read.json()) as { notes: string }).notes, "");

  const body = {
    notes: "Notes",
    recordingUrl: "https://video.example.org/3",
    links: [{ label: "Survey", url: "https://example.org/s" }],
    topics: ["Payroll", "payroll", "Year end"],
  };
  assert.equal((await call("PUT", path, memberToken, body)).status, 403);
  const bad = await call("PUT", path, convenorToken, {
    ...body,
    links: [{ label: "X", url: "javascript:alert(1)" }],
  });
  assert.equal(bad.status, 422);
  const problem = (await bad.json()) as { errors: { field: string }[] };
  assert.ok(problem.errors.some((e) => e.field === "links.0.url"));
  const saved = await call("PUT", path, convenorToken, body);
  assert.equal(saved.status, 200);
  const json = (await saved.json()) as {
    links: unknown;
    topics: string[];
    recordingUrl: string;
    outputsUpdatedAt: string;
  };
  assert.deepEqual(json.links, body.links);
  assert.deepEqual(json.topics, ["payroll", "year end"]);
  assert.ok(json.outputsUpdatedAt);
  const programmeToken = await tokenOf(programme.id);
  assert.equal((await call("PUT", path, programmeToken, { notes: "By the programme team" })).status, 200);
});

test("very long notes are refused with a 422 that keeps them; a cancelled event takes no outputs", async () => {
  const event = await past();
  const v = await signedIn(convenor);
  const response = await v.post(`/events/${event.id}/outputs`, {
    ...goodForm,
    notes: `start ${"n".repeat(50_001)}`,
  });
  assert.equal(response.status, 422);
  assert.match(response.html, /Keep the notes to 50,000 characters or fewer/);
  assert.match(response.html, />start n/);
  await db.update(events).set({ status: "cancelled" }).where(eq(events.id, event.id));
  const cancelled = await v.post(`/events/${event.id}/outputs`, goodForm);
  assert.equal(cancelled.status, 422);
  assert.match(cancelled.html, /This event was cancelled/);
});

test("the event page shows the outputs, and organisers the way to add them", async () => {
  const event = await past();
  const page = await (await signedIn(convenor)).get(`/events/${event.id}`);
  assert.equal(page.status, 200);
  assert.match(page.html, new RegExp(`href="/events/${event.id}/outputs"[^>]*>Add notes and recording`));
  assert.equal((await (await signedIn(convenor)).post(`/events/${event.id}/outputs`, goodForm)).status, 303);
  const seen = await (await signedIn(member)).get(`/events/${event.id}`);
  assert.match(seen.html, /<h3>What we agreed<\/h3>/);
  assert.match(seen.html, /Recording coming soon/);
  assert.match(
    seen.html,
    /<a href="https:\/\/example.org\/survey" rel="noopener noreferrer">Survey results<\/a>/,
  );
  assert.doesNotMatch(seen.html, /Edit notes and recording/);
});
