import { and, count, eq, isNull, sql } from "drizzle-orm";
import { recordActivity } from "../../platform/activity.js";
import type { Db } from "../../platform/db/client.js";
import { AppError, notFound } from "../../platform/errors.js";
import { authorize, type PersonActor } from "../../platform/policy.js";
import {
  cellField,
  MAX_PROPOSALS,
  MAX_PROPOSALS_EACH,
  type Placement,
  type ProposalInput,
} from "./board-inputs.js";
import type { BoardTarget } from "./board-policy.js";
import type { ProposalRow } from "./board-queries.js";
import { eventTarget, type LoadedEvent } from "./load.js";
import { events, sessionProposals, sessionVotes } from "./tables.js";
import "./board-policy.js";

export const boardUrl = (eventId: string) => `/events/${eventId}/board`;
export const scheduleUrl = (eventId: string) => `/events/${eventId}/board/schedule`;

/** Only unconferences have a session board; for any other event it does not exist. */
export function assertUnconference(loaded: LoadedEvent): void {
  if (loaded.event.type !== "unconference") throw notFound("session board");
}

export const boardTarget = (loaded: LoadedEvent, going: boolean, now = new Date()): BoardTarget => ({
  event: eventTarget(loaded, now),
  going,
});

/** Every change to a board takes the event's row lock first, so counts and allowances hold under parallel clicks. */
async function lockEvent(tx: Db, eventId: string) {
  const [row] = await tx
    .select({
      votesPerPerson: events.votesPerPerson,
      boardRooms: events.boardRooms,
      boardSlots: events.boardSlots,
      schedulePublishedAt: events.schedulePublishedAt,
    })
    .from(events)
    .where(eq(events.id, eventId))
    .for("update");
  if (!row) throw notFound("event");
  return row;
}

/** Proposes a session. People going and organisers; a few open proposals each. */
export async function proposeSession(
  db: Db,
  actor: PersonActor,
  loaded: LoadedEvent,
  going: boolean,
  input: ProposalInput,
  now = new Date(),
): Promise<ProposalRow> {
  assertUnconference(loaded);
  authorize(actor, "session.propose", boardTarget(loaded, going, now));
  const eventId = loaded.event.id;
  return db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const [counts] = await tx
      .select({
        all: count(),
        mine: sql<number>`count(*) filter (where ${sessionProposals.proposerId} = ${actor.id})`,
      })
      .from(sessionProposals)
      .where(and(eq(sessionProposals.eventId, eventId), isNull(sessionProposals.withdrawnAt)));
    if (Number(counts?.all ?? 0) >= MAX_PROPOSALS)
      throw new AppError(
        422,
        "board_full",
        "The board is full. Vote for a session already proposed instead.",
        {
          field: "title",
        },
      );
    if (Number(counts?.mine ?? 0) >= MAX_PROPOSALS_EACH)
      throw new AppError(
        422,
        "too_many_proposals",
        `You already have ${MAX_PROPOSALS_EACH} sessions on the board. Withdraw one to propose another.`,
        { field: "title" },
      );
    const [proposal] = await tx
      .insert(sessionProposals)
      .values({
        eventId,
        proposerId: actor.id,
        title: input.title,
        description: input.description,
        createdAt: now,
      })
      .returning();
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "session.proposed",
      object: { type: "session_proposal", id: proposal!.id },
      communityId: loaded.event.communityId,
      data: { eventId, title: input.title },
      at: now,
    });
    return proposal!;
  });
}

/** Withdraws a proposal: it leaves the board and the grid, and its votes go back to the voters. */
export async function withdrawSession(
  db: Db,
  actor: PersonActor,
  loaded: LoadedEvent,
  going: boolean,
  proposal: ProposalRow,
  now = new Date(),
): Promise<void> {
  assertUnconference(loaded);
  authorize(actor, "session.withdraw", {
    board: boardTarget(loaded, going, now),
    proposerId: proposal.proposerId,
  });
  if (proposal.withdrawnAt) return;
  await db.transaction(async (tx) => {
    await lockEvent(tx, loaded.event.id);
    const changed = await tx
      .update(sessionProposals)
      .set({ withdrawnAt: now, room: null, slot: null, voteCount: 0 })
      .where(and(eq(sessionProposals.id, proposal.id), isNull(sessionProposals.withdrawnAt)))
      .returning({ id: sessionProposals.id });
    if (changed.length === 0) return;
    await tx.delete(sessionVotes).where(eq(sessionVotes.proposalId, proposal.id));
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "session.withdrawn",
      object: { type: "session_proposal", id: proposal.id },
      communityId: loaded.event.communityId,
      data: { eventId: loaded.event.id, title: proposal.title, proposerId: proposal.proposerId },
      at: now,
    });
  });
}

