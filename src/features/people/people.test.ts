import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { authRateLimits } from "../../platform/auth/tables.js";
import { decodeCursor } from "../../platform/http/pagination.js";
import { divisions } from "../organisation/tables.js";
import { searchPeople } from "./queries.js";
import { people } from "./tables.js";

const { app, db } = await createTestApp();
const [hr] = await db
  .insert(divisions)
  .values({ slug: "human-resources", name: "Human Resources" })
  .returning();
const admin = await buildPerson(db, { name: "Ada Admin", siteRole: "admin" });
const member = await buildPerson(db, { name: "Mo Member", skills: ["payroll"] });
for (let i = 0; i < 30; i++) await buildPerson(db, { name: `Zed Person ${String(i).padStart(2, "0")}` });

async function signedIn(person: { email: string }) {
  const visitor = new Visitor(app as never);
  assert.equal((await visitor.signIn(person.email, FACTORY_PASSWORD)).status, 303);
  return visitor;
}

const profile = {
  name: "Mo Member",
  jobTitle: "Payroll Officer",
  divisionId: hr!.id,
  location: "Main Library",
  timeZone: "Europe/London",
  pronouns: "they/them",
  bio: "I run **month-end** payroll. <script>alert(1)</script>",
  skills: "Payroll, pensions, payroll",
  canHelpWith: "Overtime rules",
  wantsToLearn: "SQL",
  mentoring: "offer",
};

test("people pages need a signed-in colleague", async () => {
  const visitor = new Visitor(app as never);
  const response = await visitor.get("/people");
  assert.equal(response.status, 303);
  assert.match(response.headers.get("location") ?? "", /^\/sign-in\?next=%2Fpeople/);
});

test("a person edits their profile and colleagues see it", async () => {
  const visitor = await signedIn(member);
  const form = await visitor.get("/me/profile");
  assert.equal(form.status, 200);
  assert.match(form.html, /Human Resources/);
  const saved = await visitor.post("/me/profile", profile);
  assert.equal(saved.status, 303);
  const [row] = await db.select().from(people).where(eq(people.id, member.id));
  assert.deepEqual(row?.skills, ["payroll", "pensions"]);
  const page = await (await signedIn(admin)).get(`/people/${row?.handle}`);
  assert.match(page.html, /Payroll Officer · Human Resources/);
  assert.match(page.html, /<strong>month-end<\/strong>/);
  assert.doesNotMatch(page.html, /<script>alert/);
  assert.match(page.html, /Offers mentoring/);
});

test("an invalid profile keeps what was typed", async () => {
  const visitor = await signedIn(member);
  const response = await visitor.post("/me/profile", {
    ...profile,
    name: "",
    timeZone: "Mars/Base",
    mentoring: "sometimes",
    divisionId: "nope",
    jobTitle: "Kept title",
  });
  assert.equal(response.status, 422);
  for (const field of ["name", "timeZone", "mentoring"])
    assert.match(response.html, new RegExp(`href="#field-${field}"`));
  assert.match(response.html, /value="Kept title"/);
  const unknownDivision = await visitor.post("/me/profile", { ...profile, divisionId: "no-such-division" });
  assert.equal(unknownDivision.status, 422);
  assert.match(unknownDivision.html, /Choose a division from the list/);
});

test("nobody edits someone else's profile except an admin", async () => {
  const visitor = await signedIn(member);
  const [adminRow] = await db.select().from(people).where(eq(people.id, admin.id));
  assert.equal((await visitor.get(`/people/${adminRow?.handle}/edit`)).status, 403);
  const adminVisitor = await signedIn(admin);
  const [memberRow] = await db.select().from(people).where(eq(people.id, member.id));
  assert.equal((await adminVisitor.get(`/people/${memberRow?.handle}/edit`)).status, 200);
});

test("the directory searches by name, skill and division, one page at a time", async () => {
  const visitor = await signedIn(admin);
  assert.match((await visitor.get("/people?q=mo+mem")).html, /Mo Member/);
  const bySkill = await visitor.get("/people?skill=payroll");
  assert.match(bySkill.html, /Mo Member/);
  assert.doesNotMatch(bySkill.html, /Zed Person/);
  assert.match((await visitor.get("/people?division=human-resources")).html, /Mo Member/);
  assert.match((await visitor.get("/people?q=nobody-like-this")).html, /Nobody matches that search/);

  const seen = new Set<string>();
  let path: string | null = "/people?q=zed";
  let pages = 0;
  while (path) {
    const page = await visitor.get(path);
    for (const [, name] of page.html.matchAll(/>(Zed Person \d+)</g)) seen.add(name!);
    path = /href="([^"]+)" rel="next"/.exec(page.html)?.[1]?.replace(/&amp;/g, "&") ?? null;
    pages++;
  }
  assert.equal(seen.size, 30, "every person appears exactly once across pages");
  assert.equal(pages, 2);
});

