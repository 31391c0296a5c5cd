import assert from "node:assert/strict";
import { test } from "node:test";
import { and, eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { actorFor, buildCommunity, buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { COMMUNITY_ID, person, community as targetOf } from "../../../test/support/policy-matrix.js";
import { activityEvents } from "../../platform/activity.js";
import { authRateLimits } from "../../platform/auth/tables.js";
import type { AppError } from "../../platform/errors.js";
import { type Actor, decide } from "../../platform/policy.js";
import { charterVersions } from "../charter/tables.js";
import { communities } from "../communities/tables.js";
import { notifications } from "../notifications/tables.js";
import { divisions } from "../organisation/tables.js";
import { people } from "../people/tables.js";
import { createToken } from "../tokens/service.js";
import { joinCommunity, requestToJoin } from "./service.js";
import { memberships } from "./tables.js";

const { app, db } = await createTestApp();

const hostile = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

const [division] = await db.insert(divisions).values({ slug: "hr", name: "Human Resources" }).returning();
const convenor = await buildPerson(db, { name: "Cora Convenor" });
const secondConvenor = await buildPerson(db, { name: "Cai Convenor" });
const core = await buildPerson(db, { name: "Kit Core" });
const member = await buildPerson(db, { name: "Mo Member" });
const outsider = await buildPerson(db, { name: "Olu Outsider" });
const asker = await buildPerson(db, { name: "Ash Asker" });
const decliner = await buildPerson(db, { name: "Dee Declined" });
const withdrawer = await buildPerson(db, { name: "Wyn Withdrawer" });
const invitee = await buildPerson(db, { name: "Ivy Invitee", email: "ivy.invitee@example.org" });
const refuser = await buildPerson(db, { name: "Rex Refuser" });
const programme = await buildPerson(db, { name: "Pat Programme", siteRole: "programme" });
await db
  .update(people)
  .set({ jobTitle: "Payroll officer", divisionId: division!.id })
  .where(eq(people.id, asker.id));

// Sign-in is rate-limited per address (ten a minute): each person signs in once, and the counters
// are cleared first, since every in-process visitor shares one address.
const visitors = new Map<string, Visitor>();
async function signedIn(who: { email: string }) {
  const known = visitors.get(who.email);
  if (known) return known;
  await db.delete(authRateLimits);
  const visitor = new Visitor(app as never);
  const response = await visitor.signIn(who.email, FACTORY_PASSWORD);
  assert.equal(response.status, 303, `sign-in of ${who.email}`);
  visitors.set(who.email, visitor);
  return visitor;
}

async function tokenFor(who: { id: string }) {
  return (await createToken(db, await actorFor(db, who.id), { name: "joining" })).secret;
}

async function call(path: string, options: { token?: string; method?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await app.request(path, {
    method: options.method ?? "GET",
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    json: (text ? JSON.parse(text) : null) as Record<string, unknown> & { data?: Record<string, unknown>[] },
  };
}

async function rowOf(communityId: string, personId: string) {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.personId, personId)));
  return row ?? null;
}

async function countOf(communityId: string) {
  const [row] = await db
    .select({ memberCount: communities.memberCount })
    .from(communities)
    .where(eq(communities.id, communityId));
  return row?.memberCount;
}

async function noticesFor(personId: string, kind: string) {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.personId, personId), eq(notifications.kind, kind)));
}

async function verbsIn(communityId: string) {
  return (await db.select().from(activityEvents).where(eq(activityEvents.communityId, communityId))).map(
    (e) => e.verb,
  );
}

async function writeCodeOfConduct(communityId: string, text: string) {
  await db
    .insert(charterVersions)
    .values({ communityId, version: 1, codeOfConduct: text, authorId: convenor.id });
}

const leaders = [
  { personId: convenor.id, role: "convenor" as const },
  { personId: core.id, role: "core" as const },
  { personId: member.id, role: "member" as const },
];

const open = await buildCommunity(db, { name: "Payroll Practitioners", slug: "payroll", members: leaders });
await writeCodeOfConduct(open.id, `Be **kind**. ${hostile}`);
const openNoCode = await buildCommunity(db, { name: "Open Door", slug: "open-door", members: leaders });
const asking = await buildCommunity(db, {
  name: "Research Leads",
  slug: "research-leads",
  joinPolicy: "request",
  joiningQuestion: "What would you like to get from the community?",
  members: [...leaders, { personId: secondConvenor.id, role: "convenor" }],
});
await writeCodeOfConduct(asking.id, "Listen first.");
const inviteOnly = await buildCommunity(db, {
  name: "Inner Circle",
  slug: "inner-circle",
  joinPolicy: "invite",
  members: leaders,
});

