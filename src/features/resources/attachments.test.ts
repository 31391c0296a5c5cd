import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { actorFor, buildCommunity, buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { buildResource } from "../../../test/support/resource-factories.js";
import { activityEvents } from "../../platform/activity.js";
import { LocalDiskStorage } from "../../platform/storage/local-storage.js";
import { setStorage } from "../../platform/storage/storage.js";
import type { PageContext } from "../../ui/page-context.js";
import { createToken } from "../tokens/service.js";
import { ATTACHMENT_MAX_BYTES, checkUpload, sanitiseFilename } from "./attachments-service.js";
import { findResource } from "./load.js";
import { resourceAttachments } from "./tables.js";
import { AttachmentsSection, loadAttachments } from "./views/attachments-section.js";

const { app, db } = await createTestApp();
const directory = await mkdtemp(join(tmpdir(), "convene-attachments-"));
after(() => rm(directory, { recursive: true, force: true }));
const storage = new LocalDiskStorage(directory);
setStorage(storage);

const owner = await buildPerson(db, { name: "Olive Owner" });
const member = await buildPerson(db, { name: "Mo Member" });
const convenor = await buildPerson(db, { name: "Cora Convenor" });
const outsider = await buildPerson(db, { name: "Otto Outsider" });
const programme = await buildPerson(db, { name: "Pat Programme", siteRole: "programme" });

const community = await buildCommunity(db, {
  name: "Research Data",
  contentAccess: "members",
  members: [{ personId: owner.id }, { personId: member.id }, { personId: convenor.id, role: "convenor" }],
});
const published = await buildResource(db, community.id, { ownerId: owner.id, title: "Data plans" });
const draft = await buildResource(db, community.id, {
  ownerId: owner.id,
  status: "draft",
  title: "Draft plan",
});

const pdf = new TextEncoder().encode("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const exe = new Uint8Array([
  0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff,
]);

const sessions = new Map<string, Visitor>();
async function signedIn(person: { email: string }) {
  const known = sessions.get(person.email);
  if (known) return known;
  const visitor = new Visitor(app as never);
  assert.equal((await visitor.signIn(person.email, FACTORY_PASSWORD)).status, 303);
  await visitor.get("/");
  sessions.set(person.email, visitor);
  return visitor;
}

async function upload(
  visitor: Visitor,
  resourceId: string,
  name: string,
  type: string,
  bytes: Uint8Array<ArrayBuffer>,
) {
  const form = new FormData();
  form.set("_csrf", visitor.csrfToken);
  form.set("file", new File([bytes], name, { type }));
  const response = await app.request(`/resources/${resourceId}/attachments`, {
    method: "POST",
    body: form,
    headers: { cookie: visitor.cookieHeader() },
  });
  return { status: response.status, html: await response.text(), location: response.headers.get("location") };
}

async function rowsOf(resourceId: string) {
  return db.select().from(resourceAttachments).where(eq(resourceAttachments.resourceId, resourceId));
}

test("the allow-list is checked against the bytes, not the name or the declared type alone", () => {
  const ok = (name: string, type: string, bytes: Uint8Array) =>
    checkUpload({ filename: name, declaredType: type, bytes });
  assert.equal(ok("plan.pdf", "application/pdf", pdf), "application/pdf");
  assert.equal(ok("chart.png", "image/png", png), "image/png");
  assert.equal(
    ok("notes.md", "application/octet-stream", new TextEncoder().encode("# Notes\n")),
    "text/markdown",
  );
  assert.equal(
    ok("list.csv", "application/vnd.ms-excel", new TextEncoder().encode("a,b\n1,2\n")),
    "text/csv",
  );
  const refused = (name: string, type: string, bytes: Uint8Array, message: RegExp) =>
    assert.throws(
      () => ok(name, type, bytes),
      (error: Error & { detail?: { field?: string } }) => {
        assert.match(error.message, message);
        assert.equal(error.detail?.field, "file");
        return true;
      },
    );
  refused("report.pdf", "application/pdf", exe, /says it is a PDF but its contents are not/);
  refused("photo.png", "image/png", pdf, /PNG image but its contents are not/);
  refused("setup.exe", "application/x-msdownload", exe, /cannot be attached/);
  refused("readme.txt", "application/octet-stream", exe, /Text but its contents are not/);
  refused(
    "page.html",
    "text/html",
    new TextEncoder().encode("<script>alert(1)</script>"),
    /cannot be attached/,
  );
  refused("a.svg", "image/svg+xml", new TextEncoder().encode("<svg/>"), /cannot be attached/);
  refused("empty.txt", "text/plain", new Uint8Array(), /empty/);
  refused("big.txt", "text/plain", new Uint8Array(ATTACHMENT_MAX_BYTES + 1).fill(97), /at most 10 MB/);
  // A word-processor file claimed as OpenDocument must really be one.
  refused(
    "notes.odt",
    "application/vnd.oasis.opendocument.text",
    new Uint8Array([0x50, 0x4b, 3, 4, 0]),
    /contents/,
  );
});