/**
 * Gives (`on`) or takes back a vote; `"toggle"` flips it. At most one vote per session and
 * `votesPerPerson` in all: the event's row lock serialises one person's parallel clicks.
 */
export async function setVote(
  db: Db,
  actor: PersonActor,
  loaded: LoadedEvent,
  going: boolean,
  proposalId: string,
  on: boolean | "toggle",
  now = new Date(),
): Promise<{ voted: boolean; votesLeft: number }> {
  assertUnconference(loaded);
  const target = boardTarget(loaded, going, now);
  // Taking a vote back stays possible for anyone who can see the board.
  if (on !== false) authorize(actor, "session.vote", target);
  const eventId = loaded.event.id;
  return db.transaction(async (tx) => {
    const { votesPerPerson } = await lockEvent(tx, eventId);
    const [proposal] = await tx
      .select({
        id: sessionProposals.id,
        title: sessionProposals.title,
        withdrawnAt: sessionProposals.withdrawnAt,
      })
      .from(sessionProposals)
      .where(and(eq(sessionProposals.id, proposalId), eq(sessionProposals.eventId, eventId)));
    if (!proposal || proposal.withdrawnAt) throw notFound("session");
    const mine = and(eq(sessionVotes.proposalId, proposalId), eq(sessionVotes.personId, actor.id));
    const [existing] = await tx.select({ id: sessionVotes.proposalId }).from(sessionVotes).where(mine);
    const [used] = await tx
      .select({ n: count() })
      .from(sessionVotes)
      .where(and(eq(sessionVotes.eventId, eventId), eq(sessionVotes.personId, actor.id)));
    let spent = Number(used?.n ?? 0);
    const want = on === "toggle" ? !existing : on;
    if (want === Boolean(existing)) return { voted: want, votesLeft: Math.max(0, votesPerPerson - spent) };
    if (want) {
      authorize(actor, "session.vote", target);
      if (spent >= votesPerPerson)
        throw new AppError(
          422,
          "no_votes_left",
          `${votesPerPerson === 1 ? "You have used your vote" : `You have used all ${votesPerPerson} of your votes`}. Take one back to vote for “${proposal.title}”.`,
          { field: "vote" },
        );
      await tx.insert(sessionVotes).values({ proposalId, personId: actor.id, eventId, createdAt: now });
      spent += 1;
    } else {
      await tx.delete(sessionVotes).where(mine);
      spent -= 1;
    }
    await tx
      .update(sessionProposals)
      .set({ voteCount: sql`${sessionProposals.voteCount} + ${want ? 1 : -1}` })
      .where(eq(sessionProposals.id, proposalId));
    await recordActivity(tx, {
      actorId: actor.id,
      verb: want ? "session.voted" : "session.unvoted",
      object: { type: "session_proposal", id: proposalId },
      communityId: loaded.event.communityId,
      data: { eventId, title: proposal.title },
      at: now,
    });
    return { voted: want, votesLeft: Math.max(0, votesPerPerson - spent) };
  });
}

export interface ScheduleChange {
  rooms?: string[];
  slots?: string[];
  /** The whole grid's placements; proposals left out are taken off the grid. */
  placements?: Placement[];
  published?: boolean;
  /** Lowering it keeps votes already given; people simply cannot give more until under it. */
  votesPerPerson?: number;
}

const cellTaken = (field: string, message: string) => new AppError(422, "cell_taken", message, { field });

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e)
    if (e.code === "23505") return true;
  return false;
}

/**
 * Organisers edit the grid (rooms × slots), place proposals in its cells and publish or
 * unpublish it. One session per cell and one cell per session; shrinking the grid takes the
 * sessions in removed rooms or slots off it.
 */
