import { and, asc, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { communities } from "../communities/tables.js";
import { memberships } from "../memberships/tables.js";
import { people } from "../people/tables.js";
import type { OverviewQuery } from "./inputs.js";

/** Verbs the dormancy sweep writes itself: they are not a sign of life. */
export const quietVerbs = ["community.dormant", "community.revived"];
const quietList = sql.join(
  quietVerbs.map((verb) => sql`${verb}`),
  sql`, `,
);

/**
 * When anything last happened in the community: its own timestamp (joins keep it current) or its
 * newest activity event, whichever is later. One index lookup per community.
 */
// Qualified by hand: inside a raw subquery drizzle would print bare column names.
export const lastActivity = sql<Date>`greatest("communities"."last_activity_at", (select max(e.occurred_at) from activity_events e where e.community_id = "communities"."id" and e.verb not in (${quietList})))`;

export interface OverviewRow {
  id: string;
  slug: string;
  name: string;
  stage: string;
  status: string;
  visibility: string;
  joinPolicy: string;
  memberCount: number;
  lastActivityAt: Date;
  dormantSince: Date | null;
  closedAt: Date | null;
  charterWritten: boolean;
  convenors: { handle: string; name: string }[];
  pendingRequests: number;
}

export interface OverviewSummary {
  total: number;
  active: number;
  dormant: number;
  closed: number;
  proposed: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (m) => `\\${m}`);

/**
 * Every community the filters allow, with convenors and pending requests, in three queries
 * whatever the number of communities: the list, one grouped query for people, and the summary.
 */
export async function programmeOverview(
  db: Db,
  query: OverviewQuery,
): Promise<{ rows: OverviewRow[]; summary: OverviewSummary }> {
  const conditions: SQL[] = [];
  if (query.status) conditions.push(eq(communities.status, query.status));
  if (query.stage) conditions.push(eq(communities.stage, query.stage));
  if (query.q) conditions.push(sql`${communities.name} ilike ${`%${escapeLike(query.q)}%`}`);
  const order =
    query.sort === "activity"
      ? [sql`${lastActivity} desc`, asc(communities.name)]
      : query.sort === "members"
        ? [desc(communities.memberCount), asc(communities.name)]
        : [asc(communities.name), asc(communities.id)];

  const [list, counts] = await Promise.all([
    db
      .select({
        id: communities.id,
        slug: communities.slug,
        name: communities.name,
        stage: communities.stage,
        status: communities.status,
        visibility: communities.visibility,
        joinPolicy: communities.joinPolicy,
        memberCount: communities.memberCount,
        lastActivityAt: lastActivity,
        dormantSince: communities.dormantSince,
        closedAt: communities.closedAt,
        charterWritten: sql<boolean>`exists (select 1 from charter_versions v where v.community_id = "communities"."id")`,
      })
      .from(communities)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(...order),
    db
      .select({ status: communities.status, n: sql<number>`count(*)::int` })
      .from(communities)
      .groupBy(communities.status),
  ]);

  const ids = list.map((row) => row.id);
  const people_ = ids.length
    ? await db
        .select({
          communityId: memberships.communityId,
          convenors: sql<
            { handle: string; name: string }[] | null
          >`json_agg(json_build_object('handle', ${people.handle}, 'name', ${people.name}) order by ${people.name}) filter (where ${memberships.role} = 'convenor' and ${memberships.state} in ('active', 'on_break'))`,
          pending: sql<number>`(count(*) filter (where ${memberships.state} = 'requested'))::int`,
        })
        .from(memberships)
        .innerJoin(people, eq(people.id, memberships.personId))
        // Two branches that each match memberships_community_role_idx (community, state, role),
        // rather than one condition that reads every membership.
        .where(
          or(
            and(
              inArray(memberships.communityId, ids),
              inArray(memberships.state, ["active", "on_break"]),
              eq(memberships.role, "convenor"),
            ),
            and(inArray(memberships.communityId, ids), eq(memberships.state, "requested")),
          ),
        )
        .groupBy(memberships.communityId)
    : [];
  const byCommunity = new Map(people_.map((row) => [row.communityId, row]));

  const rows = list.map((row) => {
    const extra = byCommunity.get(row.id);
    return {
      ...row,
      // Raw SQL values arrive as strings on some drivers.
      lastActivityAt: new Date(row.lastActivityAt),
      charterWritten: Boolean(row.charterWritten),
      convenors: extra?.convenors ?? [],
      pendingRequests: Number(extra?.pending ?? 0),
    };
  });
  const summary: OverviewSummary = { total: 0, active: 0, dormant: 0, closed: 0, proposed: 0 };
  for (const { status, n } of counts) {
    summary.total += Number(n);
    if (status in summary) summary[status as keyof OverviewSummary] += Number(n);
  }
  return { rows, summary };
}
