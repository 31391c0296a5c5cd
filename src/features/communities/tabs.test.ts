import assert from "node:assert/strict";
import { test } from "node:test";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { buildCommunity, buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";

const { app, db } = await createTestApp();

const member = await buildPerson(db, { name: "Mo Member" });
const outsider = await buildPerson(db, { name: "Olu Outsider" });

await buildCommunity(db, {
  name: "Payroll Practitioners",
  slug: "payroll",
  mailingListUrl: "https://lists.example.org/payroll",
  chatUrl: "javascript:alert(1)",
  members: [{ personId: member.id, role: "convenor" }],
});
await buildCommunity(db, {
  name: "Staff Wellbeing",
  slug: "wellbeing",
  contentAccess: "members",
  mailingListUrl: "https://lists.example.org/wellbeing-secret",
  members: [{ personId: member.id }],
});
await buildCommunity(db, {
  name: "Security Champions",
  slug: "security",
  contentAccess: "members",
  joinPolicy: "request",
});
await buildCommunity(db, {
  name: "Inner Circle",
  slug: "inner-circle",
  contentAccess: "members",
  joinPolicy: "invite",
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

const tabs = [
  { path: "events", label: "Events", empty: "Nothing planned yet" },
  { path: "resources", label: "Resources", empty: "has no resources yet" },
] as const;

test("each empty tab has its title, breadcrumbs, current tab and a useful empty state", async () => {
  const visitor = await signedIn(outsider);
  for (const tab of tabs) {
    const page = await visitor.get(`/communities/payroll/${tab.path}`);
    assert.equal(page.status, 200, tab.path);
    assert.match(page.html, new RegExp(`<title>${tab.label} – Payroll Practitioners – `));
    assert.match(page.html, new RegExp(`<a href="/communities/payroll/${tab.path}" aria-current="page">`));
    assert.match(page.html, /<a href="\/communities\/payroll">Payroll Practitioners<\/a>/, "breadcrumbs");
    assert.equal(page.html.match(/<h1[ >]/g)?.length, 1, "one h1");
    assert.match(page.html, new RegExp(`<h2>[^<]*${tab.empty}</h2>`));
    assert.doesNotMatch(page.html, /javascript:alert/, "only web and mail addresses become links");
  }
});

test("visitors who are not signed in are asked to sign in", async () => {
  const visitor = new Visitor(app as never);
  const page = await visitor.get("/communities/payroll/discussions");
  assert.equal(page.status, 200);
  assert.match(page.html, /Sign in to see the discussions/);
  assert.match(page.html, /href="\/sign-in\?next=%2Fcommunities%2Fpayroll%2Fdiscussions"/);
  assert.doesNotMatch(page.html, /No discussions yet/);
});

test("a members-only community's tabs say only who can see them and how to join", async () => {
  const visitor = await signedIn(outsider);
  for (const tab of tabs) {
    const page = await visitor.get(`/communities/wellbeing/${tab.path}`);
    assert.equal(page.status, 200);
    assert.match(page.html, new RegExp(`Only members can see the ${tab.path}`));
    assert.match(page.html, new RegExp(`Staff Wellbeing shares its ${tab.path} with members only`));
    assert.match(page.html, /use “Join community” at the top of the page/);
    assert.doesNotMatch(page.html, new RegExp(tab.empty));
    assert.doesNotMatch(page.html, /wellbeing-secret/, "not even the community's channels");
    assert.doesNotMatch(page.html, /\/charter">Read the charter|See the meeting rhythm/);
  }
  const request = await visitor.get("/communities/security/events");
  assert.match(request.html, /Use “Request to join” at the top of the page/);
  const invite = await visitor.get("/communities/inner-circle/resources");
  assert.match(invite.html, /Membership is by invitation/);

  const anonymous = await new Visitor(app as never).get("/communities/wellbeing/events");
  assert.match(anonymous.html, /Only members can see the events/);
  assert.match(anonymous.html, /Sign in<\/a> to see them/);
  assert.doesNotMatch(anonymous.html, /wellbeing-secret/);
});

test("members of a members-only community see the empty states", async () => {
  const visitor = await signedIn(member);
  for (const tab of tabs) {
    const page = await visitor.get(`/communities/wellbeing/${tab.path}`);
    assert.equal(page.status, 200);
    assert.match(page.html, new RegExp(tab.empty));
    assert.doesNotMatch(page.html, /Only members can see/);
  }
});

test("an unknown community's tab is a 404", async () => {
  const visitor = await signedIn(member);
  assert.equal((await visitor.get("/communities/no-such-place/events")).status, 404);
});
