import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { recordActivity } from "../../platform/activity.js";
import type { Db } from "../../platform/db/client.js";
import { AppError } from "../../platform/errors.js";
import type { PersonActor } from "../../platform/policy.js";
import { authorize } from "../../platform/policy.js";
import "./policy.js";
import { divisions } from "./tables.js";

export const divisionInput = z.object({
  name: z.string().trim().min(2, "Enter the division's name").max(80, "Keep the name under 80 characters"),
});

export const slugify = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);

export async function listDivisions(db: Db) {
  return db
    .select({
      id: divisions.id,
      slug: divisions.slug,
      name: divisions.name,
      people: sql<number>`(select count(*)::int from people p where p.division_id = "divisions"."id")`,
    })
    .from(divisions)
    .orderBy(asc(divisions.name));
}

/** Names only, for pickers and filters: no per-request counting of people. */
export async function listDivisionNames(db: Db) {
  return db
    .select({ id: divisions.id, slug: divisions.slug, name: divisions.name })
    .from(divisions)
    .orderBy(asc(divisions.name));
}

export async function addDivision(db: Db, actor: PersonActor, name: string) {
  authorize(actor, "division.manage", null);
  const slug = slugify(name);
  const clash = await db.select({ id: divisions.id }).from(divisions).where(eq(divisions.slug, slug));
  if (clash.length > 0)
    throw new AppError(422, "duplicate", "There is already a division with that name", { field: "name" });
  const [row] = await db.insert(divisions).values({ name, slug }).returning();
  await recordActivity(db, {
    actorId: actor.id,
    verb: "division.created",
    object: { type: "division", id: row!.id },
  });
  return row!;
}

export async function renameDivision(db: Db, actor: PersonActor, id: string, name: string) {
  authorize(actor, "division.manage", null);
  const slug = slugify(name);
  const clash = await db.select({ id: divisions.id }).from(divisions).where(eq(divisions.slug, slug));
  if (clash.some((row) => row.id !== id)) {
    throw new AppError(422, "duplicate", "There is already a division with that name", { field: "name" });
  }
  await db.update(divisions).set({ name, slug }).where(eq(divisions.id, id));
  await recordActivity(db, { actorId: actor.id, verb: "division.renamed", object: { type: "division", id } });
}