test("an open community's join page asks for the code of conduct and how involved to be", async () => {
  const visitor = await signedIn(outsider);
  const header = await visitor.get("/communities/payroll");
  assert.match(header.html, /href="\/communities\/payroll\/join"[^>]*>\s*Join community/);

  const page = await visitor.get("/communities/payroll/join");
  assert.equal(page.status, 200);
  assert.match(page.html, /<h1>Join Payroll Practitioners<\/h1>/);
  assert.match(page.html, /Be <strong>kind<\/strong>/);
  assert.doesNotMatch(page.html, /<script>alert|<img src=x/, "the code of conduct is rendered inert");
  assert.match(page.html, /I have read and accept the code of conduct/);
  assert.match(page.html, /Follow the round-up only/);

  const refused = await visitor.post("/communities/payroll/join", { involvement: "help_run" });
  assert.equal(refused.status, 422);
  assert.match(refused.html, /href="#field-acceptCodeOfConduct"/);
  assert.match(refused.html, /id="field-acceptCodeOfConduct-error"/);
  assert.match(refused.html, /value="help_run" checked/, "the choice is kept");
  assert.equal(await rowOf(open.id, outsider.id), null);

  const before = await countOf(open.id);
  const joined = await visitor.post("/communities/payroll/join", {
    involvement: "help_run",
    acceptCodeOfConduct: "yes",
  });
  assert.equal(joined.status, 303);
  const row = await rowOf(open.id, outsider.id);
  assert.equal(row?.state, "active");
  assert.equal(row?.involvement, "help_run");
  assert.ok(row?.codeOfConductAcceptedAt instanceof Date);
  assert.equal(await countOf(open.id), (before ?? 0) + 1);
  const after = await visitor.get("/communities/payroll");
  assert.match(after.html, /You are a member/);
  assert.match(after.html, /href="\/communities\/payroll\/membership"/);
  assert.match(after.html, /Leave community/);
  assert.equal((await noticesFor(convenor.id, "community.member_joined")).length, 1);

  // A double submission and the join page itself change nothing for a member.
  await visitor.post("/communities/payroll/join", { acceptCodeOfConduct: "yes" });
  assert.equal(await countOf(open.id), (before ?? 0) + 1);
  assert.equal((await visitor.get("/communities/payroll/join")).status, 303);

  // Leaving and joining again keeps the same row.
  await visitor.post("/communities/payroll/leave", { reason: "" });
  assert.equal(await countOf(open.id), before);
  await visitor.post("/communities/payroll/join", { acceptCodeOfConduct: "yes", involvement: "follow" });
  const rows = await db.select().from(memberships).where(eq(memberships.personId, outsider.id));
  assert.equal(rows.filter((r) => r.communityId === open.id).length, 1);
  assert.equal((await rowOf(open.id, outsider.id))?.state, "active");
  assert.equal(await countOf(open.id), (before ?? 0) + 1);
  await visitor.post("/communities/payroll/leave", { reason: "" });
});

test("without a code of conduct the page says so, and the bare no-JS form still joins", async () => {
  const visitor = await signedIn(outsider);
  const page = await visitor.get("/communities/open-door/join");
  assert.match(page.html, /has not written a code of conduct yet/);
  assert.doesNotMatch(page.html, /I have read and accept/);
  assert.equal((await visitor.post("/communities/open-door/join")).status, 303);
  assert.equal((await rowOf(openNoCode.id, outsider.id))?.involvement, "take_part");
  await visitor.post("/communities/open-door/leave", { reason: "" });
});

