import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { recordActivity } from "../../platform/activity.js";
import type { Db } from "../../platform/db/client.js";
import { AppError, notFound } from "../../platform/errors.js";
import { type Actor, authorize, isSignedIn, type PersonActor } from "../../platform/policy.js";
import type { CommunityTarget } from "../communities/policy.js";
import { communities } from "../communities/tables.js";
import { slugify } from "../organisation/service.js";
import { collectionItems, collections, resources } from "./tables.js";
import "./policy.js";

export const collectionInput = z.object({
  title: z
    .string()
    .trim()
    .min(1, "Enter a title for the collection")
    .max(120, "Keep the title to 120 characters or fewer"),
  description: z.string().trim().max(4000, "Keep the description to 4,000 characters or fewer").default(""),
});
export type CollectionInput = z.output<typeof collectionInput>;

/** A collection can hold this many resources; a toolkit longer than that is several toolkits. */
export const COLLECTION_MAX_ITEMS = 100;

export type CollectionRow = typeof collections.$inferSelect;

/** A collection with its community (null: the starter toolkit's), as rules and pages need it. */
export interface LoadedCollection {
  collection: CollectionRow;
  community: CommunityTarget | null;
}

const communityColumns = {
  id: communities.id,
  slug: communities.slug,
  name: communities.name,
  visibility: communities.visibility,
  joinPolicy: communities.joinPolicy,
  status: communities.status,
  contentAccess: communities.contentAccess,
};

async function findWhere(db: Db, where: ReturnType<typeof eq>): Promise<LoadedCollection | null> {
  const [row] = await db
    .select({ collection: collections, community: communityColumns })
    .from(collections)
    .leftJoin(communities, eq(communities.id, collections.communityId))
    .where(where);
  if (!row) return null;
  return { collection: row.collection, community: row.community?.id ? row.community : null };
}

export async function loadCollection(db: Db, id: string): Promise<LoadedCollection> {
  const found = await findWhere(db, eq(collections.id, id));
  if (!found) throw notFound("collection");
  return found;
}

export async function loadCommunityCollection(db: Db, communityId: string, slug: string) {
  const found = await findWhere(
    db,
    and(eq(collections.communityId, communityId), eq(collections.slug, slug)) as ReturnType<typeof eq>,
  );
  if (!found) throw notFound("collection");
  return found;
}

/** Community collections are content (the community's content setting); the toolkit's need sign-in. */
export function authorizeCollectionView(actor: Actor, community: CommunityTarget | null): void {
  if (community) authorize(actor, "community.viewContent", community);
  else if (!isSignedIn(actor))
    throw new AppError(401, "sign_in_required", "Sign in to see the starter toolkit.");
}

export function collectionPath(loaded: { collection: CollectionRow; community: { slug: string } | null }) {
  return loaded.community
    ? `/communities/${loaded.community.slug}/collections/${loaded.collection.slug}`
    : `/collections/${loaded.collection.id}`;
}

// "new" would shadow the page that creates a collection.
const reserved = new Set(["new"]);

async function freeSlug(db: Db, communityId: string | null, title: string): Promise<string> {
  let base = slugify(title) || "collection";
  if (reserved.has(base)) base = `${base}-collection`;
  const taken = await db
    .select({ slug: collections.slug })
    .from(collections)
    .where(
      and(
        sql`coalesce(${collections.communityId}, '') = ${communityId ?? ""}`,
        sql`${collections.slug} like ${`${base}%`}`,
      ),
    );
  const used = new Set(taken.map((row) => row.slug));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

async function record(
  tx: Db,
  actor: PersonActor,
  verb: string,
  loaded: LoadedCollection,
  data: Record<string, unknown>,
  now: Date,
) {
  await recordActivity(tx, {
    actorId: actor.id,
    verb,
    object: { type: "collection", id: loaded.collection.id },
    communityId: loaded.community?.id ?? null,
    data: { title: loaded.collection.title, ...data },
    at: now,
  });
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e)
    if (e.code === "23505") return true;
  return false;
}

export async function createCollection(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget | null,
  input: CollectionInput,
  now = new Date(),
): Promise<LoadedCollection> {
  authorize(actor, "collection.manage", community);
  // Two people choosing the same title at once: the slower one takes the next free address.
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const slug = await freeSlug(tx, community?.id ?? null, input.title);
        const [collection] = await tx
          .insert(collections)
          .values({
            communityId: community?.id ?? null,
            slug,
            title: input.title,
            description: input.description,
            createdById: actor.id,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        const loaded = { collection: collection!, community };
        await record(tx, actor, "collection.created", loaded, {}, now);
        return loaded;
      });
    } catch (error) {
      if (attempt >= 3 || !isUniqueViolation(error)) throw error;
    }
  }
}

export async function updateCollection(
  db: Db,
  actor: PersonActor,
  loaded: LoadedCollection,
  input: CollectionInput,
  now = new Date(),
): Promise<CollectionRow> {
  authorize(actor, "collection.manage", loaded.community);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(collections)
      .set({ title: input.title, description: input.description, updatedAt: now })
      .where(eq(collections.id, loaded.collection.id))
      .returning();
    if (!row) throw notFound("collection");
    await record(tx, actor, "collection.updated", { ...loaded, collection: row }, {}, now);
    return row;
  });
}

export async function deleteCollection(
  db: Db,
  actor: PersonActor,
  loaded: LoadedCollection,
  now = new Date(),
) {
  authorize(actor, "collection.manage", loaded.community);
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(collections)
      .where(eq(collections.id, loaded.collection.id))
      .returning({ id: collections.id });
    if (gone.length === 0) throw notFound("collection");
    await record(tx, actor, "collection.deleted", loaded, {}, now);
  });
}

