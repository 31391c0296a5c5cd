import { and, asc, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import { authUsers } from "../../platform/auth/tables.js";
import type { Db } from "../../platform/db/client.js";
import { type Cursor, type Page, toPage } from "../../platform/http/pagination.js";
import { communities } from "../communities/tables.js";
import { people } from "../people/tables.js";
import { type ProposalStatus, proposalEvents, proposalInterest, proposals } from "./tables.js";

export interface PersonRef {
  id: string;
  handle: string;
  name: string;
  jobTitle: string;
}

const personRef = { id: people.id, handle: people.handle, name: people.name, jobTitle: people.jobTitle };

/** Handles or email addresses -> people, in the order given; and the ones that match nobody. */
export async function resolvePeople(
  db: Db,
  names: string[],
): Promise<{ found: PersonRef[]; missing: string[] }> {
  if (names.length === 0) return { found: [], missing: [] };
  const lower = names.map((n) => n.toLowerCase());
  const rows = await db
    .select({ ...personRef, email: authUsers.email })
    .from(people)
    .innerJoin(authUsers, eq(authUsers.id, people.id))
    .where(or(inArray(people.handle, lower), inArray(sql`lower(${authUsers.email})`, lower)));
  const found: PersonRef[] = [];
  const missing: string[] = [];
  for (const name of lower) {
    const person = rows.find((r) => r.handle === name || r.email.toLowerCase() === name);
    if (!person) missing.push(name);
    else if (!found.some((f) => f.id === person.id))
      found.push({ id: person.id, handle: person.handle, name: person.name, jobTitle: person.jobTitle });
  }
  return { found, missing };
}

export async function peopleByIds(db: Db, ids: string[]): Promise<PersonRef[]> {
  if (ids.length === 0) return [];
  const rows = await db.select(personRef).from(people).where(inArray(people.id, ids));
  // Keep the order the proposer gave.
  return ids.flatMap((id) => rows.filter((r) => r.id === id));
}

const interestCount = sql<number>`(select count(*)::int from proposal_interest i where i.proposal_id = "proposals"."id")`;

const summaryColumns = {
  id: proposals.id,
  name: proposals.name,
  status: proposals.status,
  practiceAreas: proposals.practiceAreas,
  need: proposals.need,
  proposerId: proposals.proposerId,
  proposerHandle: people.handle,
  proposerName: people.name,
  communityId: proposals.communityId,
  createdAt: proposals.createdAt,
  updatedAt: proposals.updatedAt,
  interestCount,
};
export type ProposalSummary = {
  id: string;
  name: string;
  status: ProposalStatus;
  practiceAreas: string[];
  need: string;
  proposerId: string;
  proposerHandle: string;
  proposerName: string;
  communityId: string | null;
  createdAt: Date;
  updatedAt: Date;
  interestCount: number;
};

/** One proposal with its proposer, the new community (once approved) and the interest count. */
export async function findProposal(db: Db, id: string) {
  const rows = await db
    .select({
      proposal: proposals,
      proposerHandle: people.handle,
      proposerName: people.name,
      communitySlug: communities.slug,
      communityName: communities.name,
      interestCount,
    })
    .from(proposals)
    .innerJoin(people, eq(people.id, proposals.proposerId))
    .leftJoin(communities, eq(communities.id, proposals.communityId))
    .where(eq(proposals.id, id));
  return rows[0] ?? null;
}
export type ProposalDetail = NonNullable<Awaited<ReturnType<typeof findProposal>>>;
export type Proposal = ProposalDetail["proposal"];

/** The review conversation, oldest first. */
export async function proposalTimeline(db: Db, proposalId: string) {
  return db
    .select({
      id: proposalEvents.id,
      kind: proposalEvents.kind,
      body: proposalEvents.body,
      createdAt: proposalEvents.createdAt,
      authorId: proposalEvents.authorId,
      authorHandle: people.handle,
      authorName: people.name,
    })
    .from(proposalEvents)
    .leftJoin(people, eq(people.id, proposalEvents.authorId))
    .where(eq(proposalEvents.proposalId, proposalId))
    .orderBy(asc(proposalEvents.createdAt), asc(proposalEvents.id));
}
export type TimelineEntry = Awaited<ReturnType<typeof proposalTimeline>>[number];

/** Proposals newest first, by status and/or proposer, keyset-paginated. */
export async function listProposals(
  db: Db,
  filter: { status?: ProposalStatus; proposerId?: string },
  cursor: Cursor | null,
  limit = 20,
): Promise<Page<ProposalSummary>> {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(proposals.status, filter.status));
  if (filter.proposerId) conditions.push(eq(proposals.proposerId, filter.proposerId));
  const back = cursor?.direction === "before";
  if (cursor) {
    const at = new Date(String(cursor.key));
    if (!Number.isNaN(at.getTime())) {
      conditions.push(
        back
          ? sql`(${proposals.createdAt}, ${proposals.id}) > (${at}, ${cursor.id})`
          : sql`(${proposals.createdAt}, ${proposals.id}) < (${at}, ${cursor.id})`,
      );
    } else cursor = null;
  }
  const rows = await db
    .select(summaryColumns)
    .from(proposals)
    .innerJoin(people, eq(people.id, proposals.proposerId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(
      ...(back
        ? [asc(proposals.createdAt), asc(proposals.id)]
        : [desc(proposals.createdAt), desc(proposals.id)]),
    )
    .limit(limit + 1);
  return toPage(rows, { limit, cursor, keyOf: (r) => ({ key: r.createdAt.toISOString(), id: r.id }) });
}

/** How many proposals are in each status, for the review tabs. */
export async function statusCounts(db: Db): Promise<Record<ProposalStatus, number>> {
  const rows = await db
    .select({ status: proposals.status, count: sql<number>`count(*)::int` })
    .from(proposals)
    .groupBy(proposals.status);
  const counts: Record<ProposalStatus, number> = {
    submitted: 0,
    changes_requested: 0,
    approved: 0,
    declined: 0,
    withdrawn: 0,
  };
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}

export type OpenProposal = ProposalSummary & { interested: boolean };

/** Proposals still under review, for the directory's "Proposed communities", with the viewer's interest. */
export async function openProposals(db: Db, viewerId: string | null, limit = 12): Promise<OpenProposal[]> {
  const rows = await db
    .select({
      ...summaryColumns,
      interested: viewerId
        ? sql<boolean>`exists (select 1 from proposal_interest i where i.proposal_id = "proposals"."id" and i.person_id = ${viewerId})`
        : sql<boolean>`false`,
    })
    .from(proposals)
    .innerJoin(people, eq(people.id, proposals.proposerId))
    .where(inArray(proposals.status, ["submitted", "changes_requested"]))
    .orderBy(desc(proposals.createdAt), desc(proposals.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, interested: Boolean(r.interested) }));
}

/** One proposal as the directory shows it, for the interest button's htmx swap. */
export async function openProposal(
  db: Db,
  id: string,
  viewerId: string | null,
): Promise<OpenProposal | null> {
  const rows = await db
    .select({
      ...summaryColumns,
      interested: viewerId
        ? sql<boolean>`exists (select 1 from proposal_interest i where i.proposal_id = "proposals"."id" and i.person_id = ${viewerId})`
        : sql<boolean>`false`,
    })
    .from(proposals)
    .innerJoin(people, eq(people.id, proposals.proposerId))
    .where(eq(proposals.id, id));
  const row = rows[0];
  return row ? { ...row, interested: Boolean(row.interested) } : null;
}

export async function interestedPeople(db: Db, proposalId: string): Promise<string[]> {
  const rows = await db
    .select({ personId: proposalInterest.personId })
    .from(proposalInterest)
    .where(eq(proposalInterest.proposalId, proposalId));
  return rows.map((r) => r.personId);
}

/** Everyone on the programme team (administrators included), to tell about proposals to review. */
export async function programmeTeamIds(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(inArray(people.siteRole, ["admin", "programme"]))
    .limit(200);
  return rows.map((r) => r.id);
}
