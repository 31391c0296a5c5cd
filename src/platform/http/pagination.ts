import { z } from "zod";

/**
 * Keyset pagination: a cursor holds the sort key and id of the last row seen, so page N costs
 * the same as page 1. `after` moves forward, `before` moves back.
 */
export type Cursor = { direction: "after" | "before"; key: string | number; id: string };

const cursorShape = z.tuple([z.enum(["after", "before"]), z.union([z.string(), z.number()]), z.string()]);

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.direction, cursor.key, cursor.id])).toString("base64url");
}

/** A cursor that does not decode is treated as "first page", never as an error page. */
export function decodeCursor(raw: string | undefined | null): Cursor | null {
  if (!raw || raw.length > 500) return null;
  try {
    const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    if (!parsed.success) return null;
    const [direction, key, id] = parsed.data;
    return { direction, key, id };
  } catch {
    return null;
  }
}

export interface Page<T> {
  items: T[];
  next: string | null;
  previous: string | null;
}

/**
 * Given rows fetched with limit + 1 in the cursor's direction, trims the extra row, restores
 * display order and builds the neighbouring cursors.
 */
export function toPage<T>(
  rows: T[],
  options: { limit: number; cursor: Cursor | null; keyOf: (row: T) => { key: string | number; id: string } },
): Page<T> {
  const { limit, cursor } = options;
  const hasMore = rows.length > limit;
  let items = hasMore ? rows.slice(0, limit) : rows;
  const goingBack = cursor?.direction === "before";
  if (goingBack) items = items.reverse();
  const first = items[0];
  const last = items[items.length - 1];
  const moreAfter = goingBack ? true : hasMore;
  const moreBefore = goingBack ? hasMore : cursor !== null;
  return {
    items,
    next: moreAfter && last ? encodeCursor({ direction: "after", ...options.keyOf(last) }) : null,
    previous: moreBefore && first ? encodeCursor({ direction: "before", ...options.keyOf(first) }) : null,
  };
}