test("asking to join: question and code of conduct, convenors told, approve once, person told", async () => {
  const visitor = await signedIn(asker);
  const header = await visitor.get("/communities/research-leads");
  assert.match(header.html, />\s*Request to join/);
  const page = await visitor.get("/communities/research-leads/join");
  assert.match(page.html, /Ask to join Research Leads/);
  assert.match(page.html, /What would you like to get from the community\?/);
  assert.match(page.html, /Listen first/);

  const missing = await visitor.post("/communities/research-leads/join", {
    acceptCodeOfConduct: "yes",
    involvement: "follow",
  });
  assert.equal(missing.status, 422);
  assert.match(missing.html, /href="#field-answer"/);
  const tooLong = await visitor.post("/communities/research-leads/join", {
    acceptCodeOfConduct: "yes",
    answer: "x".repeat(1001),
  });
  assert.equal(tooLong.status, 422);
  assert.match(tooLong.html, /under 1,000 characters/);
  const noCode = await visitor.post("/communities/research-leads/join", { answer: "To learn" });
  assert.equal(noCode.status, 422);
  assert.match(noCode.html, /To learn<\/textarea>/, "the answer is kept");

  const before = await countOf(asking.id);
  const sent = await visitor.post("/communities/research-leads/join", {
    acceptCodeOfConduct: "yes",
    involvement: "follow",
    answer: `To learn ${hostile}`,
  });
  assert.equal(sent.status, 303);
  const requested = await rowOf(asking.id, asker.id);
  assert.equal(requested?.state, "requested");
  assert.ok(requested?.requestedAt);
  assert.equal(await countOf(asking.id), before, "a request is not a member");
  const pending = await visitor.get("/communities/research-leads");
  assert.match(pending.html, /Request sent/);
  assert.match(pending.html, /Withdraw request/);
  assert.match((await visitor.get("/me/invitations")).html, /Research Leads/);

  const told = await noticesFor(convenor.id, "membership.request_received");
  assert.equal(told.length, 1);
  assert.equal(told[0]?.url, "/communities/research-leads/requests");
  assert.equal((await noticesFor(secondConvenor.id, "membership.request_received")).length, 1);
  assert.equal((await noticesFor(member.id, "membership.request_received")).length, 0);

  const reviewer = await signedIn(convenor);
  const review = await reviewer.get("/communities/research-leads/requests");
  assert.equal(review.status, 200);
  assert.match(review.html, /Ash Asker/);
  assert.match(review.html, /Payroll officer, Human Resources/);
  assert.match(review.html, /To learn &lt;script&gt;/);
  assert.doesNotMatch(review.html, /<script>alert/);

  const approved = await reviewer.post(`/communities/research-leads/requests/${asker.handle}/approve`, {
    message: `Welcome aboard ${hostile}`,
  });
  assert.equal(approved.status, 303);
  const row = await rowOf(asking.id, asker.id);
  assert.equal(row?.state, "active");
  assert.equal(row?.role, "member");
  assert.equal(row?.involvement, "follow");
  assert.equal(row?.decidedById, convenor.id);
  assert.match(row?.decisionMessage ?? "", /^Welcome aboard/);
  assert.equal(await countOf(asking.id), (before ?? 0) + 1);
  const answer = await noticesFor(asker.id, "membership.request_decided");
  assert.equal(answer.length, 1);
  assert.match(answer[0]?.title ?? "", /approved your request to join Research Leads/);
  assert.match(answer[0]?.body ?? "", /Welcome aboard/);
  const inbox = await visitor.get("/me/notifications");
  assert.doesNotMatch(inbox.html, /<script>alert/);

  // Approving twice does nothing.
  const twice = await reviewer.post(`/communities/research-leads/requests/${asker.handle}/approve`, {});
  assert.equal(twice.status, 303);
  assert.equal(await countOf(asking.id), (before ?? 0) + 1);
  assert.match((await reviewer.get("/communities/research-leads/requests")).html, /already been answered/);
  const verbs = await verbsIn(asking.id);
  assert.equal(verbs.filter((v) => v === "membership.approved").length, 1);
  assert.ok(verbs.includes("membership.requested"));
  assert.equal(verbs.filter((v) => v === "community.joined").length, 1);
});

