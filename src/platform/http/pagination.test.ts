import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeCursor, encodeCursor, toPage } from "./pagination.js";

test("cursors round-trip and bad ones mean the first page", () => {
  const cursor = { direction: "after" as const, key: "Smith", id: "abc" };
  assert.deepEqual(decodeCursor(encodeCursor(cursor)), cursor);
  for (const bad of [
    "",
    "not-base64!",
    Buffer.from("[1,2]").toString("base64url"),
    "x".repeat(600),
    null,
    undefined,
  ]) {
    assert.equal(decodeCursor(bad), null);
  }
});

test("toPage trims the look-ahead row and builds neighbours", () => {
  const rows = [1, 2, 3, 4].map((n) => ({ n }));
  const keyOf = (row: { n: number }) => ({ key: row.n, id: String(row.n) });
  const first = toPage(rows, { limit: 3, cursor: null, keyOf });
  assert.deepEqual(
    first.items.map((r) => r.n),
    [1, 2, 3],
  );
  assert.ok(first.next);
  assert.equal(first.previous, null);
  // Going back, rows arrive in reverse and are restored to display order.
  const back = toPage([{ n: 3 }, { n: 2 }], {
    limit: 3,
    cursor: { direction: "before", key: 4, id: "4" },
    keyOf,
  });
  assert.deepEqual(
    back.items.map((r) => r.n),
    [2, 3],
  );
  assert.equal(back.previous, null);
  assert.ok(back.next);
});
