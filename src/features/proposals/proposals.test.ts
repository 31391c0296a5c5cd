import assert from "node:assert/strict";
import { test } from "node:test";
import { and, eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { actorFor, buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { activityEvents } from "../../platform/activity.js";
import { auditLog } from "../../platform/audit.js";
import { communities } from "../communities/tables.js";
import { memberships } from "../memberships/tables.js";
import { notifications } from "../notifications/tables.js";
import { createToken } from "../tokens/service.js";
import { proposalEvents, proposalInterest, proposals } from "./tables.js";

const { app, db } = await createTestApp();

const programme = await buildPerson(db, { name: "Pat Programme", siteRole: "programme" });
const admin = await buildPerson(db, { name: "Ada Admin", siteRole: "admin" });
const proposer = await buildPerson(db, { name: "Priya Proposer" });
const founder1 = await buildPerson(db, { name: "Femi Founder", skills: ["research software"] });
const founder2 = await buildPerson(db, { name: "Fran Founder" });
const sponsor = await buildPerson(db, { name: "Sam Sponsor" });
const fan = await buildPerson(db, { name: "Ivy Interested" });
const stranger = await buildPerson(db, { name: "Stan Stranger" });

// Sign-in is rate limited (ten a minute per address), so each person signs in once.
const sessions = new Map<string, Visitor>();
async function signedIn(person: { email: string }) {
  const known = sessions.get(person.email);
  if (known) return known;
  const visitor = new Visitor(app as never);
  const response = await visitor.signIn(person.email, FACTORY_PASSWORD);
  assert.equal(response.status, 303, `sign-in of ${person.email}`);
  sessions.set(person.email, visitor);
  return visitor;
}

const proposalFields = {
  name: "Research Software Engineering",
  practiceAreas: "Research Software, data pipelines",
  need: "People who write research code work alone.\nWe want to share practice.",
  audience: "Researchers and technicians who write code",
  foundingCore: `${founder1.handle}\n${founder2.email}`,
  sponsor: sponsor.handle,
  plannedActivities: "Monthly code clinic",
};

const noticesFor = (personId: string) =>
  db.select().from(notifications).where(eq(notifications.personId, personId));
const verbsOf = async (objectId: string) =>
  (await db.select().from(activityEvents).where(eq(activityEvents.objectId, objectId))).map((e) => e.verb);

let proposalId = "";

test("visitors are sent to sign in, and the directory offers to propose a community", async () => {
  const visitor = new Visitor(app as never);
  const page = await visitor.get("/communities/propose");
  assert.equal(page.status, 303);
  assert.match(page.headers.get("location") ?? "", /^\/sign-in\?next=/);
  assert.doesNotMatch((await visitor.get("/communities")).html, /href="\/communities\/propose"/);
  const member = await signedIn(proposer);
  const directory = await member.get("/communities");
  assert.match(directory.html, /href="\/communities\/propose"/);
  assert.doesNotMatch(directory.html, /Create a community/);
  assert.match((await member.get("/communities/propose")).html, /<h1>Propose a community<\/h1>/);
});

test("the form names the founding member it cannot find, and keeps everything typed", async () => {
  const visitor = await signedIn(proposer);
  const empty = await visitor.post("/communities/propose", { action: "submit", name: "", practiceAreas: "" });
  assert.equal(empty.status, 422);
  for (const field of ["name", "practiceAreas", "need", "audience"])
    assert.match(empty.html, new RegExp(`href="#field-${field}"`), field);
  assert.match(empty.html, /Enter a name for the community/);
  assert.match(empty.html, /<title>Error: Propose a community/);

  const unknown = await visitor.post("/communities/propose", {
    ...proposalFields,
    foundingCore: `${founder1.handle}, nobody-by-this-name`,
    sponsor: "ghost@example.org",
    action: "submit",
  });
  assert.equal(unknown.status, 422);
  assert.match(unknown.html, /could not find anyone with the handle or email address “nobody-by-this-name”/);
  assert.match(unknown.html, /“ghost@example.org”/);
  assert.match(unknown.html, /value="Research Software Engineering"/);
  assert.match(unknown.html, /Monthly code clinic/);
  assert.equal((await db.select().from(proposals)).length, 0);
});

test("the people finder works without JavaScript and with htmx", async () => {
  const visitor = await signedIn(proposer);
  const found = await visitor.post("/communities/propose", {
    ...proposalFields,
    foundingCore: "",
    find: "Femi",
    action: "find",
  });
  assert.equal(found.status, 200);
  assert.match(found.html, /Femi Founder/);
  assert.match(found.html, new RegExp(`name="addCore" value="${founder1.handle}"`));
  assert.match(found.html, /value="Research Software Engineering"/, "the rest of the form is kept");
  const added = await visitor.post("/communities/propose", {
    ...proposalFields,
    foundingCore: "",
    addCore: founder1.handle,
  });
  assert.equal(added.status, 200);
  assert.match(added.html, new RegExp(`>${founder1.handle}</textarea>`));
  assert.match(added.html, /Added @/);
  const live = await visitor.get(
    `/communities/propose/people?find=research+software&for=%2Fcommunities%2Fpropose`,
    {
      "hx-request": "true",
    },
  );
  assert.equal(live.status, 200);
  assert.match(live.html, /Femi Founder/);
  assert.doesNotMatch(live.html, /<html/, "a fragment, not a page");
});

test("a member proposes; the programme team is told; the directory lists it apart", async () => {
  const visitor = await signedIn(proposer);
  const sent = await visitor.post("/communities/propose", { ...proposalFields, action: "submit" });
  assert.equal(sent.status, 303);
  const [row] = await db.select().from(proposals);
  assert.ok(row);
  proposalId = row.id;
  assert.equal(sent.location, `/me/proposals/${proposalId}`);
  assert.equal(row.status, "submitted");
  assert.deepEqual(row.practiceAreas, ["research software", "data pipelines"]);
  assert.deepEqual(row.foundingCoreIds, [founder1.id, founder2.id]);
  assert.equal(row.suggestedSponsorId, sponsor.id);
  assert.deepEqual(await verbsOf(proposalId), ["proposal.submitted"]);
  for (const reviewer of [programme, admin]) {
    const notes = await noticesFor(reviewer.id);
    assert.ok(
      notes.some((n) => n.kind === "proposal.to_review" && n.url === `/admin/proposals/${proposalId}`),
    );
  }
  const mine = await visitor.get(`/me/proposals/${proposalId}`);
  assert.match(mine.html, /Under review/);
  assert.match(mine.html, /submitted the proposal/);
  assert.match((await visitor.get("/me/proposals")).html, /Research Software Engineering/);

  const directory = await (await signedIn(fan)).get("/communities");
  assert.match(directory.html, /Proposed communities/);
  assert.match(directory.html, /Research Software Engineering/);
  assert.match(directory.html, /Register interest/);
  const anonymous = await new Visitor(app as never).get("/communities");
  assert.match(anonymous.html, /Research Software Engineering/);
  assert.doesNotMatch(anonymous.html, /Priya Proposer/, "visitors do not learn who proposed it");
});

test("people register and withdraw interest, with and without htmx", async () => {
  const visitor = await signedIn(fan);
  const registered = await visitor.post(`/proposals/${proposalId}/interest`);
  assert.equal(registered.status, 303);
  await visitor.post(`/proposals/${proposalId}/interest`); // twice changes nothing
  assert.equal((await db.select().from(proposalInterest)).length, 1);
  const page = await visitor.get("/communities");
  assert.match(page.html, /1 person is interested/);
  assert.match(page.html, /Withdraw interest/);

  const withdrawn = await visitor.post(`/proposals/${proposalId}/interest/withdraw`);
  assert.equal(withdrawn.status, 303);
  assert.equal((await db.select().from(proposalInterest)).length, 0);

  // htmx swaps just the control.
  const response = await app.request(`/proposals/${proposalId}/interest`, {
    method: "POST",
    headers: {
      cookie: visitor.cookieHeader(),
      "hx-request": "true",
      "x-csrf-token": visitor.csrfToken,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: "",
  });
  assert.equal(response.status, 200);
  const fragment = await response.text();
  assert.match(fragment, /1 person is interested/);
  assert.match(fragment, /Withdraw interest/);
  assert.doesNotMatch(fragment, /<html/);
  const verbs = await verbsOf(proposalId);
  assert.equal(verbs.filter((v) => v === "proposal.interest_registered").length, 2);

  const own = await (await signedIn(proposer)).post(`/proposals/${proposalId}/interest`);
  assert.equal(own.status, 403, "the proposer is already counted in");
  const csrfless = await visitor.post(`/proposals/${proposalId}/interest`, {}, { csrf: false });
  assert.equal(csrfless.status, 403);
});

test("members cannot open the review, nor someone else's proposal", async () => {
  const visitor = await signedIn(stranger);
  assert.equal((await visitor.get("/admin/proposals")).status, 403);
  assert.equal((await visitor.get(`/admin/proposals/${proposalId}`)).status, 403);
  const other = await visitor.get(`/me/proposals/${proposalId}`);
  assert.equal(other.status, 403);
  assert.match(other.html, /Only the person who proposed this community/);
  assert.equal(
    (
      await visitor.post(`/admin/proposals/${proposalId}/approve`, {
        stage: "inquire",
        type: "professional",
        slug: "x",
      })
    ).status,
    403,
  );
  assert.equal((await visitor.post(`/me/proposals/${proposalId}/withdraw`)).status, 403);
  assert.equal((await visitor.get(`/admin/proposals/not-a-proposal`)).status, 403);
  assert.equal((await (await signedIn(programme)).get(`/admin/proposals/not-a-proposal`)).status, 404);
});

test("the programme team comments and asks for changes; the proposer changes and resubmits", async () => {
  const reviewer = await signedIn(programme);
  const list = await reviewer.get("/admin/proposals");
  assert.equal(list.status, 200);
  assert.match(list.html, /To review <span class="count-badge">1<\/span>/);
  assert.match(list.html, /Research Software Engineering/);
  const detail = await reviewer.get(`/admin/proposals/${proposalId}`);
  assert.match(detail.html, new RegExp(`href="/people/${founder1.handle}"`));
  assert.match(detail.html, new RegExp(`href="/people/${sponsor.handle}"`));

  assert.equal((await reviewer.post(`/admin/proposals/${proposalId}/comments`, { body: " " })).status, 422);
  const commented = await reviewer.post(`/admin/proposals/${proposalId}/comments`, {
    body: "Who else would join?",
  });
  assert.equal(commented.status, 303);

  const blank = await reviewer.post(`/admin/proposals/${proposalId}/request-changes`, { message: "" });
  assert.equal(blank.status, 422);
  assert.match(blank.html, /Say what needs to change/);
  const asked = await reviewer.post(`/admin/proposals/${proposalId}/request-changes`, {
    message: "Please name a sponsor from the research office.",
  });
  assert.equal(asked.status, 303);
  const [row] = await db.select().from(proposals).where(eq(proposals.id, proposalId));
  assert.equal(row?.status, "changes_requested");
  const told = await noticesFor(proposer.id);
  assert.ok(told.some((n) => n.kind === "proposal.reviewed" && n.url === `/me/proposals/${proposalId}`));
  const audits = await db.select().from(auditLog).where(eq(auditLog.targetId, proposalId));
  assert.deepEqual(
    audits.map((a) => a.action),
    ["proposal.changes_requested"],
  );

  const author = await signedIn(proposer);
  const mine = await author.get(`/me/proposals/${proposalId}`);
  assert.match(mine.html, /Please name a sponsor from the research office/);
  assert.match(mine.html, /Who else would join\?/);
  assert.match(mine.html, /Change and resubmit/);
  const form = await author.get(`/me/proposals/${proposalId}/edit`);
  assert.equal(form.status, 200);
  assert.match(form.html, new RegExp(`${founder1.handle}, ${founder2.handle}`));
  const bad = await author.post(`/me/proposals/${proposalId}/edit`, {
    ...proposalFields,
    sponsor: "nobody-here",
    action: "submit",
  });
  assert.equal(bad.status, 422);
  assert.match(bad.html, /nobody-here/);
  const resubmitted = await author.post(`/me/proposals/${proposalId}/edit`, {
    ...proposalFields,
    sponsor: sponsor.email,
    note: "Sam is in the research office.",
    action: "submit",
  });
  assert.equal(resubmitted.status, 303);
  const [after] = await db.select().from(proposals).where(eq(proposals.id, proposalId));
  assert.equal(after?.status, "submitted");
  assert.equal(
    (await author.get(`/me/proposals/${proposalId}/edit`)).status,
    403,
    "only while changes are asked for",
  );
  const events = await db.select().from(proposalEvents).where(eq(proposalEvents.proposalId, proposalId));
  assert.deepEqual(
    events.map((e) => e.kind),
    ["submitted", "comment", "changes_requested", "resubmitted"],
  );
  assert.deepEqual(await verbsOf(proposalId), [
    "proposal.submitted",
    "proposal.interest_registered",
    "proposal.interest_withdrawn",
    "proposal.interest_registered",
    "proposal.commented",
    "proposal.changes_requested",
    "proposal.resubmitted",
  ]);
});

test("approval creates the community with the proposer as convenor and invites the founding group", async () => {
  const reviewer = await signedIn(programme);
  const form = await reviewer.get(`/admin/proposals/${proposalId}/approve`);
  assert.match(form.html, /value="research-software-engineering"/);
  const bad = await reviewer.post(`/admin/proposals/${proposalId}/approve`, {
    stage: "grow",
    type: "professional",
    slug: "Bad Slug",
  });
  assert.equal(bad.status, 422);
  assert.match(bad.html, /href="#field-stage"/);
  assert.match(bad.html, /href="#field-slug"/);
  const approved = await reviewer.post(`/admin/proposals/${proposalId}/approve`, {
    stage: "design",
    type: "technology",
    slug: "rse",
    message: "Welcome aboard.",
  });
  assert.equal(approved.status, 303);
  const [community] = await db.select().from(communities).where(eq(communities.slug, "rse"));
  assert.ok(community);
  assert.equal(community.stage, "design");
  assert.equal(community.status, "active");
  assert.equal(community.type, "technology");
  assert.equal(community.proposalId, proposalId);
  assert.equal(community.activeSince, new Date().toISOString().slice(0, 10));
  assert.equal(community.memberCount, 1);
  const rows = await db.select().from(memberships).where(eq(memberships.communityId, community.id));
  const byPerson = new Map(rows.map((r) => [r.personId, r]));
  assert.equal(byPerson.get(proposer.id)?.role, "convenor");
  assert.equal(byPerson.get(proposer.id)?.state, "active");
  for (const founder of [founder1, founder2]) {
    assert.equal(byPerson.get(founder.id)?.role, "core");
    assert.equal(byPerson.get(founder.id)?.state, "invited");
    assert.equal(byPerson.get(founder.id)?.invitedById, programme.id);
    assert.ok(byPerson.get(founder.id)?.invitedAt, "invitedAt");
  }
  assert.equal(byPerson.get(sponsor.id)?.role, "sponsor");
  assert.equal(byPerson.get(sponsor.id)?.state, "invited");

  const [row] = await db.select().from(proposals).where(eq(proposals.id, proposalId));
  assert.equal(row?.status, "approved");
  assert.equal(row?.communityId, community.id);
  assert.equal(row?.approvedStage, "design");
  assert.ok(
    (await noticesFor(proposer.id)).some((n) => n.url === "/communities/rse"),
    "proposer told",
  );
  for (const founder of [founder1, founder2, sponsor])
    assert.ok(
      (await noticesFor(founder.id)).some(
        (n) => n.kind === "proposal.founding_invitation" && n.url === "/communities/rse",
      ),
      founder.name,
    );
  assert.ok(
    (await noticesFor(fan.id)).some((n) => n.kind === "proposal.community_opened"),
    "interested told",
  );
  const audit = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetId, proposalId), eq(auditLog.action, "proposal.approved")));
  assert.equal(audit.length, 1);
  assert.ok((await verbsOf(proposalId)).includes("proposal.approved"), "activity");

  // Approving again (a double click, or a second reviewer) creates nothing.
  const again = await reviewer.post(`/admin/proposals/${proposalId}/approve`, {
    stage: "inquire",
    type: "professional",
    slug: "rse-2",
  });
  assert.ok(again.status === 409 || again.status === 403, `status ${again.status}`);
  assert.equal((await db.select().from(communities).where(eq(communities.proposalId, proposalId))).length, 1);
  assert.equal((await reviewer.get(`/admin/proposals/${proposalId}/approve`)).status, 403);

  const mine = await (await signedIn(proposer)).get(`/me/proposals/${proposalId}`);
  assert.match(mine.html, /href="\/communities\/rse"/);
  const approvedTab = await reviewer.get("/admin/proposals?status=approved");
  assert.match(approvedTab.html, /Research Software Engineering/);
  assert.doesNotMatch((await reviewer.get("/communities")).html, /Register interest/, "no longer proposed");
});