test("declining a request keeps the message; a withdrawn request cannot be approved", async () => {
  const before = await countOf(asking.id);
  const declined = await signedIn(decliner);
  await declined.post("/communities/research-leads/join", { acceptCodeOfConduct: "yes", answer: "Curious" });
  const reviewer = await signedIn(convenor);
  const tooLong = await reviewer.post(`/communities/research-leads/requests/${decliner.handle}/decline`, {
    message: "x".repeat(1001),
  });
  assert.equal(tooLong.status, 422);
  assert.match(tooLong.html, new RegExp(`href="#field-message-${decliner.handle}"`));
  assert.match(tooLong.html, new RegExp(`id="field-message-${decliner.handle}-error"`));
  assert.equal((await rowOf(asking.id, decliner.id))?.state, "requested");
  const response = await reviewer.post(`/communities/research-leads/requests/${decliner.handle}/decline`, {
    message: "We are full this term",
  });
  assert.equal(response.status, 303);
  const row = await rowOf(asking.id, decliner.id);
  assert.equal(row?.state, "left");
  assert.equal(row?.decisionMessage, "We are full this term");
  assert.equal(row?.decidedById, convenor.id);
  const notice = (await noticesFor(decliner.id, "membership.request_decided"))[0];
  assert.match(notice?.title ?? "", /declined your request/);
  assert.equal(notice?.body, "We are full this term");
  // They may ask again later.
  assert.match((await declined.get("/communities/research-leads")).html, /Request to join/);

  const withdraws = await signedIn(withdrawer);
  await withdraws.post("/communities/research-leads/join", { acceptCodeOfConduct: "yes", answer: "Hello" });
  const confirm = await withdraws.get("/communities/research-leads/request/withdraw");
  assert.match(confirm.html, /Withdraw your request to join Research Leads\?/);
  assert.equal((await withdraws.post("/communities/research-leads/request/withdraw")).status, 303);
  assert.equal((await rowOf(asking.id, withdrawer.id))?.state, "left");
  await reviewer.post(`/communities/research-leads/requests/${withdrawer.handle}/approve`, {});
  assert.equal((await rowOf(asking.id, withdrawer.id))?.state, "left", "a withdrawn request stays withdrawn");
  assert.equal(await countOf(asking.id), before);
  const verbs = await verbsIn(asking.id);
  assert.ok(verbs.includes("membership.declined"));
  assert.ok(verbs.includes("membership.request_withdrawn"));
});

test("requests and joins go by the join policy, with the reason when refused", async () => {
  const outsiderActor = await actorFor(db, outsider.id);
  await assert.rejects(
    requestToJoin(db, outsiderActor, open, { acceptCodeOfConduct: true }),
    (error: AppError) => error.status === 403 && /join it directly/.test(error.userMessage),
  );
  await assert.rejects(
    joinCommunity(db, outsiderActor, asking, { acceptCodeOfConduct: true }),
    (error: AppError) => error.status === 403 && /request to join/.test(error.userMessage),
  );
  const visitor = await signedIn(outsider);
  const invite = await visitor.post("/communities/inner-circle/join", { acceptCodeOfConduct: "yes" });
  assert.equal(invite.status, 403);
  assert.match(invite.html, /invite only/);
  assert.equal((await visitor.get("/communities/inner-circle/join")).status, 403);
  assert.match(
    (await visitor.get("/communities/inner-circle")).html,
    /Invite only: ask one of the convenors/,
  );
  const anonymous = new Visitor(app as never);
  assert.match((await anonymous.get("/communities/research-leads")).html, /Sign in to join/);
  assert.equal((await anonymous.get("/communities/research-leads/join")).status, 303);
});

test("requested and invited people: what the rules let them do", () => {
  const as = (state: "requested" | "invited"): Actor => {
    const actor = person("member");
    return actor.kind === "person"
      ? { ...actor, memberships: new Map([[COMMUNITY_ID, { role: "core" as const, state }]]) }
      : actor;
  };
  const asked = targetOf({ joinPolicy: "request" });
  assert.equal(decide(as("requested"), "membership.withdraw", asked).allowed, true);
  assert.equal(decide(as("requested"), "membership.request", asked).allowed, false);
  assert.equal(decide(as("requested"), "membership.respond", asked).allowed, false);
  assert.equal(
    decide(as("requested"), "community.viewContent", targetOf({ contentAccess: "members" })).allowed,
    false,
  );
  const invited = targetOf({ joinPolicy: "invite" });
  assert.equal(decide(as("invited"), "membership.respond", invited).allowed, true);
  assert.equal(decide(as("invited"), "membership.respond", { ...invited, status: "closed" }).allowed, false);
  assert.equal(decide(as("invited"), "membership.request", asked).allowed, false);
  assert.equal(decide(as("invited"), "membership.review", invited).allowed, false);
  assert.equal(decide(as("invited"), "community.leave", invited).allowed, false);
});

