import { and, eq, ne, sql } from "drizzle-orm";
import { recordActivity } from "../../platform/activity.js";
import type { Db } from "../../platform/db/client.js";
import { AppError } from "../../platform/errors.js";
import type { CommunityRole, PersonActor } from "../../platform/policy.js";
import { authorize } from "../../platform/policy.js";
import { currentCharter } from "../charter/queries.js";
import type { CommunityTarget } from "../communities/policy.js";
import { lockCommunity } from "./locks.js";
import "../communities/policy.js";
import { communities } from "../communities/tables.js";
import { memberJoined } from "../notifications/kinds.js";
import { notify } from "../notifications/service.js";
import type { InvitableRole } from "./inputs.js";
import { invitationDeclined, invitationReceived, requestDecided, requestReceived } from "./notifications.js";
import "./policy.js";
import type { Involvement } from "./tables.js";
import { memberships } from "./tables.js";

/** What the join page (and the API) send when someone joins, asks to join, or accepts an invitation. */
export interface JoiningChoices {
  involvement?: Involvement;
  /** Must be true when the community has a code of conduct. */
  acceptCodeOfConduct?: boolean;
  /** The answer to the community's joining question (requests only). */
  answer?: string;
}

/** A community as the joining services need it: the policy facts plus the joining question. */
export type JoiningCommunity = CommunityTarget & { joiningQuestion?: string };

export type JoinOutcome = "joined" | "requested" | "unchanged";

const roleNames: Record<CommunityRole, string> = {
  convenor: "a convenor",
  core: "a core member",
  member: "a member",
  sponsor: "a sponsor",
};
export const roleName = (role: CommunityRole) => roleNames[role];

/** The community's code of conduct, or "" when it has none yet. */
export async function codeOfConductOf(db: Db, communityId: string): Promise<string> {
  const charter = await currentCharter(db, communityId);
  return charter?.codeOfConduct.trim() ?? "";
}

async function requireCodeOfConduct(tx: Db, communityId: string, choices: JoiningChoices) {
  if (choices.acceptCodeOfConduct) return;
  if ((await codeOfConductOf(tx, communityId)) === "") return;
  throw new AppError(422, "code_of_conduct", "Tick the box to say you accept the code of conduct", {
    field: "acceptCodeOfConduct",
  });
}

/** The membership row of a person in a community, locked for the rest of the transaction. */
async function lockRow(tx: Db, communityId: string, personId: string) {
  const rows = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.personId, personId)))
    .for("update");
  return rows[0] ?? null;
}

async function countJoin(tx: Db, communityId: string, now: Date) {
  await tx
    .update(communities)
    .set({ memberCount: sql`${communities.memberCount} + 1`, lastActivityAt: now })
    .where(eq(communities.id, communityId));
}

/**
 * Joins an open community. Re-joining reuses the old row, so the history of the person stays.
 * Someone with an invitation keeps the role they were invited as.
 */
export async function joinCommunity(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  choices: JoiningChoices = {},
  now = new Date(),
): Promise<JoinOutcome> {
  authorize(actor, "community.join", community);
  const involvement = choices.involvement ?? "take_part";
  return db.transaction(async (tx) => {
    await requireCodeOfConduct(tx, community.id, choices);
    const row = await lockRow(tx, community.id, actor.id);
    const accepted = choices.acceptCodeOfConduct ? now : (row?.codeOfConductAcceptedAt ?? null);
    if (row && (row.state === "active" || row.state === "on_break")) return "unchanged"; // a double submission
    const role: CommunityRole = row?.state === "invited" ? row.role : "member";
    const values = {
      role,
      state: "active" as const,
      involvement,
      joinedAt: now,
      leftAt: null,
      leaveReason: null,
      breakUntil: null,
      breakStartedAt: null,
      codeOfConductAcceptedAt: accepted,
    };
    if (row) {
      await tx
        .update(memberships)
        .set(values)
        .where(and(eq(memberships.communityId, community.id), eq(memberships.personId, actor.id)));
    } else {
      const inserted = await tx
        .insert(memberships)
        .values({ communityId: community.id, personId: actor.id, ...values })
        .onConflictDoNothing()
        .returning({ personId: memberships.personId });
      if (inserted.length === 0) return "unchanged"; // the same person joined in another request
    }
    await countJoin(tx, community.id, now);
    await tellConvenors(tx, actor, community);
    if (row?.state === "invited") {
      await recordActivity(tx, {
        actorId: actor.id,
        verb: "membership.invitation_accepted",
        object: { type: "community", id: community.id },
        communityId: community.id,
        data: { role },
        at: now,
      });
    }
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "community.joined",
      object: { type: "community", id: community.id },
      communityId: community.id,
      data: { involvement, role },
      at: now,
    });
    return "joined";
  });
}

