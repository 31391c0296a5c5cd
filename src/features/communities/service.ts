import { eq } from "drizzle-orm";
import { recordActivity } from "../../platform/activity.js";
import type { Db } from "../../platform/db/client.js";
import { AppError } from "../../platform/errors.js";
import type { PersonActor } from "../../platform/policy.js";
import { authorize } from "../../platform/policy.js";
import { memberships } from "../memberships/tables.js";
import { slugify } from "../organisation/service.js";
import type { CommunityInput } from "./inputs.js";
import "./policy.js";
import { communities } from "./tables.js";

const reservedSlugs = new Set(["new", "propose", "edit", "search"]);

/** Creates an active community with its creator as the first convenor. */
export async function createCommunity(db: Db, actor: PersonActor, input: CommunityInput) {
  authorize(actor, "community.create", null);
  const slug = input.slug || slugify(input.name);
  if (!slug || reservedSlugs.has(slug)) {
    throw new AppError(422, "invalid_slug", "Choose a different web address", { field: "slug" });
  }
  const clash = await db.select({ id: communities.id }).from(communities).where(eq(communities.slug, slug));
  if (clash.length > 0) {
    throw new AppError(422, "duplicate_slug", `The address /communities/${slug} is taken: choose another`, {
      field: input.slug ? "slug" : "name",
    });
  }
  return db.transaction(async (tx) => {
    const now = new Date();
    const [community] = await tx
      .insert(communities)
      .values({
        slug,
        name: input.name,
        tagline: input.tagline,
        description: input.description,
        type: input.type,
        practiceAreas: input.practiceAreas,
        joinPolicy: input.joinPolicy,
        visibility: input.visibility,
        stage: "inquire",
        status: "active",
        activeSince: now.toISOString().slice(0, 10),
        memberCount: 1,
        lastActivityAt: now,
      })
      .returning();
    if (!community) throw new Error("insert returned nothing");
    await tx.insert(memberships).values({
      communityId: community.id,
      personId: actor.id,
      role: "convenor",
      state: "active",
      involvement: "help_run",
      joinedAt: now,
    });
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "community.created",
      object: { type: "community", id: community.id },
      communityId: community.id,
    });
    return community;
  });
}