test("who may review requests and invite: pages and API", async () => {
  const cases = [
    { who: member, allowed: false },
    { who: core, allowed: false },
    { who: outsider, allowed: false },
    { who: convenor, allowed: true },
    { who: programme, allowed: true },
  ];
  for (const { who, allowed } of cases) {
    const visitor = await signedIn(who);
    const page = await visitor.get("/communities/inner-circle/requests");
    assert.equal(page.status, allowed ? 200 : 403, `${who.name} on the requests page`);
    if (!allowed) assert.match(page.html, /Only the convenors of Inner Circle and the programme team/);
    const token = await tokenFor(who);
    const list = await call("/api/v1/communities/inner-circle/requests", { token });
    assert.equal(list.status, allowed ? 200 : 403, `${who.name} on the requests API`);
    if (!allowed) assert.equal(list.type, "application/problem+json");
    const invite = await call("/api/v1/communities/inner-circle/invitations", {
      token,
      method: "POST",
      body: { person: "nobody-here", role: "member" },
    });
    assert.equal(invite.status, allowed ? 422 : 403, `${who.name} inviting`);
    const form = await visitor.post("/communities/inner-circle/invitations", {
      person: refuser.handle,
      role: "member",
    });
    if (!allowed) assert.equal(form.status, 403);
  }
  // The programme team's invitation above went through; take it back for the tests below.
  await db
    .delete(memberships)
    .where(and(eq(memberships.communityId, inviteOnly.id), eq(memberships.personId, refuser.id)));
  const anonymous = new Visitor(app as never);
  assert.equal((await anonymous.get("/communities/inner-circle/requests")).status, 303);
  assert.equal((await call("/api/v1/communities/inner-circle/requests")).status, 401);
  // Closed communities take no new members, so nobody reviews anything there.
  const closed = await buildCommunity(db, { status: "closed", members: leaders, joinPolicy: "request" });
  assert.equal((await (await signedIn(convenor)).get(`/communities/${closed.slug}/requests`)).status, 403);
});

test("inviting someone: search without JavaScript, choose a role, they accept and keep it", async () => {
  const reviewer = await signedIn(convenor);
  const byName = await reviewer.get("/communities/inner-circle/requests?q=ivy");
  assert.match(byName.html, /Ivy Invitee/);
  assert.match(
    byName.html,
    new RegExp(`/communities/inner-circle/invitations/new\\?person=${invitee.handle}`),
  );
  const byEmail = await reviewer.get("/communities/inner-circle/requests?q=IVY.INVITEE%40example.org");
  assert.match(byEmail.html, /Ivy Invitee/);
  const byHandle = await reviewer.get(`/communities/inner-circle/requests?q=${invitee.handle}`);
  assert.match(byHandle.html, /Ivy Invitee/);
  const already = await reviewer.get("/communities/inner-circle/requests?q=Mo%20Member");
  assert.match(already.html, /Already a member/);
  const nobody = await reviewer.get(`/communities/inner-circle/requests?q=${encodeURIComponent(hostile)}`);
  assert.match(nobody.html, /Nobody matches/);
  assert.doesNotMatch(nobody.html, /<script>alert/);

  const form = await reviewer.get(`/communities/inner-circle/invitations/new?person=${invitee.handle}`);
  assert.match(form.html, /Invite Ivy Invitee to Inner Circle/);
  const noRole = await reviewer.post("/communities/inner-circle/invitations", {
    person: invitee.handle,
    role: "convenor",
    message: "Kept message",
  });
  assert.equal(noRole.status, 422);
  assert.match(noRole.html, /Kept message<\/textarea>/);
  const memberAgain = await reviewer.post("/communities/inner-circle/invitations", {
    person: member.handle,
    role: "member",
  });
  assert.equal(memberAgain.status, 422);
  assert.match(memberAgain.html, /Mo Member is already a member of Inner Circle/);
  const unknown = await reviewer.post("/communities/inner-circle/invitations", {
    person: "no-such-person",
    role: "member",
  });
  assert.equal(unknown.status, 422);
  assert.match(unknown.html, /could not find anyone/);

  const before = await countOf(inviteOnly.id);
  const sent = await reviewer.post("/communities/inner-circle/invitations", {
    person: invitee.handle,
    role: "core",
    message: `Come and help ${hostile}`,
  });
  assert.equal(sent.status, 303);
  let row = await rowOf(inviteOnly.id, invitee.id);
  assert.equal(row?.state, "invited");
  assert.equal(row?.role, "core");
  assert.equal(row?.invitedById, convenor.id);
  assert.ok(row?.invitedAt);
  assert.equal(await countOf(inviteOnly.id), before);
  const notice = (await noticesFor(invitee.id, "membership.invitation_received"))[0];
  assert.equal(notice?.url, "/me/invitations");
  assert.match(
    (await reviewer.get("/communities/inner-circle/requests")).html,
    /Invited as a core member by Cora Convenor/,
  );

  const visitor = await signedIn(invitee);
  const header = await visitor.get("/communities/inner-circle");
  assert.match(header.html, /You are invited to join as a core member/);
  assert.match(header.html, /href="\/communities\/inner-circle\/join"[^>]*>\s*Accept/);
  assert.match(header.html, /href="\/communities\/inner-circle\/invitation\/decline"/);
  const mine = await visitor.get("/me/invitations");
  assert.match(mine.html, /Cora Convenor invited you to join as a core member/);
  assert.match(mine.html, /Come and help &lt;script&gt;/);
  assert.doesNotMatch(mine.html, /<script>alert/);

  const page = await visitor.get("/communities/inner-circle/join");
  assert.match(page.html, /Accept your invitation to Inner Circle/);
  assert.match(page.html, /Cora Convenor invited you to join as a core member/);
  const accepted = await visitor.post("/communities/inner-circle/join", { involvement: "help_run" });
  assert.equal(accepted.status, 303);
  row = await rowOf(inviteOnly.id, invitee.id);
  assert.equal(row?.state, "active");
  assert.equal(row?.role, "core", "the invited role is kept");
  assert.equal(await countOf(inviteOnly.id), (before ?? 0) + 1);
  assert.match((await visitor.get("/communities/inner-circle")).html, /You are in the core team/);
  assert.ok((await verbsIn(inviteOnly.id)).includes("membership.invitation_accepted"));
});

