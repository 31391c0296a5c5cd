import { and, asc, eq, lt, sql } from "drizzle-orm";
import { recordActivity } from "../../platform/activity.js";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/client.js";
import { AppError, notFound } from "../../platform/errors.js";
import type { CommunityRole, PersonActor } from "../../platform/policy.js";
import { authorize } from "../../platform/policy.js";
import type { CommunityTarget } from "../communities/policy.js";
import { communities } from "../communities/tables.js";
import { notify } from "../notifications/service.js";
import { lockCommunity } from "./locks.js";
import { activitySince } from "./queries.js";
import { roleLabels, roleWords } from "./roster-inputs.js";
import { memberRemoved, roleChanged, welcomeBack } from "./roster-notifications.js";
import type { Involvement } from "./tables.js";
import { memberships } from "./tables.js";
import "./roster-policy.js";

const current = sql`${memberships.state} in ('active', 'on_break')`;

// ---------------------------------------------------------------------------------------------
// Dates. A break runs until a calendar date (inclusive) in the organisation's time zone.

/** The calendar date ("YYYY-MM-DD") of an instant in a time zone. */
export function dateIn(now: Date, timeZone = "UTC"): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/** The same day a year later (29 February becomes 1 March). */
export function aYearAfter(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y + 1, m - 1, d)).toISOString().slice(0, 10);
}

/** "31 March 2026" for a "YYYY-MM-DD" date. */
export function formatDay(day: string): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

// ---------------------------------------------------------------------------------------------
// Locks and counts.

/**
 * Serialises changes to one community's convenors: every role change and removal takes this row
 * lock first, so two convenors demoting each other at once cannot both see "another convenor".
 */
async function currentMembership(tx: Db, communityId: string, personId: string) {
  const rows = await tx
    .select({
      role: memberships.role,
      state: memberships.state,
      involvement: memberships.involvement,
      breakUntil: memberships.breakUntil,
      breakStartedAt: memberships.breakStartedAt,
    })
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.personId, personId), current))
    .for("update");
  return rows[0] ?? null;
}

/**
 * The community's current convenors, counted by locking their rows. Locking them (not just
 * counting) also holds off a convenor leaving at the same moment: leaving locks the leaver's row
 * first, so whichever act comes second sees the other's result.
 */
async function convenorCount(tx: Db, communityId: string): Promise<number> {
  const rows = await tx
    .select({ personId: memberships.personId })
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.role, "convenor"), current))
    .for("update");
  return rows.length;
}

function lastConvenor(
  actor: PersonActor,
  personId: string,
  personName: string,
  community: CommunityTarget,
  act: string,
) {
  const who = personId === actor.id ? "You are" : `${personName} is`;
  return new AppError(
    422,
    "last_convenor",
    `${who} the only convenor of ${community.name}, and a community always needs one. Make someone else a convenor before you ${act}.`,
    { field: "role" },
  );
}

// ---------------------------------------------------------------------------------------------
// Roles and removal (convenors and the programme team).

export interface RosterPerson {
  id: string;
  name: string;
}

/** Changes a member's role. Refuses to leave the community without a convenor. */
export async function changeRole(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  person: RosterPerson,
  role: CommunityRole,
): Promise<{ changed: boolean; from: CommunityRole | null }> {
  authorize(actor, "roster.manage", community);
  return db.transaction(async (tx) => {
    await lockCommunity(tx, community.id);
    const membership = await currentMembership(tx, community.id, person.id);
    if (!membership) throw notFound("member");
    const from = membership.role;
    if (from === role) return { changed: false, from };
    if (from === "convenor" && (await convenorCount(tx, community.id)) <= 1) {
      throw lastConvenor(actor, person.id, person.name, community, "step down");
    }
    await tx
      .update(memberships)
      .set({ role, decidedById: actor.id })
      .where(and(eq(memberships.communityId, community.id), eq(memberships.personId, person.id)));
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "membership.role_changed",
      object: { type: "person", id: person.id },
      communityId: community.id,
      data: { from, to: role },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "membership.role_changed",
      target: { type: "person", id: person.id },
      communityId: community.id,
      data: { from, to: role, community: community.slug },
    });
    if (person.id !== actor.id) {
      await notify(tx, {
        recipientId: person.id,
        kind: roleChanged.kind,
        title: `You are now ${roleWords[role]} of ${community.name}`,
        body: `${actor.name} changed your role from ${roleLabels[from].toLowerCase()} to ${roleLabels[role].toLowerCase()}.`,
        url: `/communities/${community.slug}`,
        dedupeKey: `${roleChanged.kind}:${community.id}`,
        communityId: community.id,
        data: { from, to: role, communityName: community.name },
      });
    }
    return { changed: true, from };
  });
}

