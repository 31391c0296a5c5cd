import { eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { notFound } from "../../platform/errors.js";
import type { CommunityTarget } from "../communities/policy.js";
import { communities } from "../communities/tables.js";
import type { ResourceTarget } from "./policy.js";
import { resources } from "./tables.js";

export type ResourceRow = typeof resources.$inferSelect;

/** A resource with its community (null for the starter toolkit), as its rules and pages need it. */
export interface LoadedResource {
  resource: ResourceRow;
  community: CommunityTarget | null;
}

/** One resource by id in one query, or null. */
export async function findResource(db: Db, resourceId: string): Promise<LoadedResource | null> {
  const [row] = await db
    .select({
      resource: resources,
      community: {
        id: communities.id,
        slug: communities.slug,
        name: communities.name,
        visibility: communities.visibility,
        joinPolicy: communities.joinPolicy,
        status: communities.status,
        contentAccess: communities.contentAccess,
      },
    })
    .from(resources)
    .leftJoin(communities, eq(communities.id, resources.communityId))
    .where(eq(resources.id, resourceId));
  if (!row) return null;
  return { resource: row.resource, community: row.community?.id ? row.community : null };
}

/** Like findResource, or a 404. */
export async function loadResource(db: Db, resourceId: string): Promise<LoadedResource> {
  const loaded = await findResource(db, resourceId);
  if (!loaded) throw notFound("resource");
  return loaded;
}

export function resourceTarget(loaded: LoadedResource): ResourceTarget {
  return { community: loaded.community, ownerId: loaded.resource.ownerId, status: loaded.resource.status };
}
