import { and, eq, isNull, like, max } from "drizzle-orm";
import { recordActivity } from "../../platform/activity.js";
import type { Db } from "../../platform/db/client.js";
import { AppError, conflict, notFound } from "../../platform/errors.js";
import { type Action, authorize, type PersonActor } from "../../platform/policy.js";
import type { CommunityTarget } from "../communities/policy.js";
import { communities } from "../communities/tables.js";
import { toLocal } from "../events/zoned-time.js";
import { people } from "../people/tables.js";
import { addMonths, type StatusAction } from "./inputs.js";
import { findResource, type ResourceRow, resourceTarget } from "./load.js";
import type { RevisionRow, RevisionWithAuthor } from "./queries.js";
import { collectionItems, collections, type ResourceKind, resourceRevisions, resources } from "./tables.js";
import { STARTER_TOOLKIT_SLUG } from "./toolkit/install.js";
import "./policy.js";

export const resourceUrl = (id: string) => `/resources/${id}`;

/** The words of a resource that every revision keeps. */
export interface ResourceContent {
  kind: ResourceKind;
  title: string;
  summary: string;
  body: string;
  externalUrl: string;
  tags: string[];
}

export interface ResourceDraft extends ResourceContent {
  /** The date to look at it again; null: a year after publishing. */
  reviewBy: string | null;
  /** The note on the first revision. */
  note: string;
  publish: boolean;
}

export interface Clock {
  now?: Date;
  /** The organisation's time zone: review dates are its calendar dates. */
  timeZone?: string;
}

const today = (clock: Clock) => toLocal(clock.now ?? new Date(), clock.timeZone ?? "Europe/London").date;
export const REVIEW_MONTHS = 12;

/** Someone else saved a newer revision since `baseRevision`. Nothing was written. */
export class ResourceConflict extends AppError {
  constructor(readonly latest: RevisionWithAuthor) {
    super(
      409,
      "resource_conflict",
      `Someone else saved revision ${latest.number} while you were editing. Your changes have not been saved.`,
      { currentRevision: latest.number },
    );
  }
}

/** A link needs an https address; anything else needs some text or a link. Checked for the API too. */
function checkContent(content: ResourceContent) {
  if (content.externalUrl) {
    let ok = false;
    try {
      ok = new URL(content.externalUrl).protocol === "https:";
    } catch {}
    if (!ok)
      throw new AppError(422, "invalid_link", "Enter a full web address starting with https://", {
        field: "externalUrl",
      });
  }
  if (content.kind === "link" && !content.externalUrl)
    throw new AppError(422, "link_required", "Enter the address of the page you link to", {
      field: "externalUrl",
    });
  if (content.kind !== "link" && !content.body && !content.externalUrl)
    throw new AppError(422, "body_required", "Write the text, or give a link to it", { field: "body" });
}

function checkReviewDate(reviewBy: string | null, clock: Clock) {
  if (reviewBy && reviewBy <= today(clock))
    throw new AppError(422, "review_date_past", "Choose a review date after today", { field: "reviewBy" });
}

const contentOf = (row: ResourceContent): ResourceContent => ({
  kind: row.kind,
  title: row.title,
  summary: row.summary,
  body: row.body,
  externalUrl: row.externalUrl,
  tags: row.tags,
});

async function touchCommunity(tx: Db, communityId: string | null, now: Date) {
  if (communityId)
    await tx.update(communities).set({ lastActivityAt: now }).where(eq(communities.id, communityId));
}

/** A `/toolkit/<slug>` address from a title: lower-case words joined by hyphens, at most 60 characters. */
export function toolkitSlugOf(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "item";
}

/**
 * For a new starter toolkit item, inside the creating transaction: locks the "Starter toolkit"
 * collection (so two items added at once queue for both the slug and the last position) and picks
 * an unused slug. Returns the collection's id, or null if the programme team has deleted it.
 */