test("declining and cancelling invitations", async () => {
  const reviewer = await signedIn(convenor);
  await reviewer.post("/communities/inner-circle/invitations", { person: refuser.handle, role: "sponsor" });
  const visitor = await signedIn(refuser);
  const confirm = await visitor.get("/communities/inner-circle/invitation/decline");
  assert.match(confirm.html, /Decline the invitation to Inner Circle\?/);
  assert.equal((await visitor.post("/communities/inner-circle/invitation/decline")).status, 303);
  assert.equal((await rowOf(inviteOnly.id, refuser.id))?.state, "left");
  const told = await noticesFor(convenor.id, "membership.invitation_declined");
  assert.equal(told.length, 1);
  assert.match(told[0]?.title ?? "", /Rex Refuser declined your invitation/);

  await reviewer.post("/communities/inner-circle/invitations", { person: refuser.handle, role: "member" });
  assert.equal(
    (await rowOf(inviteOnly.id, refuser.id))?.state,
    "invited",
    "a declined person can be invited again",
  );
  const cancelPage = await reviewer.get(`/communities/inner-circle/invitations/${refuser.handle}/cancel`);
  assert.match(cancelPage.html, /Cancel the invitation to Rex Refuser\?/);
  await reviewer.post(`/communities/inner-circle/invitations/${refuser.handle}/cancel`);
  assert.equal((await rowOf(inviteOnly.id, refuser.id))?.state, "left");
  assert.doesNotMatch((await visitor.get("/communities/inner-circle")).html, /You are invited/);
  assert.equal((await visitor.post("/communities/inner-circle/invitation/decline")).status, 403);
  const verbs = await verbsIn(inviteOnly.id);
  assert.ok(verbs.includes("membership.invitation_declined"));
  assert.ok(verbs.includes("membership.invitation_cancelled"));
});