/** Asks to join a community whose join policy is "request"; its convenors are told. */
export async function requestToJoin(
  db: Db,
  actor: PersonActor,
  community: JoiningCommunity,
  choices: JoiningChoices = {},
  now = new Date(),
): Promise<JoinOutcome> {
  authorize(actor, "membership.request", community);
  const answer = (choices.answer ?? "").trim();
  if (community.joiningQuestion?.trim() && answer === "")
    throw new AppError(
      422,
      "answer_required",
      "Answer the question so the convenors know why you are joining",
      {
        field: "answer",
      },
    );
  if (answer.length > 1000)
    throw new AppError(422, "answer_too_long", "Keep your answer under 1,000 characters", {
      field: "answer",
    });
  const involvement = choices.involvement ?? "take_part";
  return db.transaction(async (tx) => {
    await requireCodeOfConduct(tx, community.id, choices);
    const row = await lockRow(tx, community.id, actor.id);
    if (row && row.state !== "left") return "unchanged";
    const values = {
      role: "member" as const,
      state: "requested" as const,
      involvement,
      requestAnswer: answer || null,
      requestedAt: now,
      decidedById: null,
      decisionMessage: null,
      codeOfConductAcceptedAt: choices.acceptCodeOfConduct ? now : (row?.codeOfConductAcceptedAt ?? null),
    };
    if (row) {
      await tx
        .update(memberships)
        .set(values)
        .where(and(eq(memberships.communityId, community.id), eq(memberships.personId, actor.id)));
    } else {
      const inserted = await tx
        .insert(memberships)
        .values({ communityId: community.id, personId: actor.id, joinedAt: now, ...values })
        .onConflictDoNothing()
        .returning({ personId: memberships.personId });
      if (inserted.length === 0) return "unchanged";
    }
    const convenors = await otherConvenors(tx, community.id, actor.id);
    for (const { personId } of convenors) {
      await notify(tx, {
        recipientId: personId,
        kind: requestReceived.kind,
        title: `${actor.name} asked to join ${community.name}`,
        url: `/communities/${community.slug}/requests`,
        dedupeKey: `${requestReceived.kind}:${community.id}`,
        communityId: community.id,
        visibleIf: { action: "membership.review", target: community },
        data: { communityName: community.name },
      });
    }
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "membership.requested",
      object: { type: "community", id: community.id },
      communityId: community.id,
      data: { involvement },
      at: now,
    });
    return "requested";
  });
}

/** Takes back one's own request. Nothing happens if it was already answered. */
export async function withdrawRequest(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  now = new Date(),
) {
  authorize(actor, "membership.withdraw", community);
  return db.transaction(async (tx) => {
    const row = await lockRow(tx, community.id, actor.id);
    if (row?.state !== "requested") return false;
    await tx
      .update(memberships)
      .set({ state: "left" })
      .where(and(eq(memberships.communityId, community.id), eq(memberships.personId, actor.id)));
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "membership.request_withdrawn",
      object: { type: "community", id: community.id },
      communityId: community.id,
      at: now,
    });
    return true;
  });
}

export interface Person {
  id: string;
  name: string;
}

/**
 * Approves or declines a pending request. Answers false (and changes nothing) when there is no
 * pending request any more: already answered, withdrawn, or approved twice.
 */