async function prepareToolkitItem(
  tx: Db,
  title: string,
): Promise<{ collectionId: string | null; slug: string }> {
  const [collection] = await tx
    .select({ id: collections.id })
    .from(collections)
    .where(and(isNull(collections.communityId), eq(collections.slug, STARTER_TOOLKIT_SLUG)))
    .for("update");
  const base = toolkitSlugOf(title);
  const taken = new Set(
    (
      await tx
        .select({ slug: resources.toolkitSlug })
        .from(resources)
        .where(like(resources.toolkitSlug, `${base}%`))
    ).map((row) => row.slug),
  );
  let slug = base;
  // "new" would shadow the form at /toolkit/new.
  for (let n = 2; taken.has(slug) || slug === "new"; n++) slug = `${base}-${n}`;
  return { collectionId: collection?.id ?? null, slug };
}

async function appendToCollection(tx: Db, collectionId: string, resourceId: string, now: Date) {
  const [last] = await tx
    .select({ position: max(collectionItems.position) })
    .from(collectionItems)
    .where(eq(collectionItems.collectionId, collectionId));
  await tx.insert(collectionItems).values({
    collectionId,
    resourceId,
    position: (last?.position ?? -1) + 1,
  });
  await tx.update(collections).set({ updatedAt: now }).where(eq(collections.id, collectionId));
}

/**
 * Writes a new resource owned by its author, with revision 1; published straight away if asked.
 * With no community it is a starter toolkit item: it gets a `/toolkit/<slug>` address and goes at
 * the end of the "Starter toolkit" collection.
 */
