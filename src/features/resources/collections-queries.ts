import { and, asc, eq, inArray, isNull, notInArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { type Cursor, type Page, toPage } from "../../platform/http/pagination.js";
import { type Actor, can } from "../../platform/policy.js";
import type { LoadedCollection } from "./collections-service.js";
import { collectionItems, collections, resources } from "./tables.js";

export interface CollectionSummary {
  id: string;
  slug: string;
  title: string;
  description: string;
  itemCount: number;
  updatedAt: Date;
}

/** A community's collections (null: the starter toolkit's), by title, a page at a time. */
export async function collectionsOf(
  db: Db,
  communityId: string | null,
  cursor: Cursor | null,
  limit = 20,
): Promise<Page<CollectionSummary>> {
  const back = cursor?.direction === "before";
  const conditions: SQL[] = [
    communityId ? eq(collections.communityId, communityId) : isNull(collections.communityId),
  ];
  if (cursor) {
    const key = String(cursor.key);
    conditions.push(
      back
        ? sql`(${collections.title}, ${collections.id}) < (${key}, ${cursor.id})`
        : sql`(${collections.title}, ${collections.id}) > (${key}, ${cursor.id})`,
    );
  }
  const rows = await db
    .select({
      id: collections.id,
      slug: collections.slug,
      title: collections.title,
      description: collections.description,
      updatedAt: collections.updatedAt,
      itemCount: sql<number>`(select count(*)::int from collection_items ci where ci.collection_id = "collections"."id")`,
    })
    .from(collections)
    .where(and(...conditions))
    .orderBy(
      back ? sql`${collections.title} desc` : asc(collections.title),
      back ? sql`${collections.id} desc` : asc(collections.id),
    )
    .limit(limit + 1);
  return toPage(rows, { limit, cursor, keyOf: (row) => ({ key: row.title, id: row.id }) });
}

export interface CollectionEntry {
  id: string;
  title: string;
  kind: (typeof resources.$inferSelect)["kind"];
  summary: string;
  status: (typeof resources.$inferSelect)["status"];
  reviewBy: string | null;
  ownerId: string | null;
  position: number;
}

/** The resources of a collection in order, left out where the viewer may not see them (drafts). */
export async function entriesOf(db: Db, actor: Actor, loaded: LoadedCollection): Promise<CollectionEntry[]> {
  const rows = await db
    .select({
      id: resources.id,
      title: resources.title,
      kind: resources.kind,
      summary: resources.summary,
      status: resources.status,
      reviewBy: resources.reviewBy,
      ownerId: resources.ownerId,
      position: collectionItems.position,
    })
    .from(collectionItems)
    .innerJoin(resources, eq(resources.id, collectionItems.resourceId))
    .where(eq(collectionItems.collectionId, loaded.collection.id))
    .orderBy(asc(collectionItems.position), asc(collectionItems.createdAt));
  return rows.filter((row) =>
    can(actor, "resource.view", { community: loaded.community, ownerId: row.ownerId, status: row.status }),
  );
}

/** Published or endorsed resources of the collection's community not yet in it, by title. */
export async function addableResources(db: Db, loaded: LoadedCollection, limit = 200) {
  const inside = db
    .select({ id: collectionItems.resourceId })
    .from(collectionItems)
    .where(eq(collectionItems.collectionId, loaded.collection.id));
  return db
    .select({ id: resources.id, title: resources.title, kind: resources.kind })
    .from(resources)
    .where(
      and(
        loaded.community ? eq(resources.communityId, loaded.community.id) : isNull(resources.communityId),
        inArray(resources.status, ["published", "endorsed"]),
        notInArray(resources.id, inside),
      ),
    )
    .orderBy(asc(resources.title), asc(resources.id))
    .limit(limit);
}

/** Is the review date passed? Dates are compared as calendar days. */
export const isDueForReview = (reviewBy: string | null, now: Date) =>
  reviewBy !== null && reviewBy < now.toISOString().slice(0, 10);
