import { and, eq } from "drizzle-orm";
import { recordActivity } from "../../platform/activity.js";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/client.js";
import { AppError, notFound } from "../../platform/errors.js";
import { authorize, type PersonActor } from "../../platform/policy.js";
import { insertCommunity } from "../communities/service.js";
import { memberships } from "../memberships/tables.js";
import { notify } from "../notifications/service.js";
import { slugify } from "../organisation/service.js";
import type { ApproveInput, ProposalInput } from "./inputs.js";
import {
  foundingInvitation,
  proposalReviewed,
  proposalToReview,
  proposedCommunityOpened,
} from "./notifications.js";
import "./policy.js";
import { interestedPeople, programmeTeamIds, resolvePeople } from "./queries.js";
import {
  type ProposalEventKind,
  type ProposalStatus,
  proposalEvents,
  proposalInterest,
  proposals,
} from "./tables.js";

type ProposalRow = typeof proposals.$inferSelect;

/**
 * The founding group and sponsor as people, or a 422 naming each one we could not find. Pages call
 * it before submitting, so both fields get their error at once; the service calls it again.
 */
export async function checkPeople(
  db: Db,
  proposerId: string,
  input: Pick<ProposalInput, "foundingCore" | "sponsor">,
): Promise<{ foundingCoreIds: string[]; sponsorId: string | null; errors: Record<string, string> }> {
  const errors: Record<string, string> = {};
  const core = await resolvePeople(db, input.foundingCore);
  if (core.missing.length === 1)
    errors.foundingCore = `We could not find anyone with the handle or email address “${core.missing[0]}”`;
  else if (core.missing.length > 1)
    errors.foundingCore = `We could not find anyone with these handles or email addresses: ${core.missing.map((m) => `“${m}”`).join(", ")}`;
  let sponsorId: string | null = null;
  if (input.sponsor) {
    const sponsor = await resolvePeople(db, [input.sponsor]);
    if (sponsor.missing.length > 0)
      errors.sponsor = `We could not find anyone with the handle or email address “${input.sponsor}”`;
    else if (sponsor.found[0]?.id === proposerId)
      errors.sponsor = "Suggest someone other than yourself as sponsor";
    else sponsorId = sponsor.found[0]?.id ?? null;
  }
  // The proposer will be the convenor, so they are not invited to their own founding group.
  const foundingCoreIds = core.found.map((p) => p.id).filter((id) => id !== proposerId);
  return { foundingCoreIds, sponsorId, errors };
}

async function peopleOrThrow(db: Db, proposerId: string, input: ProposalInput) {
  const checked = await checkPeople(db, proposerId, input);
  const [field, message] = Object.entries(checked.errors)[0] ?? [];
  if (field && message) throw new AppError(422, "unknown_person", message, { field });
  return checked;
}

async function addEvent(
  tx: Db,
  proposalId: string,
  authorId: string,
  kind: ProposalEventKind,
  body = "",
  at = new Date(),
) {
  await tx.insert(proposalEvents).values({ proposalId, authorId, kind, body, createdAt: at });
}

/** Locks the proposal for the rest of the transaction, so two decisions cannot both land. */
async function lockProposal(tx: Db, id: string): Promise<ProposalRow> {
  const [row] = await tx.select().from(proposals).where(eq(proposals.id, id)).for("update");
  if (!row) throw notFound("proposal");
  return row;
}

const targetOf = (p: ProposalRow) => ({ id: p.id, name: p.name, proposerId: p.proposerId, status: p.status });

async function tellProgrammeTeam(tx: Db, proposal: ProposalRow, title: string, exceptId: string) {
  for (const recipientId of await programmeTeamIds(tx)) {
    if (recipientId === exceptId) continue;
    await notify(tx, {
      recipientId,
      kind: proposalToReview.kind,
      title,
      url: `/admin/proposals/${proposal.id}`,
      data: { proposalName: proposal.name },
    });
  }
}

