import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id } from "../../platform/db/columns.js";
import { people } from "../people/tables.js";

export type NotificationChannel = "in_app" | "email" | "off";

export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    personId: text("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    url: text("url").notNull(),
    /** Same key while unread = one notification, updated, not a pile of duplicates. */
    dedupeKey: text("dedupe_key").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>(),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("notifications_unread_dedupe_idx")
      .on(t.personId, t.dedupeKey)
      .where(sql`${t.readAt} is null`),
    index("notifications_person_time_idx").on(t.personId, t.updatedAt, t.id),
  ],
);

/** A person's choice per kind of notification; no row means the kind's default. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    personId: text("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    channel: text("channel").$type<NotificationChannel>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.kind] })],
);
