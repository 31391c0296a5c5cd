import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { people } from "../people/tables.js";
import { MAX_PROPOSALS } from "./board-inputs.js";
import { eventRsvps, type RsvpStatus, sessionProposals } from "./tables.js";

export type ProposalRow = typeof sessionProposals.$inferSelect;

export interface BoardProposal {
  id: string;
  title: string;
  description: string;
  voteCount: number;
  room: number | null;
  slot: number | null;
  proposerId: string | null;
  proposerName: string | null;
  proposerHandle: string | null;
  createdAt: Date;
  /** The viewer has voted for it. */
  mine: boolean;
}

export interface Board {
  /** Open proposals, most votes first (then oldest first). */
  proposals: BoardProposal[];
  /** Votes the viewer has spent on open proposals. */
  votesUsed: number;
}

/** The viewer's answer to the event, or null. */
export async function rsvpStatusOf(
  db: Db,
  eventId: string,
  personId: string | null,
): Promise<RsvpStatus | null> {
  if (!personId) return null;
  const [row] = await db
    .select({ status: eventRsvps.status })
    .from(eventRsvps)
    .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.personId, personId)));
  return row?.status ?? null;
}

/** The open proposals of an event with the viewer's votes, in one query. */
export async function boardOf(db: Db, eventId: string, viewerId: string | null): Promise<Board> {
  const rows = await db
    .select({
      id: sessionProposals.id,
      title: sessionProposals.title,
      description: sessionProposals.description,
      voteCount: sessionProposals.voteCount,
      room: sessionProposals.room,
      slot: sessionProposals.slot,
      proposerId: sessionProposals.proposerId,
      proposerName: people.name,
      proposerHandle: people.handle,
      createdAt: sessionProposals.createdAt,
      mine: viewerId
        ? sql<boolean>`exists (select 1 from session_votes v where v.proposal_id = "session_proposals"."id" and v.person_id = ${viewerId})`
        : sql<boolean>`false`,
    })
    .from(sessionProposals)
    .leftJoin(people, eq(people.id, sessionProposals.proposerId))
    .where(and(eq(sessionProposals.eventId, eventId), isNull(sessionProposals.withdrawnAt)))
    .orderBy(desc(sessionProposals.voteCount), asc(sessionProposals.createdAt), asc(sessionProposals.id))
    .limit(MAX_PROPOSALS);
  const proposals = rows.map((row) => ({ ...row, mine: Boolean(row.mine) }));
  return { proposals, votesUsed: proposals.filter((p) => p.mine).length };
}

/** One proposal of the event (withdrawn ones included), or null. */
export async function findProposal(db: Db, eventId: string, proposalId: string): Promise<ProposalRow | null> {
  const [row] = await db
    .select()
    .from(sessionProposals)
    .where(and(eq(sessionProposals.id, proposalId), eq(sessionProposals.eventId, eventId)));
  return row ?? null;
}