/** Removes a member with a reason they are told. Audit-logged; not counted as leaving. */
export async function removeMember(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  person: RosterPerson,
  reason: string,
): Promise<void> {
  authorize(actor, "roster.manage", community);
  if (person.id === actor.id) {
    throw new AppError(422, "remove_self", "You cannot remove yourself. Use Leave community instead.", {
      field: "reason",
    });
  }
  await db.transaction(async (tx) => {
    await lockCommunity(tx, community.id);
    const membership = await currentMembership(tx, community.id, person.id);
    if (!membership) throw notFound("member");
    if (membership.role === "convenor" && (await convenorCount(tx, community.id)) <= 1) {
      const error = lastConvenor(actor, person.id, person.name, community, "remove them");
      throw new AppError(422, error.code, error.userMessage, { field: "reason" });
    }
    const now = new Date();
    await tx
      .update(memberships)
      .set({
        state: "left",
        leftAt: now,
        removedAt: now,
        leaveReason: null,
        decisionMessage: reason,
        decidedById: actor.id,
        breakUntil: null,
      })
      .where(and(eq(memberships.communityId, community.id), eq(memberships.personId, person.id)));
    await tx
      .update(communities)
      .set({ memberCount: sql`greatest(${communities.memberCount} - 1, 0)` })
      .where(eq(communities.id, community.id));
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "membership.removed",
      object: { type: "person", id: person.id },
      communityId: community.id,
      data: { role: membership.role },
      at: now,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "membership.removed",
      target: { type: "person", id: person.id },
      communityId: community.id,
      reason,
      data: { role: membership.role, community: community.slug },
    });
    await notify(tx, {
      recipientId: person.id,
      kind: memberRemoved.kind,
      title: `You have been removed from ${community.name}`,
      body: `${actor.name} gave this reason: ${reason}`,
      url: `/communities/${community.slug}`,
      dedupeKey: `${memberRemoved.kind}:${community.id}:${now.getTime()}`,
      data: { communityName: community.name, reason },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Your own membership: involvement and breaks.

export async function setInvolvement(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  involvement: Involvement,
): Promise<boolean> {
  authorize(actor, "roster.editOwn", community);
  return db.transaction(async (tx) => {
    const membership = await currentMembership(tx, community.id, actor.id);
    if (!membership) throw notFound("membership");
    if (membership.involvement === involvement) return false;
    await tx
      .update(memberships)
      .set({ involvement })
      .where(and(eq(memberships.communityId, community.id), eq(memberships.personId, actor.id)));
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "membership.involvement_changed",
      object: { type: "community", id: community.id },
      communityId: community.id,
      data: { from: membership.involvement, to: involvement },
    });
    return true;
  });
}

/** Checks a break's end date against today: after today, and no more than a year ahead. */
export function checkBreakDate(until: string, now: Date, timeZone = "UTC"): void {
  const today = dateIn(now, timeZone);
  if (until <= today) {
    throw new AppError(422, "break_date_past", "The date your break ends must be in the future", {
      field: "until",
    });
  }
  const latest = aYearAfter(today);
  if (until > latest) {
    throw new AppError(
      422,
      "break_date_too_far",
      `A break can last up to a year: choose ${formatDay(latest)} or earlier`,
      { field: "until" },
    );
  }
}

/** Starts a break until `until` (inclusive), or moves the end of the current one. */
export async function takeBreak(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  until: string,
  options: { now?: Date; timeZone?: string } = {},
): Promise<void> {
  authorize(actor, "roster.editOwn", community);
  const now = options.now ?? new Date();
  checkBreakDate(until, now, options.timeZone);
  await db.transaction(async (tx) => {
    const membership = await currentMembership(tx, community.id, actor.id);
    if (!membership) throw notFound("membership");
    const starting = membership.state !== "on_break";
    await tx
      .update(memberships)
      .set({ state: "on_break", breakUntil: until, ...(starting ? { breakStartedAt: now } : {}) })
      .where(and(eq(memberships.communityId, community.id), eq(memberships.personId, actor.id)));
    await recordActivity(tx, {
      actorId: actor.id,
      verb: starting ? "membership.break_started" : "membership.break_changed",
      object: { type: "community", id: community.id },
      communityId: community.id,
      data: { until },
      at: now,
    });
  });
}

// What a returning member is told, built from the activity log.
const summaryGroups: { test: (verb: string) => boolean; say: (n: number) => string }[] = [
  {
    // Every way in (open join, approved request, accepted invitation) also records community.joined.
    test: (v) => v === "community.joined",
    say: (n) => (n === 1 ? "1 person joined" : `${n} people joined`),
  },
  { test: (v) => v === "community.left", say: (n) => (n === 1 ? "1 person left" : `${n} people left`) },
  { test: (v) => v.startsWith("charter."), say: () => "the charter changed" },
  {
    test: (v) => v.startsWith("lifecycle.stage") || v === "community.stage_changed",
    say: () => "the community moved to a new stage",
  },
  {
    test: (v) => v === "thread.created",
    say: (n) => (n === 1 ? "1 new discussion" : `${n} new discussions`),
  },
  { test: (v) => v === "reply.created", say: (n) => (n === 1 ? "1 reply" : `${n} replies`) },
  {
    test: (v) => v === "event.created",
    say: (n) => (n === 1 ? "1 event was planned" : `${n} events were planned`),
  },
  {
    test: (v) => v === "resource.created" || v === "resource.published",
    say: (n) => (n === 1 ? "1 resource was shared" : `${n} resources were shared`),
  },
  {
    test: (v) => v === "membership.role_changed",
    say: (n) => (n === 1 ? "1 role changed" : `${n} roles changed`),
  },
];
// Requests, invitations, breaks and settings are nobody else's news; joins and leaves are counted above.
const quietVerbs = (verb: string) =>
  (verb.startsWith("membership.") && verb !== "membership.role_changed") || verb === "page.viewed";

/** "4 people joined, the charter changed and 2 new discussions", or null when nothing happened. */
export function describeActivity(counts: Map<string, number>): string | null {
  const parts: string[] = [];
  const used = new Set<string>();
  for (const group of summaryGroups) {
    let n = 0;
    for (const [verb, count] of counts) {
      if (group.test(verb)) {
        n += count;
        used.add(verb);
      }
    }
    if (n > 0) parts.push(group.say(n));
  }
  let other = 0;
  for (const [verb, count] of counts) if (!used.has(verb) && !quietVerbs(verb)) other += count;
  if (other > 0) parts.push(other === 1 ? "1 other update" : `${other} other updates`);
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0]!;
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

export function welcomeBackText(summary: string | null): string {
  return summary ? `While you were away: ${summary}.` : "Nothing much changed while you were away.";
}

/** Ends a break now, at the member's own wish. Returns what happened while they were away. */
export async function endBreak(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  now = new Date(),
): Promise<string | null> {
  authorize(actor, "roster.editOwn", community);
  return db.transaction(async (tx) => {
    const membership = await currentMembership(tx, community.id, actor.id);
    if (!membership) throw notFound("membership");
    if (membership.state !== "on_break") return null;
    await tx
      .update(memberships)
      .set({ state: "active", breakUntil: null })
      .where(and(eq(memberships.communityId, community.id), eq(memberships.personId, actor.id)));
    const since = membership.breakStartedAt ?? now;
    const summary = describeActivity(await activitySince(tx, community.id, since, actor.id));
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "membership.break_ended",
      object: { type: "community", id: community.id },
      communityId: community.id,
      data: { automatic: false },
      at: now,
    });
    return welcomeBackText(summary);
  });
}

