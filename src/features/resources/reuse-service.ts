import { and, asc, eq, sql } from "drizzle-orm";
import { recordActivity } from "../../platform/activity.js";
import type { Db } from "../../platform/db/client.js";
import { type Actor, authorize, can, type PersonActor } from "../../platform/policy.js";
import { type LoadedResource, resourceTarget } from "./load.js";
import { collectionItems, collections, type ReuseMarkKind, resourceMarks, resources } from "./tables.js";
import "./policy.js";

export const markLabels: Record<ReuseMarkKind, string> = {
  helped: "This helped me",
  used: "I used this in my work",
};

const counter = { helped: resources.helpedCount, used: resources.usedCount } as const;

export interface ReuseCounts {
  helpedCount: number;
  usedCount: number;
  viewerCount: number;
}

/**
 * Gives (`on`) or takes back a mark. Changes nothing when it is already so; otherwise the count on
 * the resource moves in the same transaction. Returns the counts after.
 */
export async function setMark(
  db: Db,
  actor: PersonActor,
  loaded: LoadedResource,
  kind: ReuseMarkKind,
  on: boolean,
  now = new Date(),
): Promise<ReuseCounts> {
  authorize(actor, "resource.mark", resourceTarget(loaded));
  const { resource, community } = loaded;
  return db.transaction(async (tx) => {
    const changed = on
      ? await tx
          .insert(resourceMarks)
          .values({ resourceId: resource.id, personId: actor.id, kind, createdAt: now })
          .onConflictDoNothing()
          .returning({ kind: resourceMarks.kind })
      : await tx
          .delete(resourceMarks)
          .where(
            and(
              eq(resourceMarks.resourceId, resource.id),
              eq(resourceMarks.personId, actor.id),
              eq(resourceMarks.kind, kind),
            ),
          )
          .returning({ kind: resourceMarks.kind });
    const step = changed.length === 0 ? 0 : on ? 1 : -1;
    const column = counter[kind];
    const [after] = await tx
      .update(resources)
      .set(
        kind === "helped"
          ? { helpedCount: sql`greatest(${column} + ${step}, 0)` }
          : { usedCount: sql`greatest(${column} + ${step}, 0)` },
      )
      .where(eq(resources.id, resource.id))
      .returning({
        helpedCount: resources.helpedCount,
        usedCount: resources.usedCount,
        viewerCount: resources.viewerCount,
      });
    if (changed.length)
      await recordActivity(tx, {
        actorId: actor.id,
        verb: on ? "resource.marked" : "resource.unmarked",
        object: { type: "resource", id: resource.id },
        communityId: community?.id ?? null,
        data: { kind, ownerId: resource.ownerId },
        at: now,
      });
    return after!;
  });
}

/**
 * Records the first time someone other than the owner opens a published resource, in one
 * statement: the viewer row, the count and the activity event happen only when the row is new.
 * Returns true when this was their first view.
 */
export async function recordFirstView(db: Db, actor: Actor, loaded: LoadedResource, now = new Date()) {
  const { resource, community } = loaded;
  if (actor.kind !== "person" || actor.id === resource.ownerId || resource.status === "draft") return false;
  if (!can(actor, "resource.view", resourceTarget(loaded))) return false;
  const result = await db.execute(sql`
    with inserted as (
      insert into resource_viewers (resource_id, person_id, first_viewed_at)
      values (${resource.id}, ${actor.id}, ${now.toISOString()})
      on conflict do nothing
      returning resource_id
    ), counted as (
      update resources set viewer_count = viewer_count + 1
      where id in (select resource_id from inserted)
      returning id
    ), logged as (
      insert into activity_events (actor_id, verb, object_type, object_id, community_id, occurred_at)
      select ${actor.id}, 'resource.viewed', 'resource', id, ${community?.id ?? null}, ${now.toISOString()}
      from counted
      returning id
    )
    select count(*)::int as first from logged`);
  const rows = ((result as { rows?: { first: number }[] }).rows ?? result) as { first: number }[];
  return Number(rows[0]?.first ?? 0) > 0;
}

/** The kinds of mark a person has given a resource. */
export async function marksOf(db: Db, resourceId: string, personId: string): Promise<ReuseMarkKind[]> {
  const rows = await db
    .select({ kind: resourceMarks.kind })
    .from(resourceMarks)
    .where(and(eq(resourceMarks.resourceId, resourceId), eq(resourceMarks.personId, personId)));
  return rows.map((row) => row.kind);
}

export interface CollectionRef {
  id: string;
  slug: string;
  title: string;
  communityId: string | null;
}

/** The collections a resource is in, by title. */
export function collectionsContaining(db: Db, resourceId: string): Promise<CollectionRef[]> {
  return db
    .select({
      id: collections.id,
      slug: collections.slug,
      title: collections.title,
      communityId: collections.communityId,
    })
    .from(collectionItems)
    .innerJoin(collections, eq(collections.id, collectionItems.collectionId))
    .where(eq(collectionItems.resourceId, resourceId))
    .orderBy(asc(collections.title), asc(collections.id));
}