export async function decideRequest(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  person: Person,
  decision: "approve" | "decline",
  message = "",
  now = new Date(),
): Promise<boolean> {
  authorize(actor, "membership.review", community);
  const text = message.trim() || null;
  return db.transaction(async (tx) => {
    const row = await lockRow(tx, community.id, person.id);
    if (row?.state !== "requested") return false;
    const where = and(eq(memberships.communityId, community.id), eq(memberships.personId, person.id));
    if (decision === "approve") {
      await tx
        .update(memberships)
        .set({
          state: "active",
          role: "member",
          joinedAt: now,
          leftAt: null,
          leaveReason: null,
          breakUntil: null,
          breakStartedAt: null,
          decidedById: actor.id,
          decisionMessage: text,
        })
        .where(where);
      await countJoin(tx, community.id, now);
    } else {
      await tx
        .update(memberships)
        .set({ state: "left", decidedById: actor.id, decisionMessage: text })
        .where(where);
    }
    const approved = decision === "approve";
    await notify(tx, {
      recipientId: person.id,
      kind: requestDecided.kind,
      title: approved
        ? `${actor.name} approved your request to join ${community.name}`
        : `${actor.name} declined your request to join ${community.name}`,
      body: text ?? "",
      url: approved ? `/communities/${community.slug}` : "/me/invitations",
      dedupeKey: `${requestDecided.kind}:${community.id}`,
      data: { communityName: community.name, decision },
    });
    await recordActivity(tx, {
      actorId: actor.id,
      verb: approved ? "membership.approved" : "membership.declined",
      object: { type: "person", id: person.id },
      communityId: community.id,
      data: text ? { message: text } : undefined,
      at: now,
    });
    if (approved) {
      await recordActivity(tx, {
        actorId: person.id,
        verb: "community.joined",
        object: { type: "community", id: community.id },
        communityId: community.id,
        data: { involvement: row.involvement, role: "member", via: "request" },
        at: now,
      });
    }
    return true;
  });
}

/**
 * Invites a person (or changes the role of an outstanding invitation). Current members and
 * people who have asked to join are refused with a reason the inviter can act on.
 */
export async function invitePerson(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  person: Person,
  role: InvitableRole,
  message = "",
  now = new Date(),
): Promise<"invited" | "updated"> {
  authorize(actor, "membership.review", community);
  const text = message.trim() || null;
  return db.transaction(async (tx) => {
    const row = await lockRow(tx, community.id, person.id);
    if (row && (row.state === "active" || row.state === "on_break"))
      throw new AppError(422, "already_member", `${person.name} is already a member of ${community.name}.`, {
        field: "person",
      });
    if (row?.state === "requested")
      throw new AppError(
        422,
        "already_requested",
        `${person.name} has already asked to join ${community.name}: approve their request instead.`,
        { field: "person" },
      );
    const values = {
      role,
      state: "invited" as const,
      invitedById: actor.id,
      invitedAt: now,
      decidedById: null,
      decisionMessage: text,
    };
    if (row) {
      await tx
        .update(memberships)
        .set(values)
        .where(and(eq(memberships.communityId, community.id), eq(memberships.personId, person.id)));
    } else {
      await tx
        .insert(memberships)
        .values({ communityId: community.id, personId: person.id, joinedAt: now, ...values })
        .onConflictDoNothing();
    }
    await notify(tx, {
      recipientId: person.id,
      kind: invitationReceived.kind,
      title: `${actor.name} invited you to join ${community.name} as ${roleName(role)}`,
      body: text ?? "",
      url: "/me/invitations",
      dedupeKey: `${invitationReceived.kind}:${community.id}`,
      data: { communityName: community.name, role },
    });
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "membership.invited",
      object: { type: "person", id: person.id },
      communityId: community.id,
      data: { role },
      at: now,
    });
    return row?.state === "invited" ? "updated" : "invited";
  });
}

/** Withdraws an outstanding invitation. Answers false when there was none. */
export async function cancelInvitation(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  person: Person,
  now = new Date(),
): Promise<boolean> {
  authorize(actor, "membership.review", community);
  return db.transaction(async (tx) => {
    const row = await lockRow(tx, community.id, person.id);
    if (row?.state !== "invited") return false;
    await tx
      .update(memberships)
      .set({ state: "left", decidedById: actor.id })
      .where(and(eq(memberships.communityId, community.id), eq(memberships.personId, person.id)));
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "membership.invitation_cancelled",
      object: { type: "person", id: person.id },
      communityId: community.id,
      at: now,
    });
    return true;
  });
}

/**
 * Accepts one's own invitation, whatever the community's join policy: the person becomes an
 * active member in the role they were invited as (including invitations made by proposals).
 */
export async function acceptInvitation(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  choices: JoiningChoices = {},
  now = new Date(),
): Promise<JoinOutcome> {
  authorize(actor, "membership.respond", community);
  const involvement = choices.involvement ?? "take_part";
  return db.transaction(async (tx) => {
    await requireCodeOfConduct(tx, community.id, choices);
    const row = await lockRow(tx, community.id, actor.id);
    if (row?.state !== "invited") return "unchanged";
    await tx
      .update(memberships)
      .set({
        state: "active",
        involvement,
        joinedAt: now,
        leftAt: null,
        leaveReason: null,
        breakUntil: null,
        breakStartedAt: null,
        codeOfConductAcceptedAt: choices.acceptCodeOfConduct ? now : row.codeOfConductAcceptedAt,
      })
      .where(and(eq(memberships.communityId, community.id), eq(memberships.personId, actor.id)));
    await countJoin(tx, community.id, now);
    await tellConvenors(tx, actor, community);
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "membership.invitation_accepted",
      object: { type: "community", id: community.id },
      communityId: community.id,
      data: { role: row.role },
      at: now,
    });
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "community.joined",
      object: { type: "community", id: community.id },
      communityId: community.id,
      data: { involvement, role: row.role, via: "invitation" },
      at: now,
    });
    return "joined";
  });
}

