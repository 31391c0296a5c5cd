import { sql } from "drizzle-orm";
import { customType, text, timestamp } from "drizzle-orm/pg-core";
import { uuidv7 } from "uuidv7";

/** Text primary keys, time-ordered so inserts stay index-friendly. */
export const id = (name = "id") =>
  text(name)
    .primaryKey()
    .$defaultFn(() => uuidv7());

export const newId = (): string => uuidv7();

export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/** A generated full-text column; the expression is given per table. */
export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const emptyTextArray = sql`'{}'::text[]`;
