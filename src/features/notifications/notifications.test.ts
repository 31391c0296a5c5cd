import assert from "node:assert/strict";
import { test } from "node:test";
import { and, eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { buildCommunity, buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { mailOutbox } from "../../platform/mail/tables.js";
import { memberships } from "../memberships/tables.js";
import { siteRoleChanged } from "./kinds.js";
import { notify } from "./service.js";
import { notificationPreferences, notifications } from "./tables.js";
import { unsubscribeUrl } from "./unsubscribe.js";

const { app, db, config } = await createTestApp();
const admin = await buildPerson(db, { name: "Ada Admin", siteRole: "admin" });
const convenor = await buildPerson(db, { name: "Cora Convenor" });
const resting = await buildPerson(db, { name: "Rae Resting" });
const [joinerA, joinerB, joinerC] = await Promise.all([
  buildPerson(db, { name: "Jo Joiner" }),
  buildPerson(db, { name: "Kit Joiner" }),
  buildPerson(db, { name: "Lee Joiner" }),
]);
const community = await buildCommunity(db, {
  name: "Payroll Practitioners",
  slug: "payroll",
  members: [
    { personId: convenor.id, role: "convenor" },
    { personId: resting.id, role: "convenor" },
  ],
});
await db
  .update(memberships)
  .set({ state: "on_break" })
  .where(and(eq(memberships.personId, resting.id), eq(memberships.communityId, community.id)));

async function signedIn(person: { email: string }) {
  const visitor = new Visitor(app as never);
  assert.equal((await visitor.signIn(person.email, FACTORY_PASSWORD)).status, 303);
  return visitor;
}
const unreadOf = async (personId: string) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.personId, personId)));

test("joins reach the convenor as one collapsing notification, not the one on a break", async () => {
  for (const joiner of [joinerA!, joinerB!]) await (await signedIn(joiner)).post("/communities/payroll/join");
  const mine = await unreadOf(convenor.id);
  assert.equal(mine.length, 1);
  assert.equal(mine[0]?.title, "2 people joined Payroll Practitioners");
  assert.equal((await unreadOf(resting.id)).length, 0, "a convenor on a break hears nothing");

  const visitor = await signedIn(convenor);
  const home = await visitor.get("/");
  assert.match(home.html, /class="bell-count">1<span class="visually-hidden"> unread/);
  const list = await visitor.get("/me/notifications");
  assert.match(list.html, /Unread: <\/span>2 people joined Payroll Practitioners/);
  const opened = await visitor.get(`/me/notifications/${mine[0]?.id}`);
  assert.equal(opened.status, 303);
  assert.equal(opened.headers.get("location"), "/communities/payroll");
  assert.ok((await unreadOf(convenor.id))[0]?.readAt, "opening marks it read");

  // After reading, the next join starts a fresh notification.
  await (await signedIn(joinerC!)).post("/communities/payroll/join");
  const after = await unreadOf(convenor.id);
  assert.equal(after.length, 2);
  assert.ok(after.some((n) => n.title === "Lee Joiner joined Payroll Practitioners" && !n.readAt));
  const all = await visitor.post("/me/notifications/read-all");
  assert.equal(all.status, 303);
  assert.ok((await unreadOf(convenor.id)).every((n) => n.readAt));
  assert.doesNotMatch((await visitor.get("/")).html, /bell-count/);
});

test("a role change tells the person, and preferences are honoured", async () => {
  const adminVisitor = await signedIn(admin);
  const target = await buildPerson(db, { name: "Pat Promoted" });
  const [row] = await db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.personId, target.id));
  assert.equal(row, undefined);
  const { handle } = target;
  await adminVisitor.post(`/admin/people/${handle}/role`, { role: "programme" });
  const told = await unreadOf(target.id);
  assert.equal(told.length, 1);
  assert.equal(told[0]?.title, "Ada Admin made you in the programme team");

  const person = await signedIn(target);
  const settings = await person.get("/me/settings/notifications");
  assert.match(settings.html, /When an administrator changes your role on the site/);
  await person.post("/me/settings/notifications", { [`kind:${siteRoleChanged.kind}`]: "off" });
  await adminVisitor.post(`/admin/people/${handle}/role`, { role: "member" });
  assert.equal((await unreadOf(target.id)).length, 1, "off means nothing new");
  const bad = await person.post("/me/settings/notifications", {
    [`kind:${siteRoleChanged.kind}`]: "carrier-pigeon",
  });
  assert.equal(bad.status, 422);
});

test("nobody is told about what they cannot see", async () => {
  const result = await notify(db, {
    recipientId: joinerA!.id,
    kind: siteRoleChanged.kind,
    title: "Secret",
    url: "/admin",
    visibleIf: { action: "audit.view", target: null },
  });
  assert.equal(result, "not_visible");
  assert.equal((await unreadOf(joinerA!.id)).length, 0);
});

test("one-click unsubscribe works without signing in and cannot be forged", async () => {
  const url = new URL(unsubscribeUrl(config.baseUrl, config.authSecret, joinerB!.id, siteRoleChanged.kind));
  const visitor = new Visitor(app as never);
  const ask = await visitor.get(url.pathname + url.search);
  assert.equal(ask.status, 200);
  assert.match(ask.html, /Stop these emails\?/);
  // A mail client's RFC 8058 POST carries no CSRF token.
  const response = await app.request(url.pathname + url.search, {
    method: "POST",
    body: "List-Unsubscribe=One-Click",
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  assert.equal(response.status, 200);
  const [preference] = await db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.personId, joinerB!.id));
  assert.equal(preference?.channel, "in_app");
  const forged = await visitor.get(url.pathname + url.search.replace(/s=[^&]+/, "s=forged"));
  assert.equal(forged.status, 400);
});

test("notification pages need a signed-in person", async () => {
  const visitor = new Visitor(app as never);
  assert.equal((await visitor.get("/me/notifications")).status, 303);
  assert.equal((await visitor.get("/me/settings/notifications")).status, 303);
});

test("by email: one outbox message with one-click unsubscribe headers, and none when in-app only", async () => {
  const adminVisitor = await signedIn(admin);
  const target = await buildPerson(db, { name: "Eli Emailed" });
  await adminVisitor.post(`/admin/people/${target.handle}/role`, { role: "programme" });
  const mail = await db.select().from(mailOutbox).where(eq(mailOutbox.to, target.email));
  assert.equal(mail.length, 1);
  assert.equal(mail[0]?.subject, "Ada Admin made you in the programme team");
  assert.match(mail[0]?.headers["List-Unsubscribe"] ?? "", /^<http:\/\/localhost:3000\/unsubscribe\?p=/);
  assert.equal(mail[0]?.headers["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click");
  assert.match(mail[0]?.text ?? "", /\/me\/settings\/notifications/);

  const quiet = await buildPerson(db, { name: "Quinn Quiet" });
  await (await signedIn(quiet)).post("/me/settings/notifications", {
    [`kind:${siteRoleChanged.kind}`]: "in_app",
  });
  await adminVisitor.post(`/admin/people/${quiet.handle}/role`, { role: "programme" });
  assert.equal((await unreadOf(quiet.id)).length, 1);
  assert.equal((await db.select().from(mailOutbox).where(eq(mailOutbox.to, quiet.email))).length, 0);
});