test("decline needs a reason, tells the proposer, and is audited", async () => {
  const author = await signedIn(stranger);
  await author.post("/communities/propose", {
    ...proposalFields,
    name: "Knitting Circle",
    foundingCore: "",
    sponsor: "",
    action: "submit",
  });
  const [row] = await db.select().from(proposals).where(eq(proposals.name, "Knitting Circle"));
  assert.ok(row);
  const reviewer = await signedIn(admin);
  const confirm = await reviewer.get(`/admin/proposals/${row.id}/decline`);
  assert.match(confirm.html, /cannot be reopened/);
  assert.equal((await reviewer.post(`/admin/proposals/${row.id}/decline`, { message: "" })).status, 422);
  const declined = await reviewer.post(`/admin/proposals/${row.id}/decline`, {
    message: "A staff network already covers this.",
  });
  assert.equal(declined.status, 303);
  const [after] = await db.select().from(proposals).where(eq(proposals.id, row.id));
  assert.equal(after?.status, "declined");
  assert.equal(after?.decidedById, admin.id);
  const told = (await noticesFor(stranger.id)).find((n) => n.kind === "proposal.reviewed");
  assert.match(told?.body ?? "", /staff network/);
  assert.equal(
    (await db.select().from(auditLog).where(eq(auditLog.targetId, row.id)))[0]?.action,
    "proposal.declined",
  );
  const mine = await author.get(`/me/proposals/${row.id}`);
  assert.match(mine.html, /A staff network already covers this/);
  assert.doesNotMatch(mine.html, /Withdraw proposal/);
});