/** Declines one's own invitation; whoever invited the person is told. */
export async function declineInvitation(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  now = new Date(),
): Promise<boolean> {
  // Declining is allowed even once a community has closed; anything else gets the rule's reason.
  if (actor.memberships.get(community.id)?.state !== "invited")
    authorize(actor, "membership.respond", community);
  return db.transaction(async (tx) => {
    const row = await lockRow(tx, community.id, actor.id);
    if (row?.state !== "invited") return false;
    await tx
      .update(memberships)
      .set({ state: "left" })
      .where(and(eq(memberships.communityId, community.id), eq(memberships.personId, actor.id)));
    if (row.invitedById && row.invitedById !== actor.id) {
      await notify(tx, {
        recipientId: row.invitedById,
        kind: invitationDeclined.kind,
        title: `${actor.name} declined your invitation to join ${community.name}`,
        url: `/communities/${community.slug}/requests`,
        dedupeKey: `${invitationDeclined.kind}:${community.id}:${actor.id}`,
        communityId: community.id,
        data: { communityName: community.name },
      });
    }
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "membership.invitation_declined",
      object: { type: "community", id: community.id },
      communityId: community.id,
      data: { role: row.role },
      at: now,
    });
    return true;
  });
}

/** The community's current convenors other than `exceptPersonId` (at most `limit`). */
function otherConvenors(tx: Db, communityId: string, exceptPersonId: string, limit = 100) {
  return tx
    .select({ personId: memberships.personId })
    .from(memberships)
    .where(
      and(
        eq(memberships.communityId, communityId),
        eq(memberships.role, "convenor"),
        sql`${memberships.state} in ('active', 'on_break')`,
        ne(memberships.personId, exceptPersonId),
      ),
    )
    .limit(limit);
}

/** Convenors hear who joined (collapsed while unread), unless they are on a break. */
async function tellConvenors(tx: Db, actor: PersonActor, community: CommunityTarget) {
  const convenors = await otherConvenors(tx, community.id, actor.id);
  for (const { personId } of convenors) {
    await notify(tx, {
      recipientId: personId,
      kind: memberJoined.kind,
      title: `${actor.name} joined ${community.name}`,
      url: `/communities/${community.slug}`,
      dedupeKey: `${memberJoined.kind}:${community.id}`,
      communityId: community.id,
      visibleIf: { action: "community.viewMembers", target: community },
      data: { communityName: community.name },
    });
  }
}

/**
 * Leaves a community, keeping the reason for the convenors' aggregate view. Someone on a break
 * can leave too; their break ends with their membership.
 */
export async function leaveCommunity(db: Db, actor: PersonActor, community: CommunityTarget, reason: string) {
  authorize(actor, "community.leave", community);
  await db.transaction(async (tx) => {
    await lockCommunity(tx, community.id);
    const membership = await lockRow(tx, community.id, actor.id);
    if (!membership || (membership.state !== "active" && membership.state !== "on_break")) return;
    if (membership.role === "convenor") {
      if ((await otherConvenors(tx, community.id, actor.id, 1)).length === 0) {
        throw new AppError(
          422,
          "last_convenor",
          `You are the only convenor of ${community.name}. Name another convenor before you leave.`,
        );
      }
    }
    const now = new Date();
    await tx
      .update(memberships)
      .set({
        state: "left",
        leftAt: now,
        leaveReason: reason || null,
        breakUntil: null,
        breakStartedAt: null,
      })
      .where(and(eq(memberships.communityId, community.id), eq(memberships.personId, actor.id)));
    await tx
      .update(communities)
      .set({ memberCount: sql`greatest(${communities.memberCount} - 1, 0)` })
      .where(eq(communities.id, community.id));
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "community.left",
      object: { type: "community", id: community.id },
      communityId: community.id,
      data: reason ? { reason } : undefined,
    });
  });
}