/**
 * Comments collapse into one unread notification; each decision is news of its own (`step`), so a
 * decline's reason or an approval's link is never folded into "3 updates".
 */
async function tellProposer(
  tx: Db,
  proposal: ProposalRow,
  step: ProposalEventKind,
  title: string,
  url = `/me/proposals/${proposal.id}`,
  body = "",
) {
  await notify(tx, {
    recipientId: proposal.proposerId,
    kind: proposalReviewed.kind,
    title,
    body,
    url,
    dedupeKey: `${proposalReviewed.kind}:${proposal.id}:${step === "comment" ? "comments" : `${step}:${Date.now()}`}`,
    data: { proposalName: proposal.name },
  });
}

/** A new proposal, submitted for review at once. */
export async function submitProposal(db: Db, actor: PersonActor, input: ProposalInput, now = new Date()) {
  authorize(actor, "proposal.create", null);
  const { foundingCoreIds, sponsorId } = await peopleOrThrow(db, actor.id, input);
  return db.transaction(async (tx) => {
    const [proposal] = await tx
      .insert(proposals)
      .values({
        proposerId: actor.id,
        status: "submitted",
        name: input.name,
        practiceAreas: input.practiceAreas,
        need: input.need,
        audience: input.audience,
        plannedActivities: input.plannedActivities,
        foundingCoreIds,
        suggestedSponsorId: sponsorId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!proposal) throw new Error("insert returned nothing");
    await addEvent(tx, proposal.id, actor.id, "submitted", "", now);
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "proposal.submitted",
      object: { type: "proposal", id: proposal.id },
      at: now,
    });
    await tellProgrammeTeam(
      tx,
      proposal,
      `${actor.name} proposed a new community: ${proposal.name}`,
      actor.id,
    );
    return proposal;
  });
}

/** The proposer's changes after the programme team asked for them; sends it back for review. */
export async function resubmitProposal(
  db: Db,
  actor: PersonActor,
  id: string,
  input: ProposalInput,
  note = "",
  now = new Date(),
) {
  const { foundingCoreIds, sponsorId } = await peopleOrThrow(db, actor.id, input);
  return db.transaction(async (tx) => {
    const current = await lockProposal(tx, id);
    authorize(actor, "proposal.edit", targetOf(current));
    const [proposal] = await tx
      .update(proposals)
      .set({
        status: "submitted",
        name: input.name,
        practiceAreas: input.practiceAreas,
        need: input.need,
        audience: input.audience,
        plannedActivities: input.plannedActivities,
        foundingCoreIds,
        suggestedSponsorId: sponsorId,
        updatedAt: now,
      })
      .where(eq(proposals.id, id))
      .returning();
    if (!proposal) throw notFound("proposal");
    await addEvent(tx, id, actor.id, "resubmitted", note, now);
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "proposal.resubmitted",
      object: { type: "proposal", id },
      at: now,
    });
    await tellProgrammeTeam(tx, proposal, `${actor.name} changed and resubmitted ${proposal.name}`, actor.id);
    return proposal;
  });
}

/** A comment in the review conversation, by a reviewer or the proposer. */
export async function commentOnProposal(
  db: Db,
  actor: PersonActor,
  id: string,
  body: string,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const proposal = await lockProposal(tx, id);
    authorize(actor, "proposal.comment", targetOf(proposal));
    await addEvent(tx, id, actor.id, "comment", body, now);
    await tx.update(proposals).set({ updatedAt: now }).where(eq(proposals.id, id));
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "proposal.commented",
      object: { type: "proposal", id },
      at: now,
    });
    if (actor.id === proposal.proposerId)
      await tellProgrammeTeam(tx, proposal, `${actor.name} replied about ${proposal.name}`, actor.id);
    else
      await tellProposer(
        tx,
        proposal,
        "comment",
        `The programme team commented on your proposal for ${proposal.name}`,
      );
    return proposal;
  });
}