test("the proposer withdraws after a confirmation", async () => {
  const author = await signedIn(fan);
  await author.post("/communities/propose", {
    ...proposalFields,
    name: "Bee Keepers",
    foundingCore: "",
    sponsor: "",
    action: "submit",
  });
  const [row] = await db.select().from(proposals).where(eq(proposals.name, "Bee Keepers"));
  assert.ok(row);
  const confirm = await author.get(`/me/proposals/${row.id}/withdraw`);
  assert.match(confirm.html, /Withdraw “Bee Keepers”\?/);
  assert.equal((await author.post(`/me/proposals/${row.id}/withdraw`)).status, 303);
  const [after] = await db.select().from(proposals).where(eq(proposals.id, row.id));
  assert.equal(after?.status, "withdrawn");
  assert.equal((await author.post(`/me/proposals/${row.id}/withdraw`)).status, 403);
  assert.ok((await verbsOf(row.id)).includes("proposal.withdrawn"));
});

test("hostile input is rendered inert everywhere", async () => {
  const author = await signedIn(founder2);
  const hostile = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
  const sent = await author.post("/communities/propose", {
    ...proposalFields,
    name: `Evil ${hostile}`.slice(0, 80),
    need: hostile,
    foundingCore: "",
    sponsor: "",
    action: "submit",
  });
  assert.equal(sent.status, 303);
  for (const [visitor, path] of [
    [author, "/communities"],
    [author, sent.location ?? ""],
    [await signedIn(programme), "/admin/proposals"],
  ] as const) {
    const page = await visitor.get(path);
    assert.doesNotMatch(page.html, /<script>alert/, path);
    assert.doesNotMatch(page.html, /<img src=x/, path);
  }
  const reviewer = await signedIn(programme);
  const [row] = await db.select().from(proposals).where(eq(proposals.proposerId, founder2.id));
  const detail = await reviewer.get(`/admin/proposals/${row?.id}`);
  assert.match(detail.html, /&lt;script&gt;/);
  const bad = await author.post("/communities/propose", {
    ...proposalFields,
    foundingCore: "<b>bold</b>",
    action: "submit",
  });
  assert.equal(bad.status, 422);
  assert.doesNotMatch(bad.html, /<b>bold<\/b>/);
});

