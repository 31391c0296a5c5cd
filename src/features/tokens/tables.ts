import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt, id } from "../../platform/db/columns.js";
import { people } from "../people/tables.js";

/** Personal API tokens: only a SHA-256 hash is kept; the token itself is shown once. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    personId: text("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** The first characters of the token, so people can tell their tokens apart. */
    prefix: text("prefix").notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("api_tokens_person_idx").on(t.personId)],
);
