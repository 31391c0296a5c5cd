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
import { communities, type Stage } from "./tables.js";

const reservedSlugs = new Set(["new", "propose", "edit", "search", "proposals"]);

export interface CreateCommunityOptions {
  /** The stage it starts at; "inquire" unless a reviewer chose another. */
  stage?: Stage;
  /** The first convenor: the creator, or the proposer of an approved proposal. */
  convenorId: string;
  /** Who did it, for the activity log. */
  actorId: string;
  /** The proposal it was approved from. */
  proposalId?: string | null;
  now?: Date;
}

/** The web address for a new community, or a 422 naming the field to fix. */
export async function checkSlug(
  db: Db,
  input: { slug: string; name: string },
  field = "slug",
): Promise<string> {
  const slug = input.slug || slugify(input.name);
  if (!slug || reservedSlugs.has(slug)) {
    throw new AppError(422, "invalid_slug", "Choose a different web address", { field });
  }
  const clash = await db.select({ id: communities.id }).from(communities).where(eq(communities.slug, slug));
  if (clash.length > 0) {
    throw new AppError(422, "duplicate_slug", `The address /communities/${slug} is taken: choose another`, {
      field: input.slug ? field : field === "slug" ? "name" : field,
    });
  }
  return slug;
}

/**
 * Inserts an active community with its first convenor, inside the caller's transaction. Shared by
 * the programme team's direct "Create a community" and the approval of a proposal.
 */
export async function insertCommunity(tx: Db, input: CommunityInput, options: CreateCommunityOptions) {
  const slug = await checkSlug(tx, input);
  const now = options.now ?? new Date();
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
      stage: options.stage ?? "inquire",
      stageChangedAt: now,
      status: "active",
      proposalId: options.proposalId ?? null,
      activeSince: now.toISOString().slice(0, 10),
      memberCount: 1,
      lastActivityAt: now,
    })
    .returning();
  if (!community) throw new Error("insert returned nothing");
  await tx.insert(memberships).values({
    communityId: community.id,
    personId: options.convenorId,
    role: "convenor",
    state: "active",
    involvement: "help_run",
    joinedAt: now,
  });
  await recordActivity(tx, {
    actorId: options.actorId,
    verb: "community.created",
    object: { type: "community", id: community.id },
    communityId: community.id,
    data: options.proposalId ? { proposalId: options.proposalId } : undefined,
    at: now,
  });
  return community;
}

/** Creates an active community with its creator as the first convenor (programme team only). */
export async function createCommunity(
  db: Db,
  actor: PersonActor,
  input: CommunityInput,
  options: { stage?: Stage } = {},
) {
  authorize(actor, "community.create", null);
  // Checked before the transaction too, so a taken address answers without opening one.
  await checkSlug(db, input);
  return db.transaction((tx) =>
    insertCommunity(tx, input, { stage: options.stage, convenorId: actor.id, actorId: actor.id }),
  );
}