/**
 * The daily sweep: everyone whose break ended before today (in the organisation's time zone) is
 * back, and hears what happened while they were away. Safe to run twice: each return only
 * happens while the row is still on a break that has ended.
 */
export async function returnFromBreaks(
  db: Db,
  now = new Date(),
  timeZone = "UTC",
): Promise<{ returned: number }> {
  const today = dateIn(now, timeZone);
  let returned = 0;
  for (;;) {
    const due = await db
      .select({
        communityId: memberships.communityId,
        personId: memberships.personId,
        name: communities.name,
        slug: communities.slug,
      })
      .from(memberships)
      .innerJoin(communities, eq(communities.id, memberships.communityId))
      .where(and(eq(memberships.state, "on_break"), lt(memberships.breakUntil, today)))
      .orderBy(asc(memberships.breakUntil))
      .limit(200);
    if (due.length === 0) break;
    for (const row of due) {
      const back = await db.transaction(async (tx) => {
        const [updated] = await tx
          .update(memberships)
          .set({ state: "active", breakUntil: null })
          .where(
            and(
              eq(memberships.communityId, row.communityId),
              eq(memberships.personId, row.personId),
              eq(memberships.state, "on_break"),
              lt(memberships.breakUntil, today),
            ),
          )
          .returning({ breakStartedAt: memberships.breakStartedAt });
        if (!updated) return false;
        const since = updated.breakStartedAt ?? now;
        const text = welcomeBackText(
          describeActivity(await activitySince(tx, row.communityId, since, row.personId)),
        );
        await recordActivity(tx, {
          actorId: row.personId,
          verb: "membership.break_ended",
          object: { type: "community", id: row.communityId },
          communityId: row.communityId,
          data: { automatic: true },
          at: now,
        });
        await notify(tx, {
          recipientId: row.personId,
          kind: welcomeBack.kind,
          title: `Welcome back to ${row.name}`,
          body: text,
          url: `/communities/${row.slug}`,
          dedupeKey: `${welcomeBack.kind}:${row.communityId}:${today}`,
          communityId: row.communityId,
          data: { communityName: row.name },
        });
        return true;
      });
      if (back) returned += 1;
    }
    if (due.length < 200) break;
  }
  return { returned };
}
