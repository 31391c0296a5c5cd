import { and, asc, desc, eq, gt, inArray, isNotNull, lt, lte, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../platform/db/client.js";
import { type Cursor, type Page, toPage } from "../../platform/http/pagination.js";
import { people } from "../people/tables.js";
import { findResource, type LoadedResource } from "./load.js";
import { resourceRevisions, resources } from "./tables.js";

export interface PersonRef {
  name: string;
  handle: string;
}

/** The people a resource page names: owner, last editor, who endorsed and who reviewed it. */
export interface ResourcePeople {
  owner: PersonRef | null;
  lastEditedBy: PersonRef | null;
  endorsedBy: PersonRef | null;
  reviewedBy: PersonRef | null;
}

export type LoadedResourceWithPeople = LoadedResource & { people: ResourcePeople };

/** The resource, its community and the people it names, or null (two queries). */
export async function findResourceWithPeople(db: Db, id: string): Promise<LoadedResourceWithPeople | null> {
  const loaded = await findResource(db, id);
  if (!loaded) return null;
  const { resource } = loaded;
  const ids = [
    resource.ownerId,
    resource.lastEditedById,
    resource.endorsedById,
    resource.reviewedById,
  ].filter((value): value is string => Boolean(value));
  const found = ids.length
    ? await db
        .select({ id: people.id, name: people.name, handle: people.handle })
        .from(people)
        .where(inArray(people.id, [...new Set(ids)]))
    : [];
  const byId = new Map(found.map((p) => [p.id, { name: p.name, handle: p.handle }]));
  const ref = (personId: string | null) => (personId ? (byId.get(personId) ?? null) : null);
  return {
    ...loaded,
    people: {
      owner: ref(resource.ownerId),
      lastEditedBy: ref(resource.lastEditedById),
      endorsedBy: ref(resource.endorsedById),
      reviewedBy: ref(resource.reviewedById),
    },
  };
}

export type RevisionRow = typeof resourceRevisions.$inferSelect;
export type RevisionWithAuthor = RevisionRow & { author: PersonRef | null };

const author = alias(people, "revision_author");
const withAuthor = { revision: resourceRevisions, authorName: author.name, authorHandle: author.handle };
const flatten = (row: { revision: RevisionRow; authorName: string | null; authorHandle: string | null }) => ({
  ...row.revision,
  author: row.authorName && row.authorHandle ? { name: row.authorName, handle: row.authorHandle } : null,
});

/** Every revision, newest first, a page at a time (keyset on the number). */
export async function revisionHistory(
  db: Db,
  resourceId: string,
  cursor: Cursor | null,
  limit = 20,
): Promise<Page<RevisionWithAuthor>> {
  const key = cursor && typeof cursor.key === "number" ? cursor.key : null;
  const back = cursor?.direction === "before";
  const rows = await db
    .select(withAuthor)
    .from(resourceRevisions)
    .leftJoin(author, eq(author.id, resourceRevisions.authorId))
    .where(
      and(
        eq(resourceRevisions.resourceId, resourceId),
        key === null
          ? undefined
          : back
            ? gt(resourceRevisions.number, key)
            : lt(resourceRevisions.number, key),
      ),
    )
    .orderBy(back ? asc(resourceRevisions.number) : desc(resourceRevisions.number))
    .limit(limit + 1);
  return toPage(rows.map(flatten), {
    limit,
    cursor: key === null ? null : cursor,
    keyOf: (r) => ({ key: r.number, id: r.id }),
  });
}

/** The revisions with these numbers (those that exist), with their authors, in one query. */
export async function revisionsByNumber(
  db: Db,
  resourceId: string,
  numbers: number[],
): Promise<Map<number, RevisionWithAuthor>> {
  if (numbers.length === 0) return new Map();
  const rows = await db
    .select(withAuthor)
    .from(resourceRevisions)
    .leftJoin(author, eq(author.id, resourceRevisions.authorId))
    .where(and(eq(resourceRevisions.resourceId, resourceId), inArray(resourceRevisions.number, numbers)));
  return new Map(rows.map((row) => [row.revision.number, flatten(row)]));
}

export type DueResource = Pick<
  typeof resources.$inferSelect,
  "id" | "title" | "kind" | "status" | "reviewBy" | "lastEditedAt"
> & { owner: PersonRef | null };

const owner = alias(people, "resource_owner");

/**
 * A community's published and endorsed resources whose review date is on or before `until`,
 * soonest (most overdue) first, a page at a time (keyset on review date then id).
 */
export async function dueForReview(
  db: Db,
  communityId: string,
  until: string,
  cursor: Cursor | null,
  limit = 25,
): Promise<Page<DueResource>> {
  const key = cursor && typeof cursor.key === "string" ? cursor.key : null;
  const back = cursor?.direction === "before";
  const after =
    key === null || !cursor
      ? undefined
      : back
        ? or(lt(resources.reviewBy, key), and(eq(resources.reviewBy, key), lt(resources.id, cursor.id)))
        : or(gt(resources.reviewBy, key), and(eq(resources.reviewBy, key), gt(resources.id, cursor.id)));
  const rows = await db
    .select({
      id: resources.id,
      title: resources.title,
      kind: resources.kind,
      status: resources.status,
      reviewBy: resources.reviewBy,
      lastEditedAt: resources.lastEditedAt,
      ownerName: owner.name,
      ownerHandle: owner.handle,
    })
    .from(resources)
    .leftJoin(owner, eq(owner.id, resources.ownerId))
    .where(
      and(
        eq(resources.communityId, communityId),
        inArray(resources.status, ["published", "endorsed"]),
        isNotNull(resources.reviewBy),
        lte(resources.reviewBy, until),
        after,
      ),
    )
    .orderBy(
      ...(back
        ? [desc(resources.reviewBy), desc(resources.id)]
        : [asc(resources.reviewBy), asc(resources.id)]),
    )
    .limit(limit + 1);
  const items = rows.map(({ ownerName, ownerHandle, ...row }) => ({
    ...row,
    owner: ownerName && ownerHandle ? { name: ownerName, handle: ownerHandle } : null,
  }));
  return toPage(items, {
    limit,
    cursor: key === null ? null : cursor,
    keyOf: (r) => ({ key: r.reviewBy ?? "", id: r.id }),
  });
}