test("stored names are sanitised and always carry their real type's extension", () => {
  assert.equal(sanitiseFilename("../../etc/<passwd>.pdf", "application/pdf"), "passwd.pdf");
  assert.equal(sanitiseFilename("C:\\Users\\me\\Plan v2.PDF", "application/pdf"), "Plan v2.PDF");
  assert.equal(sanitiseFilename("report.exe", "application/pdf"), "report.pdf");
  assert.equal(sanitiseFilename("...", "text/plain"), "file.txt");
  assert.equal(sanitiseFilename("a\u202Etxt.exe", "text/plain"), "atxt.txt");
  assert.ok(sanitiseFilename(`${"é".repeat(300)}.md`, "text/markdown").length <= 120);
});

test("a member attaches a file; it is listed and downloads with safe headers", async () => {
  const visitor = await signedIn(member);
  const sent = await upload(visitor, published.id, "../Data plan <v2>.pdf", "application/pdf", pdf);
  assert.equal(sent.status, 303);
  assert.equal(sent.location, `/resources/${published.id}#attachments`);
  const [row] = await rowsOf(published.id);
  assert.equal(row?.filename, "Data plan v2.pdf");
  assert.equal(row?.contentType, "application/pdf");
  assert.equal(row?.byteSize, pdf.byteLength);
  assert.equal(row?.uploadedById, member.id);
  assert.doesNotMatch(row!.storageKey, /plan/i);

  const [event] = await db
    .select()
    .from(activityEvents)
    .where(
      and(eq(activityEvents.verb, "resource.attachment_added"), eq(activityEvents.objectId, published.id)),
    );
  assert.equal(event?.actorId, member.id);
  assert.equal(event?.communityId, community.id);

  const response = await app.request(`/resources/${published.id}/attachments/${row!.id}/anything.pdf`, {
    headers: { cookie: visitor.cookieHeader() },
  });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("content-type"), "application/pdf");
  assert.equal(response.headers.get("x-content-type-options"), "nosniff");
  assert.match(response.headers.get("content-disposition")!, /^attachment; filename="Data plan v2.pdf"/);
  assert.deepEqual(new Uint8Array(await response.arrayBuffer()), pdf);

  // The section lists it, with a remove control and the upload form for editors.
  const loaded = (await findResource(db, published.id))!;
  const ctx = { csrfToken: "token" } as PageContext;
  const forMember = await loadAttachments({
    db,
    loaded,
    actor: await actorFor(db, member.id),
    now: new Date(),
  });
  const html = String(await AttachmentsSection({ ctx, loaded, data: forMember })!.toString());
  assert.match(html, /Data plan v2\.pdf/);
  assert.match(html, /PDF, \d+ bytes/);
  assert.match(html, /Remove Data plan v2\.pdf/);
  assert.match(html, /enctype="multipart\/form-data"/);
});