/** Locks the collection (so concurrent arrangements queue) and returns its resource ids in order. */
async function lockedOrder(tx: Db, collectionId: string): Promise<string[]> {
  const [locked] = await tx
    .select({ id: collections.id })
    .from(collections)
    .where(eq(collections.id, collectionId))
    .for("update");
  if (!locked) throw notFound("collection");
  const rows = await tx
    .select({ resourceId: collectionItems.resourceId })
    .from(collectionItems)
    .where(eq(collectionItems.collectionId, collectionId))
    .orderBy(asc(collectionItems.position), asc(collectionItems.createdAt));
  return rows.map((row) => row.resourceId);
}

/** Writes the order as positions 0..n-1 (rows not in `order` are removed). */
async function writeOrder(tx: Db, collectionId: string, before: string[], order: string[], now: Date) {
  const removed = before.filter((id) => !order.includes(id));
  if (removed.length)
    await tx
      .delete(collectionItems)
      .where(
        and(eq(collectionItems.collectionId, collectionId), inArray(collectionItems.resourceId, removed)),
      );
  for (const [position, resourceId] of order.entries()) {
    await tx
      .insert(collectionItems)
      .values({ collectionId, resourceId, position, createdAt: now })
      .onConflictDoUpdate({
        target: [collectionItems.collectionId, collectionItems.resourceId],
        set: { position },
      });
  }
  await tx.update(collections).set({ updatedAt: now }).where(eq(collections.id, collectionId));
}

const unaddable = (message: string) =>
  new AppError(422, "resource_not_addable", message, { field: "resourceId" });

/** New resources must be published or endorsed, and from the collection's own community (or the toolkit). */
async function assertAddable(tx: Db, loaded: LoadedCollection, resourceIds: string[]) {
  if (resourceIds.length === 0) return;
  const rows = await tx
    .select({ id: resources.id, communityId: resources.communityId, status: resources.status })
    .from(resources)
    .where(inArray(resources.id, resourceIds));
  const home = loaded.community?.id ?? null;
  for (const id of resourceIds) {
    const row = rows.find((r) => r.id === id);
    if (!row || row.communityId !== home)
      throw unaddable(
        loaded.community
          ? `Choose a resource of ${loaded.community.name}.`
          : "Choose a resource of the starter toolkit.",
      );
    if (row.status !== "published" && row.status !== "endorsed")
      throw unaddable("Only published or endorsed resources can go in a collection.");
  }
}

export async function addToCollection(
  db: Db,
  actor: PersonActor,
  loaded: LoadedCollection,
  resourceId: string,
  now = new Date(),
) {
  authorize(actor, "collection.manage", loaded.community);
  await db.transaction(async (tx) => {
    const order = await lockedOrder(tx, loaded.collection.id);
    if (order.includes(resourceId)) throw unaddable("That resource is already in the collection.");
    if (order.length >= COLLECTION_MAX_ITEMS)
      throw unaddable(`A collection can hold at most ${COLLECTION_MAX_ITEMS} resources.`);
    await assertAddable(tx, loaded, [resourceId]);
    await writeOrder(tx, loaded.collection.id, order, [...order, resourceId], now);
    await record(tx, actor, "collection.item_added", loaded, { resourceId }, now);
  });
}

export async function removeFromCollection(
  db: Db,
  actor: PersonActor,
  loaded: LoadedCollection,
  resourceId: string,
  now = new Date(),
) {
  authorize(actor, "collection.manage", loaded.community);
  await db.transaction(async (tx) => {
    const order = await lockedOrder(tx, loaded.collection.id);
    if (!order.includes(resourceId)) throw notFound("resource in this collection");
    await writeOrder(
      tx,
      loaded.collection.id,
      order,
      order.filter((id) => id !== resourceId),
      now,
    );
    await record(tx, actor, "collection.item_removed", loaded, { resourceId }, now);
  });
}

/** Moves one resource a place up or down; at either end nothing changes. */
export async function moveInCollection(
  db: Db,
  actor: PersonActor,
  loaded: LoadedCollection,
  resourceId: string,
  direction: "up" | "down",
  now = new Date(),
) {
  authorize(actor, "collection.manage", loaded.community);
  await db.transaction(async (tx) => {
    const order = await lockedOrder(tx, loaded.collection.id);
    const from = order.indexOf(resourceId);
    if (from < 0) throw notFound("resource in this collection");
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= order.length) return;
    const next = [...order];
    [next[from], next[to]] = [next[to]!, next[from]!];
    await writeOrder(tx, loaded.collection.id, order, next, now);
    await record(tx, actor, "collection.reordered", loaded, { resourceIds: next }, now);
  });
}

/**
 * Sets the whole list at once (the API's `PUT .../items`): resources left out are removed, new ones
 * added (if they may be), and the order is the order given.
 */
export async function setCollectionItems(
  db: Db,
  actor: PersonActor,
  loaded: LoadedCollection,
  resourceIds: string[],
  now = new Date(),
) {
  authorize(actor, "collection.manage", loaded.community);
  if (new Set(resourceIds).size !== resourceIds.length)
    throw unaddable("Each resource can appear in a collection only once.");
  if (resourceIds.length > COLLECTION_MAX_ITEMS)
    throw unaddable(`A collection can hold at most ${COLLECTION_MAX_ITEMS} resources.`);
  await db.transaction(async (tx) => {
    const order = await lockedOrder(tx, loaded.collection.id);
    await assertAddable(
      tx,
      loaded,
      resourceIds.filter((id) => !order.includes(id)),
    );
    await writeOrder(tx, loaded.collection.id, order, resourceIds, now);
    await record(tx, actor, "collection.reordered", loaded, { resourceIds }, now);
  });
}
