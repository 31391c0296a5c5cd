import { and, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../../platform/db/client.js";
import { collectionItems, collections, resourceRevisions, resources } from "../tables.js";
import { toolkitItems } from "./content/index.js";

/** The slug of the programme's starter toolkit collection (with `communityId` null). */
export const STARTER_TOOLKIT_SLUG = "starter-toolkit";

const YEAR_MS = 365 * 86_400_000;

/**
 * Installs the starter toolkit the first time the database is prepared: its items as published
 * resources of no community (revision 1 each) and the "Starter toolkit" collection ordering them,
 * in one transaction. The collection row is the marker: if it exists, nothing happens, so the
 * programme team's later edits, reordering and deletions are never undone. Two instances starting
 * together are safe: the collection insert does nothing on conflict with the unique index (the
 * second waits for the first to commit), and only the instance that created it adds the items.
 */
export async function installStarterToolkit(db: Db, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const created = await tx
      .insert(collections)
      .values({
        communityId: null,
        slug: STARTER_TOOLKIT_SLUG,
        title: "Starter toolkit",
        description:
          "Guides, templates and ideas for starting and running a community of practice, looked after by the programme team.",
      })
      .onConflictDoNothing()
      .returning({ id: collections.id });
    const collection = created[0];
    if (!collection) return;

    const reviewBy = new Date(now.getTime() + YEAR_MS).toISOString().slice(0, 10);
    // Items kept from an earlier install (a collection deleted by hand) are reused, never overwritten.
    const inserted = await tx
      .insert(resources)
      .values(
        toolkitItems.map((item) => ({
          communityId: null,
          toolkitSlug: item.slug,
          kind: item.kind,
          title: item.title,
          summary: item.summary,
          body: item.body,
          tags: item.tags,
          status: "published" as const,
          revision: 1,
          publishedAt: now,
          reviewBy,
          lastEditedAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning();
    if (inserted.length > 0) {
      await tx.insert(resourceRevisions).values(
        inserted.map((row) => ({
          resourceId: row.id,
          number: 1,
          kind: row.kind,
          title: row.title,
          summary: row.summary,
          body: row.body,
          tags: row.tags,
          note: "Shipped with Convene",
        })),
      );
    }
    const slugs = toolkitItems.map((item) => item.slug);
    const rows = await tx
      .select({ id: resources.id, slug: resources.toolkitSlug })
      .from(resources)
      .where(and(isNull(resources.communityId), inArray(resources.toolkitSlug, slugs)));
    const idOf = new Map(rows.map((row) => [row.slug, row.id]));
    const items = slugs
      .map((slug) => idOf.get(slug))
      .filter((id): id is string => Boolean(id))
      .map((resourceId, position) => ({ collectionId: collection.id, resourceId, position }));
    if (items.length > 0) await tx.insert(collectionItems).values(items);
  });
}