test("refusals come back beside the field with the reason, and nothing is stored", async () => {
  const visitor = await signedIn(member);
  const before = (await rowsOf(published.id)).length;
  const renamed = await upload(visitor, published.id, "minutes.pdf", "application/pdf", exe);
  assert.equal(renamed.status, 422);
  assert.match(renamed.html, /There is a problem/);
  assert.match(renamed.html, /id="field-file-error"[^>]*>[\s\S]*says it is a PDF but its contents are not/);
  const big = await upload(
    visitor,
    published.id,
    "big.txt",
    "text/plain",
    new Uint8Array(ATTACHMENT_MAX_BYTES + 1).fill(97),
  );
  assert.equal(big.status, 422);
  assert.match(big.html, /files can be at most 10 MB/);
  const script = await upload(
    visitor,
    published.id,
    "x.html",
    "text/html",
    new TextEncoder().encode("<script>"),
  );
  assert.equal(script.status, 422);
  assert.match(script.html, /This kind of file cannot be attached/);
  const none = await upload(visitor, published.id, "", "application/octet-stream", new Uint8Array());
  assert.equal(none.status, 422);
  assert.match(none.html, /Choose a file to attach/);
  assert.equal((await rowsOf(published.id)).length, before);
});

test("only people who may edit the resource can attach", async () => {
  const page = await (await signedIn(member)).get(`/resources/${published.id}/attachments/new`);
  assert.equal(page.status, 200);
  assert.equal((page.html.match(/<h1[ >]/g) ?? []).length, 1);
  assert.match(page.html, /<label for="field-file">File<\/label>/);
  assert.equal(
    (await (await signedIn(outsider)).get(`/resources/${published.id}/attachments/new`)).status,
    403,
  );
  assert.equal(
    (await upload(await signedIn(outsider), published.id, "a.pdf", "application/pdf", pdf)).status,
    403,
  );
  const noCsrf = new FormData();
  noCsrf.set("file", new File([pdf], "a.pdf", { type: "application/pdf" }));
  const forged = await app.request(`/resources/${published.id}/attachments`, {
    method: "POST",
    body: noCsrf,
    headers: { cookie: (await signedIn(member)).cookieHeader() },
  });
  assert.equal(forged.status, 403);
  assert.equal(
    (await upload(await signedIn(member), "no-such-resource", "a.pdf", "application/pdf", pdf)).status,
    404,
  );
});

test("downloads follow who may see the resource: members-only, drafts, removed files", async () => {
  const owned = await signedIn(owner);
  assert.equal((await upload(owned, draft.id, "draft.png", "image/png", png)).status, 303);
  const [draftFile] = await rowsOf(draft.id);
  const [publishedFile] = await rowsOf(published.id);
  const url = (row: { resourceId: string; id: string }) =>
    `/resources/${row.resourceId}/attachments/${row.id}/f`;
  const statusFor = async (person: { email: string } | null, path: string) => {
    const headers: Record<string, string> = person ? { cookie: (await signedIn(person)).cookieHeader() } : {};
    return (await app.request(path, { headers })).status;
  };
  // Members-only community: members are allowed; outsiders (the programme team too) are refused.
  assert.equal(await statusFor(outsider, url(publishedFile!)), 403);
  assert.equal(await statusFor(programme, url(publishedFile!)), 403);
  assert.equal(await statusFor(null, url(publishedFile!)), 303, "visitors are sent to sign in");
  assert.equal(await statusFor(member, url(publishedFile!)), 200);
  assert.equal(await statusFor(convenor, url(publishedFile!)), 200);
  // A draft's file: only those who see the draft.
  assert.equal(await statusFor(member, url(draftFile!)), 403);
  assert.equal(await statusFor(outsider, url(draftFile!)), 403);
  assert.equal(await statusFor(owner, url(draftFile!)), 200);
  assert.equal(await statusFor(convenor, url(draftFile!)), 200);
  // The attachment must belong to the resource in the address; bad ids are 404s.
  assert.equal(await statusFor(owner, `/resources/${published.id}/attachments/${draftFile!.id}/f`), 404);
  assert.equal(await statusFor(owner, `/resources/${draft.id}/attachments/%3Cscript%3E/f`), 404);
  assert.equal(await statusFor(owner, `/resources/nope/attachments/${draftFile!.id}/f`), 404);

  // Removing: refused to non-editors, then removed, bytes gone, 404 afterwards.
  assert.equal((await (await signedIn(outsider)).post(`${url(draftFile!).slice(0, -2)}/remove`)).status, 403);
  const removed = await owned.post(`/resources/${draft.id}/attachments/${draftFile!.id}/remove`);
  assert.equal(removed.status, 303);
  const [after] = await rowsOf(draft.id);
  assert.ok(after?.removedAt);
  assert.equal(await storage.get(after!.storageKey), null);
  assert.equal(await statusFor(owner, url(draftFile!)), 404);
  assert.equal((await owned.post(`/resources/${draft.id}/attachments/${draftFile!.id}/remove`)).status, 404);
  const [event] = await db
    .select()
    .from(activityEvents)
    .where(
      and(eq(activityEvents.verb, "resource.attachment_removed"), eq(activityEvents.objectId, draft.id)),
    );
  assert.equal(event?.actorId, owner.id);
});