async function setStatus(
  tx: Db,
  proposal: ProposalRow,
  actor: PersonActor,
  status: ProposalStatus,
  now: Date,
) {
  const decision = status === "approved" || status === "declined";
  const [row] = await tx
    .update(proposals)
    .set({
      status,
      updatedAt: now,
      ...(decision ? { decidedById: actor.id, decidedAt: now } : {}),
    })
    .where(eq(proposals.id, proposal.id))
    .returning();
  return row ?? proposal;
}

/** The programme team asks the proposer to change something before deciding. */
export function requestChanges(db: Db, actor: PersonActor, id: string, message: string, now = new Date()) {
  return decideWithMessage(db, actor, id, message, now, {
    status: "changes_requested",
    title: (name) => `The programme team asked for changes to ${name}`,
  });
}

/** The programme team declines, with a reason the proposer reads. */
export function declineProposal(db: Db, actor: PersonActor, id: string, reason: string, now = new Date()) {
  return decideWithMessage(db, actor, id, reason, now, {
    status: "declined",
    title: (name) => `Your proposal for ${name} was declined`,
  });
}

/**
 * A decision that only changes the status and carries a message for the proposer: recorded in the
 * proposal's history, the activity log and the audit log, and sent to the proposer.
 */
async function decideWithMessage(
  db: Db,
  actor: PersonActor,
  id: string,
  message: string,
  now: Date,
  decision: { status: "changes_requested" | "declined"; title: (name: string) => string },
) {
  const { status } = decision;
  return db.transaction(async (tx) => {
    const current = await lockProposal(tx, id);
    authorize(actor, "proposal.decide", targetOf(current));
    const proposal = await setStatus(tx, current, actor, status, now);
    await addEvent(tx, id, actor.id, status, message, now);
    await recordActivity(tx, {
      actorId: actor.id,
      verb: `proposal.${status}`,
      object: { type: "proposal", id },
      at: now,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: `proposal.${status}`,
      target: { type: "proposal", id },
      reason: message,
      data: { name: proposal.name },
    });
    await tellProposer(tx, proposal, status, decision.title(proposal.name), undefined, message);
    return proposal;
  });
}

/**
 * Approval: creates the community at the chosen stage with the proposer as convenor, invites the
 * founding group as core members and the suggested sponsor as sponsor, and tells everyone concerned.
 * The proposal row is locked and its status checked inside the transaction, so approving twice
 * (a double click, two reviewers at once) creates one community.
 */
