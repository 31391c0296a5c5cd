import { sql } from "drizzle-orm";
import { customType, text, timestamp } from "drizzle-orm/pg-core";
import { uuidv7 } from "uuidv7";

/** Text primary keys, time-ordered so inserts stay index-friendly. */
export const id = (name = "id") =>
  text(name)
    .primaryKey()
    .$defaultFn(() => uuidv7());

export const newId = (): string => uuidv7();

// Millisecond precision: keyset cursors carry JavaScript dates, and a microsecond column would let
// rows that share a cursor's millisecond fall between pages.
export const createdAt = () =>
  timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true, precision: 3 })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/** A generated full-text column; the expression is given per table. */
export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const emptyTextArray = sql`'{}'::text[]`;