test("the API lists, uploads, downloads and removes, with the same rules", async () => {
  const memberToken = (await createToken(db, await actorFor(db, member.id), { name: "Script" })).secret;
  const outsiderToken = (await createToken(db, await actorFor(db, outsider.id), { name: "Script" })).secret;
  const call = (method: string, path: string, secret: string, body?: FormData) =>
    app.request(`/api/v1${path}`, { method, body, headers: { authorization: `Bearer ${secret}` } });

  const form = new FormData();
  form.set("file", new File([png], "chart.png", { type: "image/png" }));
  const created = await call("POST", `/resources/${published.id}/attachments`, memberToken, form);
  assert.equal(created.status, 201);
  const file = (await created.json()) as {
    id: string;
    filename: string;
    downloadUrl: string;
    byteSize: number;
  };
  assert.equal(file.filename, "chart.png");
  assert.equal(file.byteSize, png.byteLength);
  assert.equal(file.downloadUrl, `/resources/${published.id}/attachments/${file.id}/chart.png`);

  const bad = new FormData();
  bad.set("file", new File([exe], "chart.png", { type: "image/png" }));
  const refused = await call("POST", `/resources/${published.id}/attachments`, memberToken, bad);
  assert.equal(refused.status, 422);
  const problem = (await refused.json()) as { errors: { field: string; message: string }[] };
  assert.equal(problem.errors[0]?.field, "file");
  assert.match(problem.errors[0]!.message, /PNG image but its contents are not/);
  assert.equal(
    (await call("POST", `/resources/${published.id}/attachments`, outsiderToken, form)).status,
    403,
  );
  const noFile = new FormData();
  noFile.set("note", "no file here");
  assert.equal(
    (await call("POST", `/resources/${published.id}/attachments`, memberToken, noFile)).status,
    422,
  );
  const huge = new FormData();
  huge.set(
    "file",
    new File([new Uint8Array(ATTACHMENT_MAX_BYTES + 200 * 1024).fill(97)], "big.txt", { type: "text/plain" }),
  );
  const tooBig = await call("POST", `/resources/${published.id}/attachments`, memberToken, huge);
  assert.equal(tooBig.status, 422);
  assert.match(JSON.stringify(await tooBig.json()), /at most 10 MB/);
  const asJson = await app.request(`/api/v1/resources/${published.id}/attachments`, {
    method: "POST",
    body: JSON.stringify({ file: "AAAA" }),
    headers: { authorization: `Bearer ${memberToken}`, "content-type": "application/json" },
  });
  assert.ok([415, 422].includes(asJson.status), `JSON instead of a file: ${asJson.status}`);

  const list = await call("GET", `/resources/${published.id}/attachments`, memberToken);
  assert.equal(list.status, 200);
  const page = (await list.json()) as { data: { id: string }[]; nextCursor: null };
  assert.ok(page.data.some((item) => item.id === file.id));
  assert.equal((await call("GET", `/resources/${published.id}/attachments`, outsiderToken)).status, 403);

  const content = await call("GET", `/resources/${published.id}/attachments/${file.id}/content`, memberToken);
  assert.equal(content.status, 200);
  assert.equal(content.headers.get("content-type"), "image/png");
  assert.deepEqual(new Uint8Array(await content.arrayBuffer()), png);
  assert.equal(
    (await call("GET", `/resources/${published.id}/attachments/${file.id}/content`, outsiderToken)).status,
    403,
  );

  assert.equal(
    (await call("DELETE", `/resources/${published.id}/attachments/${file.id}`, outsiderToken)).status,
    403,
  );
  assert.equal(
    (await call("DELETE", `/resources/${published.id}/attachments/${file.id}`, memberToken)).status,
    204,
  );
  assert.equal(
    (await call("DELETE", `/resources/${published.id}/attachments/${file.id}`, memberToken)).status,
    404,
  );
});