export async function createResource(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget | null,
  draft: ResourceDraft,
  clock: Clock = {},
): Promise<ResourceRow> {
  authorize(actor, "resource.create", community);
  checkContent(draft);
  checkReviewDate(draft.reviewBy, clock);
  const now = clock.now ?? new Date();
  return db.transaction(async (tx) => {
    const toolkit = community ? null : await prepareToolkitItem(tx, draft.title);
    const [row] = await tx
      .insert(resources)
      .values({
        communityId: community?.id ?? null,
        toolkitSlug: toolkit?.slug ?? null,
        ...contentOf(draft),
        ownerId: actor.id,
        status: draft.publish ? "published" : "draft",
        revision: 1,
        publishedAt: draft.publish ? now : null,
        reviewBy: draft.reviewBy ?? (draft.publish ? addMonths(today(clock), REVIEW_MONTHS) : null),
        lastEditedAt: now,
        lastEditedById: actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error("resource insert returned nothing");
    if (toolkit?.collectionId) await appendToCollection(tx, toolkit.collectionId, row.id, now);
    await tx.insert(resourceRevisions).values({
      resourceId: row.id,
      number: 1,
      ...contentOf(draft),
      note: draft.note || "First version",
      authorId: actor.id,
      createdAt: now,
    });
    const base = {
      actorId: actor.id,
      object: { type: "resource", id: row.id },
      communityId: row.communityId,
      at: now,
    };
    await recordActivity(tx, {
      ...base,
      verb: "resource.created",
      data: { title: row.title, kind: row.kind },
    });
    if (draft.publish)
      await recordActivity(tx, { ...base, verb: "resource.published", data: { title: row.title } });
    await touchCommunity(tx, row.communityId, now);
    return row;
  });
}

/** The resource row, locked for the rest of the transaction, or a 404. */
async function lockResource(tx: Db, resourceId: string) {
  const [row] = await tx.select().from(resources).where(eq(resources.id, resourceId)).for("update");
  if (!row) throw notFound("resource");
  return row;
}

async function loadForAct(db: Db, actor: PersonActor, resourceId: string, action: Action) {
  const loaded = await findResource(db, resourceId);
  if (!loaded) throw notFound("resource");
  authorize(actor, action as "resource.edit", resourceTarget(loaded));
  return loaded;
}

async function revisionWithAuthor(db: Db, resourceId: string, number: number): Promise<RevisionWithAuthor> {
  const [row] = await db
    .select({ revision: resourceRevisions, name: people.name, handle: people.handle })
    .from(resourceRevisions)
    .leftJoin(people, eq(people.id, resourceRevisions.authorId))
    .where(and(eq(resourceRevisions.resourceId, resourceId), eq(resourceRevisions.number, number)));
  if (!row) throw notFound("revision");
  return { ...row.revision, author: row.name && row.handle ? { name: row.name, handle: row.handle } : null };
}

/** Inside a transaction holding the row lock: writes revision n+1 and makes it the current text. */
async function writeRevision(
  tx: Db,
  actor: PersonActor,
  current: ResourceRow,
  content: ResourceContent,
  extra: { note: string; restoredFrom?: number; reviewBy?: string | null },
  now: Date,
): Promise<{ resource: ResourceRow; revision: RevisionRow }> {
  const number = current.revision + 1;
  const [revision] = await tx
    .insert(resourceRevisions)
    .values({
      resourceId: current.id,
      number,
      ...contentOf(content),
      note: extra.note,
      restoredFrom: extra.restoredFrom ?? null,
      authorId: actor.id,
      createdAt: now,
    })
    .returning();
  const [resource] = await tx
    .update(resources)
    .set({
      ...contentOf(content),
      revision: number,
      ...(extra.reviewBy !== undefined && extra.reviewBy !== null ? { reviewBy: extra.reviewBy } : {}),
      lastEditedAt: now,
      lastEditedById: actor.id,
      updatedAt: now,
    })
    .where(eq(resources.id, current.id))
    .returning();
  if (!revision || !resource) throw new Error("revision write returned nothing");
  await touchCommunity(tx, current.communityId, now);
  return { resource, revision };
}

export interface RevisionDraft extends ResourceContent {
  /** The revision the editor started from. */
  baseRevision: number;
  note: string;
  reviewBy?: string | null;
}

/**
 * Saves an edit as the next revision, if nobody saved since `baseRevision` (checked under a row
 * lock). Otherwise throws ResourceConflict and writes nothing: no one's work is overwritten.
 */
export async function saveRevision(
  db: Db,
  actor: PersonActor,
  resourceId: string,
  draft: RevisionDraft,
  clock: Clock = {},
): Promise<{ resource: ResourceRow; revision: RevisionRow }> {
  const loaded = await loadForAct(db, actor, resourceId, "resource.edit");
  checkContent(draft);
  // The edit form sends the date back as it was; only a changed date must lie ahead.
  const reviewBy = draft.reviewBy && draft.reviewBy !== loaded.resource.reviewBy ? draft.reviewBy : null;
  checkReviewDate(reviewBy, clock);
  const now = clock.now ?? new Date();
  const saved = await db.transaction(async (tx) => {
    const current = await lockResource(tx, resourceId);
    if (current.revision !== draft.baseRevision) return null;
    const result = await writeRevision(
      tx,
      actor,
      current,
      draft,
      { note: draft.note || "Edited", reviewBy },
      now,
    );
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "resource.revised",
      object: { type: "resource", id: resourceId },
      communityId: current.communityId,
      data: { revision: result.revision.number, note: result.revision.note },
      at: now,
    });
    return result;
  });
  if (!saved) {
    const [latest] = await db
      .select({ revision: resources.revision })
      .from(resources)
      .where(eq(resources.id, resourceId));
    throw new ResourceConflict(
      await revisionWithAuthor(db, resourceId, latest?.revision ?? draft.baseRevision),
    );
  }
  return saved;
}

/** Makes an earlier revision's text current again, as a new revision: history is never rewritten. */
export async function restoreRevision(
  db: Db,
  actor: PersonActor,
  resourceId: string,
  number: number,
  clock: Clock = {},
): Promise<{ resource: ResourceRow; revision: RevisionRow }> {
  await loadForAct(db, actor, resourceId, "resource.edit");
  const now = clock.now ?? new Date();
  return db.transaction(async (tx) => {
    const current = await lockResource(tx, resourceId);
    const [old] = await tx
      .select()
      .from(resourceRevisions)
      .where(and(eq(resourceRevisions.resourceId, resourceId), eq(resourceRevisions.number, number)));
    if (!old) throw notFound("revision");
    if (number === current.revision) throw conflict(`Revision ${number} is already the current text.`);
    const result = await writeRevision(
      tx,
      actor,
      current,
      old,
      { note: `Restored revision ${number}`, restoredFrom: number },
      now,
    );
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "resource.restored",
      object: { type: "resource", id: resourceId },
      communityId: current.communityId,
      data: { revision: result.revision.number, restoredFrom: number },
      at: now,
    });
    return result;
  });
}