test("the API: join or request by policy, review, invite, accept and decline", async () => {
  const newcomer = await buildPerson(db, { name: "Nia Newcomer" });
  const guest = await buildPerson(db, { name: "Gil Guest" });
  const newcomerToken = await tokenFor(newcomer);
  const guestToken = await tokenFor(guest);
  const convenorToken = await tokenFor(convenor);

  const noCode = await call("/api/v1/communities/payroll/membership", {
    token: newcomerToken,
    method: "POST",
  });
  assert.equal(noCode.status, 422);
  assert.equal(noCode.type, "application/problem+json");
  assert.deepEqual(
    (noCode.json.errors as { field: string }[]).map((e) => e.field),
    ["acceptCodeOfConduct"],
  );
  const joined = await call("/api/v1/communities/payroll/membership", {
    token: newcomerToken,
    method: "POST",
    body: { acceptCodeOfConduct: true, involvement: "follow" },
  });
  assert.equal(joined.status, 201);
  assert.equal(joined.json.state, "active");
  assert.equal(joined.json.involvement, "follow");

  const requested = await call("/api/v1/communities/research-leads/membership", {
    token: newcomerToken,
    method: "POST",
    body: { acceptCodeOfConduct: true, answer: "Better grant bids" },
  });
  assert.equal(requested.status, 202, JSON.stringify(requested.json));
  assert.equal(requested.json.state, "requested");
  const list = await call("/api/v1/communities/research-leads/requests", { token: convenorToken });
  assert.equal(list.status, 200);
  const request = list.json.data?.find((r) => (r.person as { handle: string }).handle === newcomer.handle);
  assert.equal(request?.answer, "Better grant bids");
  const before = await countOf(asking.id);
  const approve = `/api/v1/communities/research-leads/requests/${newcomer.handle}/approve`;
  assert.equal(
    (await call(approve, { token: convenorToken, method: "POST", body: { message: "Hi" } })).status,
    204,
  );
  const again = await call(approve, { token: convenorToken, method: "POST" });
  assert.equal(again.status, 409);
  assert.match(String(again.json.detail), /already answered or withdrawn/);
  assert.equal(await countOf(asking.id), (before ?? 0) + 1);
  assert.equal(
    (
      await call(`/api/v1/communities/research-leads/requests/${newcomer.handle}/approve`, {
        token: guestToken,
        method: "POST",
      })
    ).status,
    403,
  );

  const refused = await call("/api/v1/communities/inner-circle/membership", {
    token: guestToken,
    method: "POST",
  });
  assert.equal(refused.status, 403);
  assert.match(String(refused.json.detail), /invite only/);
  const memberInvite = await call("/api/v1/communities/inner-circle/invitations", {
    token: convenorToken,
    method: "POST",
    body: { person: member.handle, role: "core" },
  });
  assert.equal(memberInvite.status, 422);
  assert.match(String(memberInvite.json.detail), /already a member/);
  const invited = await call("/api/v1/communities/inner-circle/invitations", {
    token: convenorToken,
    method: "POST",
    body: { person: guest.email, role: "sponsor", message: "Would you sponsor us?" },
  });
  assert.equal(invited.status, 201, JSON.stringify(invited.json));
  assert.equal(invited.json.role, "sponsor");
  const invitations = await call("/api/v1/communities/inner-circle/invitations", { token: convenorToken });
  assert.ok(invitations.json.data?.some((i) => (i.person as { handle: string }).handle === guest.handle));
  const mine = await call("/api/v1/me/memberships", { token: guestToken });
  assert.deepEqual(
    mine.json.data?.map((m) => m.state),
    ["invited"],
  );
  const accepted = await call("/api/v1/communities/inner-circle/invitation/accept", {
    token: guestToken,
    method: "POST",
    body: { involvement: "take_part" },
  });
  assert.equal(accepted.status, 201);
  assert.equal(accepted.json.role, "sponsor");
  assert.equal(accepted.json.state, "active");
  assert.equal(
    (await call("/api/v1/communities/inner-circle/invitation/decline", { token: guestToken, method: "POST" }))
      .status,
    403,
  );

  await call("/api/v1/communities/inner-circle/invitations", {
    token: convenorToken,
    method: "POST",
    body: { person: newcomer.handle, role: "member" },
  });
  const cancel = `/api/v1/communities/inner-circle/invitations/${newcomer.handle}`;
  assert.equal((await call(cancel, { token: guestToken, method: "DELETE" })).status, 403);
  assert.equal((await call(cancel, { token: convenorToken, method: "DELETE" })).status, 204);
  assert.equal((await call(cancel, { token: convenorToken, method: "DELETE" })).status, 404);
  await call("/api/v1/communities/inner-circle/invitations", {
    token: convenorToken,
    method: "POST",
    body: { person: newcomer.handle, role: "member" },
  });
  assert.equal(
    (
      await call("/api/v1/communities/inner-circle/invitation/decline", {
        token: newcomerToken,
        method: "POST",
      })
    ).status,
    204,
  );
  assert.equal((await rowOf(inviteOnly.id, newcomer.id))?.state, "left");

  const openapi = await call("/api/openapi.json");
  const paths = Object.keys(openapi.json.paths as object);
  for (const path of [
    "/api/v1/communities/{slug}/requests",
    "/api/v1/communities/{slug}/requests/{handle}/approve",
    "/api/v1/communities/{slug}/requests/{handle}/decline",
    "/api/v1/communities/{slug}/invitations",
    "/api/v1/communities/{slug}/invitations/{handle}",
    "/api/v1/communities/{slug}/invitation/accept",
    "/api/v1/communities/{slug}/invitation/decline",
  ])
    assert.ok(paths.includes(path), `${path} is documented`);
});