test("the API: propose, list, review, resubmit, approve once, interest and withdraw", async () => {
  const token = async (person: { id: string }) =>
    (await createToken(db, await actorFor(db, person.id), { name: "api test" })).secret;
  const [authorToken, reviewerToken, otherToken] = await Promise.all([
    token(sponsor),
    token(programme),
    token(fan),
  ]);
  const call = async (path: string, secret: string | null, method = "GET", body?: unknown) => {
    const headers: Record<string, string> = {};
    if (secret) headers.authorization = `Bearer ${secret}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await app.request(`/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: response.status, // biome-ignore lint/suspicious/noExplicitAny: test reads of JSON answers.
      json: (await response.json()) as Record<string, any>,
    };
  };
  const body = {
    name: "Accessibility Champions",
    practiceAreas: ["Accessibility"],
    need: "Shared testing practice",
    audience: "Everyone who publishes",
    foundingCore: [founder1.handle, "no-such-person"],
  };
  assert.equal((await call("/proposals", null, "POST", body)).status, 401);
  const unknown = await call("/proposals", authorToken, "POST", body);
  assert.equal(unknown.status, 422);
  assert.match(unknown.json.detail, /no-such-person/);
  const invalid = await call("/proposals", authorToken, "POST", { ...body, name: "", foundingCore: [] });
  assert.equal(invalid.status, 422);
  assert.ok(invalid.json.errors.some((e: { field: string }) => e.field === "name"));
  const created = await call("/proposals", authorToken, "POST", { ...body, foundingCore: [founder1.email] });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  const id = created.json.id as string;
  assert.equal(created.json.status, "submitted");
  assert.deepEqual(created.json.foundingCore, [{ handle: founder1.handle, name: founder1.name }]);

  const own = await call("/proposals", authorToken);
  assert.deepEqual(
    own.json.data.map((p: { id: string }) => p.id),
    [id],
    "people list their own",
  );
  const all = await call("/proposals?status=submitted", reviewerToken);
  assert.ok(all.json.data.some((p: { id: string }) => p.id === id));
  assert.equal((await call("/proposals?status=bogus", reviewerToken)).status, 422);
  assert.equal((await call(`/proposals/${id}`, otherToken)).status, 403);
  assert.equal((await call(`/proposals/${id}`, authorToken)).status, 200);

  assert.equal((await call(`/proposals/${id}/interest`, otherToken, "POST")).json.interestCount, 1);
  assert.equal((await call(`/proposals/${id}/interest`, otherToken, "DELETE")).json.interestCount, 0);
  assert.equal((await call(`/proposals/${id}/interest`, authorToken, "POST")).status, 403);

  assert.equal(
    (await call(`/proposals/${id}/decision`, otherToken, "POST", { decision: "approve" })).status,
    403,
  );
  const noMessage = await call(`/proposals/${id}/decision`, reviewerToken, "POST", {
    decision: "request_changes",
  });
  assert.equal(noMessage.status, 422);
  const asked = await call(`/proposals/${id}/decision`, reviewerToken, "POST", {
    decision: "request_changes",
    message: "Add a planned activity",
  });
  assert.equal(asked.json.status, "changes_requested");
  const commented = await call(`/proposals/${id}/comments`, authorToken, "POST", { body: "Will do" });
  assert.equal(commented.status, 201);
  const patched = await call(`/proposals/${id}`, authorToken, "PATCH", {
    plannedActivities: "Audit clinic",
    note: "Added",
  });
  assert.equal(patched.status, 200, JSON.stringify(patched.json));
  assert.equal(patched.json.status, "submitted");
  assert.equal(patched.json.name, "Accessibility Champions", "fields left out keep their value");
  assert.equal(patched.json.plannedActivities, "Audit clinic");
  const approved = await call(`/proposals/${id}/decision`, reviewerToken, "POST", {
    decision: "approve",
    stage: "inquire",
  });
  assert.equal(approved.status, 200, JSON.stringify(approved.json));
  assert.deepEqual(approved.json.community, {
    slug: "accessibility-champions",
    name: "Accessibility Champions",
  });
  const twice = await call(`/proposals/${id}/decision`, reviewerToken, "POST", {
    decision: "approve",
    slug: "other",
  });
  assert.equal(twice.status, 409);
  assert.equal((await db.select().from(communities).where(eq(communities.proposalId, id))).length, 1);
  assert.equal((await call(`/proposals/${id}/withdraw`, authorToken, "POST")).status, 403);

  const spare = await call("/proposals", authorToken, "POST", {
    ...body,
    name: "Spare Idea",
    foundingCore: [],
  });
  const withdrawn = await call(`/proposals/${spare.json.id}/withdraw`, authorToken, "POST");
  assert.equal(withdrawn.json.status, "withdrawn");
  assert.ok(withdrawn.json.events.some((e: { kind: string }) => e.kind === "withdrawn"));

  const document = (await (await app.request("/api/openapi.json")).json()) as {
    paths: Record<string, unknown>;
  };
  for (const path of [
    "/v1/proposals",
    "/v1/proposals/{id}",
    "/v1/proposals/{id}/decision",
    "/v1/proposals/{id}/interest",
  ])
    assert.ok(
      Object.keys(document.paths).some((p) => p.endsWith(path)),
      path,
    );
});
