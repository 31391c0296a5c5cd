import assert from "node:assert/strict";
import { test } from "node:test";
import { createTestApp } from "../../../test/support/app.js";
import { actorFor, buildCommunity, buildPerson } from "../../../test/support/factories.js";
import { replies, threads } from "../discussions/tables.js";
import type { SearchParams } from "./inputs.js";
import { searchDiscussions } from "./kinds/discussions.js";

// A common word is ranked within a recent window; a rare one over everything. Both engines.

const { db } = await createTestApp();

const DAY = 86_400_000;
const now = new Date("2026-11-25T12:00:00Z");
const author = await buildPerson(db, { name: "Wendy Window" });
const actor = await actorFor(db, author.id);
const community = await buildCommunity(db, { members: [{ personId: author.id, role: "convenor" }] });

// 230 recent posts mention "rota" once; one old thread mentions it many times (more relevant, but
// two years old) and is the only one that also says "ancient".
const [old] = await db
  .insert(threads)
  .values({
    communityId: community.id,
    authorId: author.id,
    title: "Rota rota rota: the ancient rota",
    body: "rota ".repeat(40),
    createdAt: new Date(now.getTime() - 730 * DAY),
  })
  .returning();
const [recent] = await db
  .insert(threads)
  .values({
    communityId: community.id,
    authorId: author.id,
    title: "Weekly rota",
    createdAt: new Date(now.getTime() - DAY),
  })
  .returning();
await db.insert(replies).values(
  Array.from({ length: 229 }, (_, i) => ({
    threadId: recent!.id,
    communityId: community.id,
    authorId: author.id,
    body: `Reply ${i} about the rota`,
    createdAt: new Date(now.getTime() - DAY - i * 60_000),
  })),
);
// A hidden thread's replies never appear, whatever the window.
const [hidden] = await db
  .insert(threads)
  .values({ communityId: community.id, authorId: author.id, title: "Hidden", hiddenAt: now, createdAt: now })
  .returning();
await db.insert(replies).values({
  threadId: hidden!.id,
  communityId: community.id,
  authorId: author.id,
  body: "rota secret",
  createdAt: now,
});

const params = (overrides: Partial<SearchParams>): SearchParams => ({
  q: "rota",
  sort: "relevance",
  communityId: null,
  offset: 0,
  limit: 20,
  now,
  ...overrides,
});

test("a common word ranks the recent window: the old, wordier thread is not on the first page", async () => {
  const result = await searchDiscussions(db, actor, params({}));
  assert.equal(result.total, 231);
  assert.equal(result.items.length, 20);
  assert.ok(!result.items.some((hit) => hit.id === old!.id));
  assert.ok(!result.items.some((hit) => hit.snippet.text.includes("secret")));
});

test("pages deeper than the window holds rank everything, so nothing is out of reach", async () => {
  const result = await searchDiscussions(db, actor, params({ offset: 220, limit: 20 }));
  assert.equal(result.items.length, 11);
  const ids = new Set<string>();
  for (let offset = 0; offset < 240; offset += 20)
    for (const hit of (await searchDiscussions(db, actor, params({ offset, limit: 20, sort: "newest" })))
      .items)
      ids.add(hit.id);
  assert.equal(ids.size, 231);
  assert.ok(ids.has(old!.id));
});

test("a rarer query ranks over everything and finds the old thread first", async () => {
  const result = await searchDiscussions(db, actor, params({ q: "ancient rota" }));
  assert.equal(result.items[0]?.id, old!.id);
  assert.equal(result.items[0]?.title, "Rota rota rota: the ancient rota");
});
