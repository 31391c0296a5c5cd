import {
  collectionItems,
  collections,
  resourceMarks,
  resourceRevisions,
  resources,
  resourceViewers,
} from "../features/resources/tables.js";
import { activityEvents } from "../platform/activity.js";
import type { Db } from "../platform/db/client.js";
import { newId } from "../platform/db/columns.js";
import type { DemoOrganisation } from "./generate.js";

/**
 * Writes the demo's resources straight into the tables, as the services would have left them:
 * `revision` is the last revision's number, `helpedCount`, `usedCount` and `viewerCount` agree
 * with the rows, and the activity log holds the creation, publication and endorsement.
 */
export async function seedResources(
  tx: Db,
  org: Pick<DemoOrganisation, "resources" | "collections">,
  person: (handle: string) => string | null,
  community: (slug: string) => string,
): Promise<void> {
  if (org.resources.length === 0) return;
  const ids = new Map(org.resources.map((r) => [r.key, newId()]));
  const idOf = (key: string) => ids.get(key)!;
  const at = (iso: string) => new Date(iso);
  const count = (r: DemoOrganisation["resources"][number], kind: "helped" | "used") =>
    r.marks.filter((m) => m.kind === kind).length;

  await tx.insert(resources).values(
    org.resources.map((r) => ({
      id: idOf(r.key),
      communityId: community(r.communitySlug),
      kind: r.kind,
      title: r.title,
      summary: r.summary,
      body: r.body,
      externalUrl: r.externalUrl,
      tags: r.tags,
      ownerId: person(r.ownerHandle),
      status: r.status,
      revision: r.revisions.length,
      publishedAt: r.publishedAt ? at(r.publishedAt) : null,
      reviewBy: r.reviewBy,
      endorsedAt: r.endorsedAt ? at(r.endorsedAt) : null,
      endorsedById: r.endorsedByHandle ? person(r.endorsedByHandle) : null,
      archivedAt: r.archivedAt ? at(r.archivedAt) : null,
      helpedCount: count(r, "helped"),
      usedCount: count(r, "used"),
      viewerCount: r.viewers.length,
      lastEditedAt: at(r.lastEditedAt),
      lastEditedById: person(r.lastEditedByHandle),
      createdAt: at(r.createdAt),
      updatedAt: at(
        [r.lastEditedAt, r.endorsedAt, r.archivedAt]
          .filter((d): d is string => !!d)
          .sort()
          .at(-1)!,
      ),
    })),
  );
  await tx.insert(resourceRevisions).values(
    org.resources.flatMap((r) =>
      r.revisions.map((v) => ({
        resourceId: idOf(r.key),
        number: v.number,
        kind: r.kind,
        title: v.title,
        summary: r.summary,
        body: v.body,
        externalUrl: r.externalUrl,
        tags: r.tags,
        note: v.note,
        authorId: person(v.authorHandle),
        createdAt: at(v.createdAt),
      })),
    ),
  );
  const marks = org.resources.flatMap((r) =>
    r.marks.map((m) => ({
      resourceId: idOf(r.key),
      personId: person(m.personHandle)!,
      kind: m.kind,
      createdAt: at(m.createdAt),
    })),
  );
  if (marks.length > 0) await tx.insert(resourceMarks).values(marks);
  const viewers = org.resources.flatMap((r) =>
    r.viewers.map((v) => ({
      resourceId: idOf(r.key),
      personId: person(v.personHandle)!,
      firstViewedAt: at(v.firstViewedAt),
    })),
  );
  if (viewers.length > 0) await tx.insert(resourceViewers).values(viewers);

  for (const c of org.collections) {
    const collectionId = newId();
    await tx.insert(collections).values({
      id: collectionId,
      communityId: community(c.communitySlug),
      slug: c.slug,
      title: c.title,
      description: c.description,
      createdById: person(c.createdByHandle),
      createdAt: at(c.createdAt),
      updatedAt: at(c.createdAt),
    });
    await tx.insert(collectionItems).values(
      c.items.map((key, position) => ({
        collectionId,
        resourceId: idOf(key),
        position,
        createdAt: at(c.createdAt),
      })),
    );
    await tx.insert(activityEvents).values({
      actorId: person(c.createdByHandle),
      verb: "collection.created",
      objectType: "collection",
      objectId: collectionId,
      communityId: community(c.communitySlug),
      data: { title: c.title },
      occurredAt: at(c.createdAt),
    });
  }

  // The activity log, as the services write it.
  await tx.insert(activityEvents).values(
    org.resources.flatMap((r) => {
      const base = {
        objectType: "resource",
        objectId: idOf(r.key),
        communityId: community(r.communitySlug),
      };
      const owner = person(r.ownerHandle);
      return [
        {
          ...base,
          actorId: owner,
          verb: "resource.created",
          data: { title: r.title, kind: r.kind },
          occurredAt: at(r.createdAt),
        },
        ...(r.publishedAt
          ? [
              {
                ...base,
                actorId: owner,
                verb: "resource.published",
                data: { title: r.title },
                occurredAt: at(r.publishedAt),
              },
            ]
          : []),
        ...r.revisions.slice(1).map((v) => ({
          ...base,
          actorId: person(v.authorHandle),
          verb: "resource.revised",
          data: { revision: v.number, note: v.note },
          occurredAt: at(v.createdAt),
        })),
        ...(r.endorsedAt && r.endorsedByHandle
          ? [
              {
                ...base,
                actorId: person(r.endorsedByHandle),
                verb: "resource.endorsed",
                data: { title: r.title, from: "published", to: "endorsed" },
                occurredAt: at(r.endorsedAt),
              },
            ]
          : []),
        ...(r.archivedAt
          ? [
              {
                ...base,
                actorId: owner,
                verb: "resource.archived",
                data: { title: r.title, from: "published", to: "archived" },
                occurredAt: at(r.archivedAt),
              },
            ]
          : []),
      ];
    }),
  );
}