test("admins change site roles and never remove the last admin", async () => {
  const plain = await signedIn(member);
  const [memberRow] = await db.select().from(people).where(eq(people.id, member.id));
  const refused = await plain.post(`/admin/people/${memberRow?.handle}/role`, { role: "admin" });
  assert.equal(refused.status, 403);
  assert.match(refused.html, /Only administrators/);
  assert.equal((await plain.get("/admin/people")).status, 403);

  const visitor = await signedIn(admin);
  assert.match((await visitor.get("/admin/people")).html, /People and roles/);
  const changed = await visitor.post(`/admin/people/${memberRow?.handle}/role`, { role: "programme" });
  assert.equal(changed.status, 303);
  const [after] = await db.select().from(people).where(eq(people.id, member.id));
  assert.equal(after?.siteRole, "programme");
  const audit = await visitor.get("/admin/audit");
  assert.equal(audit.status, 200);
  assert.match(audit.html, /Changed a site role/);
  assert.match(audit.html, /Mo Member<\/a>: Member → Programme team/);
  assert.equal((await plain.get("/admin/audit")).status, 403);

  const [adminRow] = await db.select().from(people).where(eq(people.id, admin.id));
  const lastAdmin = await visitor.post(`/admin/people/${adminRow?.handle}/role`, { role: "member" });
  assert.equal(lastAdmin.status, 422);
  assert.match(lastAdmin.html, /only administrator/);
  const bad = await visitor.post(`/admin/people/${memberRow?.handle}/role`, { role: "emperor" });
  assert.equal(bad.status, 422);
});

test("admins keep the list of divisions", async () => {
  const visitor = await signedIn(admin);
  const added = await visitor.post("/admin/divisions", { name: "Estates and Facilities" });
  assert.equal(added.status, 303);
  assert.match((await visitor.get("/admin/divisions")).html, /Estates and Facilities/);
  const duplicate = await visitor.post("/admin/divisions", { name: "Human Resources" });
  assert.equal(duplicate.status, 422);
  assert.match(duplicate.html, /already a division/);
  const plain = await signedIn(member);
  assert.equal((await plain.post("/admin/divisions", { name: "Mine" })).status, 403);
});

test("a search ranks names that start with the words first, then by similarity, across pages", async () => {
  // Alphabetical order would be Alma, Quenby, Quentin, Ulla.
  for (const name of ["Ulla Tranquen", "Alma Quenell", "Quenby Abernathy-Worthington", "Quentin Zu"])
    await buildPerson(db, { name });
  const expected = ["Quentin Zu", "Quenby Abernathy-Worthington", "Alma Quenell", "Ulla Tranquen"];
  // The earlier tests used up this minute's sign-ins from the test's one address.
  await db.delete(authRateLimits);
  const visitor = await signedIn(await buildPerson(db, { name: "Vera Viewer" }));
  const names = (html: string) =>
    [...html.matchAll(/>((?:Quentin|Quenby|Alma|Ulla) [^<]+)</g)].map((m) => m[1]);
  assert.deepEqual(names((await visitor.get("/people?q=quen")).html), expected);
  assert.deepEqual(names((await visitor.get("/search?kind=people&q=quen")).html), expected);

  // One at a time, forwards then back: each person once, in the same order.
  const forwards: string[] = [];
  let page = await searchPeople(db, { q: "QUEN", skill: "", division: "" }, null, 1);
  forwards.push(...page.items.map((p) => p.name));
  while (page.next) {
    page = await searchPeople(db, { q: "QUEN", skill: "", division: "" }, decodeCursor(page.next), 1);
    forwards.push(...page.items.map((p) => p.name));
  }
  assert.deepEqual(forwards, expected);
  const backwards = [...page.items.map((p) => p.name)];
  while (page.previous) {
    page = await searchPeople(db, { q: "QUEN", skill: "", division: "" }, decodeCursor(page.previous), 1);
    backwards.unshift(...page.items.map((p) => p.name));
  }
  assert.deepEqual(backwards, expected);

  // A cursor from the alphabetical list (or a hostile one) starts the ranked list again.
  const alphabetical = await searchPeople(db, { q: "", skill: "", division: "" }, null, 1);
  const restarted = await searchPeople(
    db,
    { q: "quen", skill: "", division: "" },
    decodeCursor(alphabetical.next),
    10,
  );
  assert.deepEqual(
    restarted.items.map((p) => p.name),
    expected,
  );
  assert.equal((await visitor.get("/people?q=quen&cursor=bad%3Acursor")).status, 200);
  // The API pages the same ranking with its cursor.
  const api = await visitor.get("/api/v1/people?q=quen&limit=2");
  assert.equal(api.status, 200);
  const first = JSON.parse(api.html) as { data: { name: string }[]; nextCursor: string | null };
  assert.deepEqual(
    first.data.map((p) => p.name),
    expected.slice(0, 2),
  );
  const rest = await visitor.get(`/api/v1/people?q=quen&limit=2&cursor=${first.nextCursor}`);
  assert.deepEqual(
    (JSON.parse(rest.html) as { data: { name: string }[] }).data.map((p) => p.name),
    expected.slice(2),
  );
});