const statusRules: Record<
  StatusAction,
  {
    action: "resource.curate" | "resource.endorse";
    from: ResourceRow["status"][];
    verb: string;
    refusal: string;
  }
> = {
  publish: {
    action: "resource.curate",
    from: ["draft"],
    verb: "resource.published",
    refusal: "Only a draft can be published.",
  },
  archive: {
    action: "resource.curate",
    from: ["draft", "published", "endorsed"],
    verb: "resource.archived",
    refusal: "It is already archived.",
  },
  unarchive: {
    action: "resource.curate",
    from: ["archived"],
    verb: "resource.unarchived",
    refusal: "Only an archived resource can be restored from the archive.",
  },
  endorse: {
    action: "resource.endorse",
    from: ["published"],
    verb: "resource.endorsed",
    refusal: "Only a published resource that is not yet endorsed can be endorsed.",
  },
  unendorse: {
    action: "resource.endorse",
    from: ["endorsed"],
    verb: "resource.unendorsed",
    refusal: "This resource is not endorsed.",
  },
};

/** Publish, archive, bring back from the archive, endorse or withdraw an endorsement. */
export async function changeStatus(
  db: Db,
  actor: PersonActor,
  resourceId: string,
  action: StatusAction,
  clock: Clock = {},
): Promise<ResourceRow> {
  const rule = statusRules[action];
  await loadForAct(db, actor, resourceId, rule.action);
  const now = clock.now ?? new Date();
  return db.transaction(async (tx) => {
    const current = await lockResource(tx, resourceId);
    if (!rule.from.includes(current.status)) throw conflict(rule.refusal);
    const changes: Partial<typeof resources.$inferInsert> = { updatedAt: now };
    if (action === "publish") {
      changes.status = "published";
      changes.publishedAt = current.publishedAt ?? now;
      changes.reviewBy = current.reviewBy ?? addMonths(today(clock), REVIEW_MONTHS);
    } else if (action === "archive") {
      // An archived resource is no longer the community's agreed practice: the endorsement ends.
      Object.assign(changes, { status: "archived", archivedAt: now, endorsedAt: null, endorsedById: null });
    } else if (action === "unarchive") {
      changes.status = current.publishedAt ? "published" : "draft";
      changes.archivedAt = null;
    } else if (action === "endorse") {
      Object.assign(changes, { status: "endorsed", endorsedAt: now, endorsedById: actor.id });
    } else {
      Object.assign(changes, { status: "published", endorsedAt: null, endorsedById: null });
    }
    const [row] = await tx.update(resources).set(changes).where(eq(resources.id, resourceId)).returning();
    if (!row) throw notFound("resource");
    await recordActivity(tx, {
      actorId: actor.id,
      verb: rule.verb,
      object: { type: "resource", id: resourceId },
      communityId: row.communityId,
      data: { title: row.title, from: current.status, to: row.status },
      at: now,
    });
    return row;
  });
}

/** Records that someone looked the resource over, and sets the next review date (a year on by default). */
export async function markReviewed(
  db: Db,
  actor: PersonActor,
  resourceId: string,
  reviewBy: string | null,
  clock: Clock = {},
): Promise<ResourceRow> {
  await loadForAct(db, actor, resourceId, "resource.curate");
  checkReviewDate(reviewBy, clock);
  const now = clock.now ?? new Date();
  return db.transaction(async (tx) => {
    const current = await lockResource(tx, resourceId);
    if (current.status !== "published" && current.status !== "endorsed")
      throw conflict("Only a published or endorsed resource is reviewed.");
    const next = reviewBy ?? addMonths(today(clock), REVIEW_MONTHS);
    const [row] = await tx
      .update(resources)
      .set({
        reviewedAt: now,
        reviewedById: actor.id,
        reviewBy: next,
        // A new review date earns a new reminder when it passes.
        reviewReminderSentAt: null,
        updatedAt: now,
      })
      .where(eq(resources.id, resourceId))
      .returning();
    if (!row) throw notFound("resource");
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "resource.reviewed",
      object: { type: "resource", id: resourceId },
      communityId: row.communityId,
      data: { reviewBy: next, previousReviewBy: current.reviewBy },
      at: now,
    });
    return row;
  });
}