test("invitations made by a proposal (written directly) are accepted in their role", async () => {
  const founder = await buildPerson(db, { name: "Fen Founder" });
  const founded = await buildCommunity(db, {
    joinPolicy: "invite",
    members: [{ personId: convenor.id, role: "convenor" }],
  });
  await db.insert(memberships).values({
    communityId: founded.id,
    personId: founder.id,
    role: "core",
    state: "invited",
    invitedAt: new Date(),
  });
  const visitor = await signedIn(founder);
  assert.match(
    (await visitor.get(`/communities/${founded.slug}`)).html,
    /You are invited to join as a core member/,
  );
  assert.match(
    (await visitor.get("/me/invitations")).html,
    /The convenors invited you to join as a core member/,
  );
  assert.equal((await visitor.post(`/communities/${founded.slug}/join`, {})).status, 303);
  const row = await rowOf(founded.id, founder.id);
  assert.equal(row?.state, "active");
  assert.equal(row?.role, "core");
  assert.equal(await countOf(founded.id), 2);
});

test("people on a break can leave, and the break ends with the membership; the last convenor stays", async () => {
  const rester = await buildPerson(db, { name: "Rae Rester" });
  const place = await buildCommunity(db, {
    members: [
      { personId: convenor.id, role: "convenor" },
      { personId: rester.id, role: "member" },
    ],
  });
  await db
    .update(memberships)
    .set({ state: "on_break", breakUntil: "2030-03-01", breakStartedAt: new Date() })
    .where(and(eq(memberships.communityId, place.id), eq(memberships.personId, rester.id)));
  const visitor = await signedIn(rester);
  const header = await visitor.get(`/communities/${place.slug}`);
  assert.match(header.html, /On a break until 1 March 2030/);
  assert.match((await visitor.get(`/communities/${place.slug}/leave`)).html, /Leave /);
  assert.equal((await visitor.post(`/communities/${place.slug}/leave`, { reason: "Too busy" })).status, 303);
  const row = await rowOf(place.id, rester.id);
  assert.equal(row?.state, "left");
  assert.equal(row?.breakUntil, null);
  assert.equal(row?.leaveReason, "Too busy");
  assert.equal(await countOf(place.id), 1);

  const last = await signedIn(convenor);
  const refused = await last.post(`/communities/${place.slug}/leave`, { reason: "" });
  assert.equal(refused.status, 422);
  assert.match(refused.html, /only convenor/);
  assert.equal((await rowOf(place.id, convenor.id))?.state, "active");
});

test("closed and proposed communities offer nothing to join", async () => {
  const closed = await buildCommunity(db, {
    status: "closed",
    members: [{ personId: convenor.id, role: "convenor" }],
  });
  const proposed = await buildCommunity(db, { status: "proposed" });
  const visitor = await signedIn(outsider);
  const closedPage = await visitor.get(`/communities/${closed.slug}`);
  assert.doesNotMatch(closedPage.html, /Join community|Request to join|Sign in to join/);
  assert.equal((await visitor.get(`/communities/${closed.slug}/join`)).status, 403);
  const proposedPage = await visitor.get(`/communities/${proposed.slug}`);
  assert.match(proposedPage.html, /Proposed: not open to members yet/);
  const anonymous = new Visitor(app as never);
  assert.doesNotMatch((await anonymous.get(`/communities/${closed.slug}`)).html, /Sign in to join/);
});
