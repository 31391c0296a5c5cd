import assert from "node:assert/strict";
import { test } from "node:test";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { createTestDatabase } from "../../../../test/support/database.js";
import { prepareDatabase } from "../../../prepare-database.js";
import { collectionItems, collections, resourceRevisions, resources } from "../tables.js";
import { toolkitItems } from "./content/index.js";
import { installStarterToolkit, STARTER_TOOLKIT_SLUG } from "./install.js";

const database = await createTestDatabase();
const { db } = database;
test.after(() => database.drop());

const toolkitRows = () =>
  db
    .select({
      id: resources.id,
      slug: resources.toolkitSlug,
      title: resources.title,
      position: collectionItems.position,
    })
    .from(collectionItems)
    .innerJoin(resources, eq(resources.id, collectionItems.resourceId))
    .innerJoin(collections, eq(collections.id, collectionItems.collectionId))
    .where(and(isNull(collections.communityId), eq(collections.slug, STARTER_TOOLKIT_SLUG)))
    .orderBy(asc(collectionItems.position));

test("the shipped items are complete: kind, summary, tags, and 250 to 700 words each", () => {
  assert.ok(toolkitItems.length >= 10 && toolkitItems.length <= 13);
  assert.equal(new Set(toolkitItems.map((item) => item.slug)).size, toolkitItems.length, "slugs are unique");
  for (const item of toolkitItems) {
    assert.match(item.slug, /^[a-z0-9-]+$/);
    assert.ok(["guide", "template", "toolkit"].includes(item.kind), item.slug);
    assert.ok(item.summary.length > 20 && item.tags.length > 0, item.slug);
    const words = item.body.split(/\s+/).filter(Boolean).length;
    assert.ok(words >= 250 && words <= 700, `${item.slug}: ${words} words`);
  }
  for (const stage of ["inquire", "design", "prototype", "launch", "grow", "sustain"])
    assert.ok(
      toolkitItems.some((item) => item.slug === `stage-${stage}`),
      stage,
    );
});

test("a fresh database prepared for its first run has the starter toolkit, in order", async () => {
  await prepareDatabase(database);
  const rows = await toolkitRows();
  assert.deepEqual(
    rows.map((row) => row.slug),
    toolkitItems.map((item) => item.slug),
  );
  const [first] = await db.select().from(resources).where(eq(resources.toolkitSlug, "charter-template"));
  assert.equal(first!.communityId, null);
  assert.equal(first!.status, "published");
  assert.equal(first!.revision, 1);
  assert.ok(first!.reviewBy, "a review date is set");
  const revisions = await db
    .select()
    .from(resourceRevisions)
    .where(eq(resourceRevisions.resourceId, first!.id));
  assert.equal(revisions.length, 1);
  assert.equal(revisions[0]!.number, 1);
  assert.equal(revisions[0]!.title, first!.title);
});

test("running it again changes nothing, and edits and deletions by the programme team stay", async () => {
  const before = await toolkitRows();
  const [item] = before;
  await db.update(resources).set({ title: "Our own welcome", revision: 2 }).where(eq(resources.id, item!.id));
  const removed = before[before.length - 1]!;
  await db.delete(resources).where(eq(resources.id, removed.id));

  await prepareDatabase(database);
  await installStarterToolkit(db);

  const after = await toolkitRows();
  assert.equal(after.length, before.length - 1, "the deleted item is not brought back");
  assert.equal(after[0]!.title, "Our own welcome", "the edit is kept");
  const [{ n }] = (await db
    .select({ n: sql<number>`count(*)::int` })
    .from(collections)
    .where(isNull(collections.communityId))) as [{ n: number }];
  assert.equal(n, 1);
  const total = await db.select({ id: resources.id }).from(resources).where(isNull(resources.communityId));
  assert.equal(total.length, toolkitItems.length - 1);
});

test("two installs at once install it once", async () => {
  const fresh = await createTestDatabase();
  try {
    await Promise.all([installStarterToolkit(fresh.db), installStarterToolkit(fresh.db)]);
    const rows = await fresh.db
      .select({ id: resources.id })
      .from(resources)
      .where(isNull(resources.communityId));
    assert.equal(rows.length, toolkitItems.length);
    const items = await fresh.db.select().from(collectionItems);
    assert.equal(items.length, toolkitItems.length);
  } finally {
    await fresh.drop();
  }
});
