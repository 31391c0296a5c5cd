import { resourceRevisions, resources } from "../../src/features/resources/tables.js";
import type { Db } from "../../src/platform/db/client.js";

type ResourceInsert = typeof resources.$inferInsert;

/**
 * A published resource in `communityId` (null: the starter toolkit) with its first revision,
 * written straight to the tables. Override `status` for drafts, endorsed or archived ones.
 */
export async function buildResource(
  db: Db,
  communityId: string | null,
  overrides: Partial<ResourceInsert> = {},
) {
  const now = new Date();
  const [resource] = await db
    .insert(resources)
    .values({
      communityId,
      kind: "tip_sheet",
      title: "Running a good handover",
      summary: "What to write down before you go on leave.",
      body: "1. List open cases.\n2. Name who decides in your absence.",
      status: "published",
      publishedAt: now,
      reviewBy: new Date(now.getTime() + 365 * 86_400_000).toISOString().slice(0, 10),
      ...overrides,
    })
    .returning();
  await db.insert(resourceRevisions).values({
    resourceId: resource!.id,
    number: 1,
    kind: resource!.kind,
    title: resource!.title,
    summary: resource!.summary,
    body: resource!.body,
    externalUrl: resource!.externalUrl,
    tags: resource!.tags,
    note: "First version",
    authorId: resource!.ownerId,
  });
  return resource!;
}
