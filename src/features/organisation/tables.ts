import { pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, id } from "../../platform/db/columns.js";

/** The organisation's units (Research Services, HR, IT Services...), kept by admins. */
export const divisions = pgTable("divisions", {
  id: id(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull().unique(),
  createdAt: createdAt(),
});
