import assert from "node:assert/strict";
import { test } from "node:test";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { actorFor, buildCommunity, buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { recordActivity } from "../../platform/activity.js";
import { saveCharter } from "../charter/service.js";

const { app, db } = await createTestApp();

const convenor = await buildPerson(db, { name: "Cora Convenor" });
const sponsor = await buildPerson(db, { name: "Sam Sponsor" });
const member = await buildPerson(db, { name: "Mina Member" });
const outsider = await buildPerson(db, { name: "Olly Outsider" });
const programme = await buildPerson(db, { name: "Pat Programme", siteRole: "programme" });

const community = await buildCommunity(db, {
  name: "Payroll Practitioners",
  slug: "payroll",
  tagline: "Everything about getting people paid",
  description: "We compare **month-end** checklists. <script>alert(1)</script>",
  practiceAreas: ["payroll", "pensions"],
  contentAccess: "members",
  stage: "grow",
  activeSince: "2024-09-01",
  mailingListUrl: "https://lists.example.org/payroll",
  chatUrl: "https://chat.example.org/payroll",
  websiteUrl: "",
  contactEmail: "payroll@example.org",
  members: [
    { personId: convenor.id, role: "convenor" },
    { personId: sponsor.id, role: "sponsor" },
    { personId: member.id, role: "member" },
  ],
});
await recordActivity(db, {
  actorId: member.id,
  verb: "community.joined",
  object: { type: "community", id: community.id },
  communityId: community.id,
});
await recordActivity(db, {
  actorId: convenor.id,
  verb: "community.stage_changed",
  object: { type: "community", id: community.id },
  communityId: community.id,
  data: { from: "launch", to: "grow" },
});
await recordActivity(db, {
  actorId: member.id,
  verb: "membership.requested",
  object: { type: "community", id: community.id },
  communityId: community.id,
});
await saveCharter(db, await actorFor(db, convenor.id), community, {
  mission: "Pay people",
  membershipCriteria: "",
  codeOfConduct: "Be kind",
  tools: "",
  meetingRhythm: "",
  decisionProcess: "consensus",
  decisionNotes: "",
  summary: "First",
});

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

test("members see the overview in full: recent activity as sentences, members, contacts and sponsor", async () => {
  const page = await (await signedIn(member)).get("/communities/payroll");
  assert.equal(page.status, 200);
  assert.match(page.html, /Everything about getting people paid/);
  assert.match(page.html, /<strong>month-end<\/strong>/);
  assert.doesNotMatch(page.html, /<script>alert/);
  assert.match(page.html, /href="\/communities\?area=payroll"/);
  assert.match(page.html, /Grow/);
  assert.match(page.html, /href="\/communities\/payroll\/lifecycle">See the lifecycle/);
  assert.match(page.html, /1 September 2024/);
  assert.match(page.html, /Recent activity/);
  assert.match(page.html, /Mina Member<\/a> joined/);
  assert.match(page.html, /Cora Convenor<\/a> moved the community to the Grow stage/);
  assert.match(
    page.html,
    /Cora Convenor<\/a> wrote the <a href="\/communities\/payroll\/charter\/versions\/1">/,
  );
  assert.doesNotMatch(page.html, /did something/, "private acts such as requests are not listed");
  assert.match(page.html, /<time datetime=/);
  assert.match(page.html, /Recently joined/);
  assert.match(page.html, /Sam Sponsor/);
  assert.match(page.html, /Sponsor<\/h3>/);
  assert.match(page.html, /href="mailto:payroll@example.org"/);
  assert.match(page.html, /Coming up/);
  assert.match(page.html, /href="\/communities\/payroll\/events">Events tab/);
  assert.doesNotMatch(page.html, /manage-heading/, "members do not manage");
});

test("channels render as labelled links; empty ones are hidden", async () => {
  const page = await (await signedIn(member)).get("/communities/payroll");
  assert.match(page.html, /<a href="https:\/\/lists.example.org\/payroll"[^>]*>Mailing list<\/a>/);
  assert.match(page.html, /<a href="https:\/\/chat.example.org\/payroll"[^>]*>Chat group<\/a>/);
  assert.doesNotMatch(page.html, />Website<\/a>/);
});

test("a members-only community hides recent activity and the member list from non-members", async () => {
  const page = await (await signedIn(outsider)).get("/communities/payroll");
  assert.equal(page.status, 200);
  assert.match(page.html, /Only members of Payroll Practitioners can see this/);
  assert.match(page.html, /Only members can see who else has joined/);
  assert.doesNotMatch(page.html, /Mina Member/);
  assert.doesNotMatch(page.html, /moved the community/);
  assert.match(page.html, /Cora Convenor/, "the convenors are still shown as contacts");
  const anonymous = await new Visitor(app as never).get("/communities/payroll");
  assert.equal(anonymous.status, 200);
  assert.doesNotMatch(anonymous.html, /Mina Member|Cora Convenor|moved the community/);
  assert.match(anonymous.html, /Sign in<\/a> to see what is happening here/);
});

test("convenors and the programme team get a Manage panel", async () => {
  for (const person of [convenor, programme]) {
    const page = await (await signedIn(person)).get("/communities/payroll");
    assert.match(page.html, /id="manage-heading">Manage/, person.name);
    for (const path of ["settings", "lifecycle", "requests", "members"]) {
      assert.match(page.html, new RegExp(`href="/communities/payroll/${path}"`));
    }
  }
});

test("a closed community shows its closing note and date, and no Manage panel", async () => {
  await buildCommunity(db, {
    name: "Old Group",
    slug: "old-group",
    status: "closed",
    closedAt: new Date("2025-03-14T10:00:00Z"),
    closingNote: "We merged into **Payroll Practitioners**. <img src=x onerror=alert(1)>",
    members: [{ personId: convenor.id, role: "convenor" }],
  });
  const page = await (await signedIn(convenor)).get("/communities/old-group");
  assert.match(page.html, /Closed/);
  assert.match(page.html, /14 March 2025/);
  assert.match(page.html, /<strong>Payroll Practitioners<\/strong>/);
  assert.doesNotMatch(page.html, /<img/, "raw HTML in the note is shown as text");
  assert.doesNotMatch(page.html, /manage-heading/);
});

test("channel addresses that are not http(s) are never rendered as links", async () => {
  await buildCommunity(db, {
    name: "Odd Links",
    slug: "odd-links",
    chatUrl: "javascript:alert(1)",
    members: [{ personId: convenor.id, role: "convenor" }],
  });
  const page = await (await signedIn(convenor)).get("/communities/odd-links");
  assert.doesNotMatch(page.html, /javascript:/);
});

test("hostile names, taglines and descriptions render inert", async () => {
  await buildCommunity(db, {
    name: `<script>alert("name")</script>`,
    slug: "hostile-page",
    tagline: `<img src=x onerror=alert(1)>`,
    description: `<iframe src="https://evil.example"></iframe> [x](javascript:alert(1))`,
    practiceAreas: [`"><script>alert(2)</script>`],
    members: [{ personId: convenor.id, role: "convenor" }],
  });
  const page = await (await signedIn(convenor)).get("/communities/hostile-page");
  assert.equal(page.status, 200);
  assert.doesNotMatch(page.html, /<script>alert/);
  assert.doesNotMatch(page.html, /<img src=x/);
  assert.doesNotMatch(page.html, /<iframe/);
  assert.doesNotMatch(page.html, /href="javascript:/);
  assert.match(page.html, /&lt;script&gt;alert/);
});

test("a dormant community says so, with the date it was flagged", async () => {
  await buildCommunity(db, {
    name: "Quiet Group",
    slug: "quiet-group",
    status: "dormant",
    dormantSince: new Date("2025-06-02T10:00:00Z"),
    members: [{ personId: convenor.id, role: "convenor" }],
  });
  const page = await (await signedIn(member)).get("/communities/quiet-group");
  assert.match(page.html, /This community has gone quiet/);
  assert.match(page.html, /2 June 2025/);
  assert.match(page.html, /<dt>Status<\/dt>\s*<dd>Dormant/);
});