export async function saveSchedule(
  db: Db,
  actor: PersonActor,
  loaded: LoadedEvent,
  change: ScheduleChange,
  now = new Date(),
): Promise<{ unplaced: number; published: boolean }> {
  assertUnconference(loaded);
  authorize(actor, "event.manage", eventTarget(loaded, now));
  const eventId = loaded.event.id;
  try {
    return await db.transaction(async (tx) => {
      const current = await lockEvent(tx, eventId);
      const rooms = change.rooms ?? current.boardRooms;
      const slots = change.slots ?? current.boardSlots;
      const open = await tx
        .select({
          id: sessionProposals.id,
          title: sessionProposals.title,
          room: sessionProposals.room,
          slot: sessionProposals.slot,
        })
        .from(sessionProposals)
        .where(and(eq(sessionProposals.eventId, eventId), isNull(sessionProposals.withdrawnAt)));
      const titles = new Map(open.map((p) => [p.id, p.title]));

      const placements =
        change.placements ??
        open
          .filter((p) => p.room !== null && p.slot !== null)
          .map((p) => ({ proposalId: p.id, room: p.room!, slot: p.slot! }));
      const kept: Placement[] = [];
      const byCell = new Map<string, string>();
      const placed = new Set<string>();
      for (const placement of placements) {
        const field = cellField(placement.room, placement.slot);
        const title = titles.get(placement.proposalId);
        if (title === undefined)
          throw cellTaken(field, "That session is no longer on the board. Choose another.");
        if (placement.room >= rooms.length || placement.slot >= slots.length) {
          // Placements sent with the change must fit the grid; older ones fall off a smaller grid.
          if (change.placements)
            throw cellTaken(field, "That room or slot does not exist. Reload the schedule.");
          continue;
        }
        const other = byCell.get(field);
        if (other)
          throw cellTaken(
            field,
            `“${titles.get(other)}” and “${title}” are both in ${rooms[placement.room]} at ${slots[placement.slot]}. A room holds one session at a time: move one of them.`,
          );
        if (placed.has(placement.proposalId))
          throw cellTaken(field, `“${title}” is placed twice. Each session has one place on the schedule.`);
        byCell.set(field, placement.proposalId);
        placed.add(placement.proposalId);
        kept.push(placement);
      }

      let publishedAt = current.schedulePublishedAt;
      if (change.published === true && kept.length === 0)
        throw new AppError(
          422,
          "schedule_empty",
          "Place at least one session before publishing the schedule.",
          {
            field: "publish",
          },
        );
      if (change.published !== undefined) publishedAt = change.published ? (publishedAt ?? now) : null;

      await tx
        .update(events)
        .set({
          boardRooms: rooms,
          boardSlots: slots,
          schedulePublishedAt: publishedAt,
          votesPerPerson: change.votesPerPerson ?? current.votesPerPerson,
        })
        .where(eq(events.id, eventId));
      // Clear the grid first, so sessions can swap cells without tripping the one-per-cell index.
      await tx
        .update(sessionProposals)
        .set({ room: null, slot: null })
        .where(and(eq(sessionProposals.eventId, eventId), sql`${sessionProposals.room} is not null`));
      for (const p of kept)
        await tx
          .update(sessionProposals)
          .set({ room: p.room, slot: p.slot })
          .where(eq(sessionProposals.id, p.proposalId));

      const wasPublished = Boolean(current.schedulePublishedAt);
      if (wasPublished !== Boolean(publishedAt))
        await recordActivity(tx, {
          actorId: actor.id,
          verb: publishedAt ? "event.schedule_published" : "event.schedule_unpublished",
          object: { type: "event", id: eventId },
          communityId: loaded.event.communityId,
          data: { eventId, rooms: rooms.length, slots: slots.length, sessions: kept.length },
          at: now,
        });
      const before = open.filter((p) => p.room !== null && p.slot !== null).length;
      return {
        unplaced: change.placements ? 0 : Math.max(0, before - kept.length),
        published: Boolean(publishedAt),
      };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError(
        409,
        "conflict",
        "Someone changed the schedule at the same time. Look at it again and retry.",
      );
    throw error;
  }
}