export async function approveProposal(
  db: Db,
  actor: PersonActor,
  id: string,
  input: ApproveInput,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const current = await lockProposal(tx, id);
    if (current.status === "approved")
      throw new AppError(
        409,
        "already_approved",
        `The proposal for ${current.name} has already been approved.`,
      );
    authorize(actor, "proposal.decide", targetOf(current));
    const description = [
      current.need,
      current.audience && `## Who it is for\n\n${current.audience}`,
      current.plannedActivities && `## Planned activities\n\n${current.plannedActivities}`,
    ]
      .filter(Boolean)
      .join("\n\n");
    const community = await insertCommunity(
      tx,
      {
        name: current.name,
        slug: input.slug || slugify(current.name),
        tagline: "",
        description,
        type: input.type,
        practiceAreas: current.practiceAreas,
        joinPolicy: "open",
        visibility: "listed",
      },
      { stage: input.stage, convenorId: current.proposerId, actorId: actor.id, proposalId: id, now },
    );
    const [proposal] = await tx
      .update(proposals)
      .set({
        status: "approved",
        communityId: community.id,
        approvedStage: input.stage,
        decidedById: actor.id,
        decidedAt: now,
        updatedAt: now,
      })
      .where(eq(proposals.id, id))
      .returning();
    if (!proposal) throw notFound("proposal");

    // Invitations: the founding group as core, the suggested sponsor as sponsor. The proposer is
    // already the convenor; someone named twice is invited once, as core.
    const invited = new Map<string, "core" | "sponsor">();
    for (const personId of current.foundingCoreIds)
      if (personId !== current.proposerId) invited.set(personId, "core");
    if (
      current.suggestedSponsorId &&
      current.suggestedSponsorId !== current.proposerId &&
      !invited.has(current.suggestedSponsorId)
    )
      invited.set(current.suggestedSponsorId, "sponsor");
    if (invited.size > 0) {
      await tx.insert(memberships).values(
        [...invited].map(([personId, role]) => ({
          communityId: community.id,
          personId,
          role,
          state: "invited" as const,
          involvement: "help_run" as const,
          invitedById: actor.id,
          invitedAt: now,
          joinedAt: now,
        })),
      );
    }

    await addEvent(tx, id, actor.id, "approved", input.message, now);
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "proposal.approved",
      object: { type: "proposal", id },
      communityId: community.id,
      data: { stage: input.stage, invited: invited.size },
      at: now,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "proposal.approved",
      target: { type: "proposal", id },
      communityId: community.id,
      reason: input.message || null,
      data: { name: current.name, slug: community.slug, stage: input.stage },
    });

    const url = `/communities/${community.slug}`;
    await tellProposer(
      tx,
      proposal,
      "approved",
      `Your proposal was approved: ${community.name} is open and you are its convenor`,
      url,
      input.message,
    );
    for (const [personId, role] of invited) {
      await notify(tx, {
        recipientId: personId,
        kind: foundingInvitation.kind,
        title:
          role === "sponsor"
            ? `You are invited to sponsor ${community.name}, a new community`
            : `You are invited to join the founding core group of ${community.name}`,
        url,
        data: { communityName: community.name },
      });
    }
    for (const personId of await interestedPeople(tx, id)) {
      if (personId === current.proposerId || invited.has(personId)) continue;
      await notify(tx, {
        recipientId: personId,
        kind: proposedCommunityOpened.kind,
        title: `${community.name} is now open: you registered interest in it`,
        url,
        communityId: community.id,
        data: { communityName: community.name },
      });
    }
    return { proposal, community };
  });
}

/** The proposer takes the proposal back while it is under review. */
export async function withdrawProposal(db: Db, actor: PersonActor, id: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const current = await lockProposal(tx, id);
    authorize(actor, "proposal.withdraw", targetOf(current));
    const proposal = await setStatus(tx, current, actor, "withdrawn", now);
    await addEvent(tx, id, actor.id, "withdrawn", "", now);
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "proposal.withdrawn",
      object: { type: "proposal", id },
      at: now,
    });
    return proposal;
  });
}

/** Registers (or withdraws) the person's interest; doing it twice changes nothing. */
export async function setInterest(
  db: Db,
  actor: PersonActor,
  id: string,
  interested: boolean,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const [proposal] = await tx.select().from(proposals).where(eq(proposals.id, id));
    if (!proposal) throw notFound("proposal");
    authorize(actor, "proposal.registerInterest", targetOf(proposal));
    if (interested) {
      const inserted = await tx
        .insert(proposalInterest)
        .values({ proposalId: id, personId: actor.id, createdAt: now })
        .onConflictDoNothing()
        .returning({ personId: proposalInterest.personId });
      if (inserted.length > 0)
        await recordActivity(tx, {
          actorId: actor.id,
          verb: "proposal.interest_registered",
          object: { type: "proposal", id },
          at: now,
        });
    } else {
      const removed = await tx
        .delete(proposalInterest)
        .where(and(eq(proposalInterest.proposalId, id), eq(proposalInterest.personId, actor.id)))
        .returning({ personId: proposalInterest.personId });
      if (removed.length > 0)
        await recordActivity(tx, {
          actorId: actor.id,
          verb: "proposal.interest_withdrawn",
          object: { type: "proposal", id },
          at: now,
        });
    }
    return proposal;
  });
}
