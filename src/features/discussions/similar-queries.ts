import { and, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../../platform/db/client.js";
import type { PersonActor } from "../../platform/policy.js";
import { communities } from "../communities/tables.js";
import { threads } from "./tables.js";

/** Ids of the communities where the person is a current member (active or on a break). */
export function currentCommunityIds(actor: PersonActor): string[] {
  return [...actor.memberships]
    .filter(([, membership]) => membership.state === "active" || membership.state === "on_break")
    .map(([id]) => id);
}

const oneOf = (column: AnyPgColumn, ids: string[]): SQL =>
  ids.length === 0
    ? sql`false`
    : sql`${column} in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`;

/**
 * The SQL form of `community.viewContent` for lists that cross communities: content is readable
 * when the community shares it with all staff or the person is a current member. With `listedOnly`
 * (lists that name the community), unlisted communities count only for their members.
 */
export function readableCommunity(actor: PersonActor, options: { listedOnly: boolean }): SQL {
  const mine = currentCommunityIds(actor);
  const content = sql`(${communities.contentAccess} = 'staff' or ${oneOf(communities.id, mine)})`;
  if (!options.listedOnly) return content;
  return sql`(${content} and (${communities.visibility} = 'listed' or ${oneOf(communities.id, mine)}))`;
}

/** Threads anybody but a moderator may see: not hidden, not deleted. */
export const visibleThread = and(isNull(threads.hiddenAt), isNull(threads.deletedAt))!;

/**
 * Words for a forgiving "any of these words" query: lower case letters and digits only (so
 * nothing the person types can change the query's syntax), at most eight, the last one as a
 * prefix because it is probably still being typed. Returns null when nothing is left.
 */
export function anyWordQuery(text: string): string | null {
  const words = [...new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])]
    .filter((word) => word.length >= 2)
    .slice(0, 8);
  if (words.length === 0) return null;
  const lastTyped = /[\p{L}\p{N}]$/u.test(text.trim());
  return words
    .map((word, index) => (index === words.length - 1 && lastTyped && word.length >= 3 ? `${word}:*` : word))
    .join(" | ");
}

export interface SimilarItem {
  type: "thread";
  id: string;
  title: string;
  url: string;
  communityName: string;
  answered: boolean;
  replyCount: number;
  rank: number;
}

/** Similar threads from every community the person can read, answered ones first. */
export async function similarThreads(
  db: Db,
  actor: PersonActor,
  title: string,
  limit = 5,
): Promise<SimilarItem[]> {
  const words = anyWordQuery(title);
  if (!words || title.trim().length < 3) return [];
  const query = sql`to_tsquery('english', ${words})`;
  // A small boost for accepted answers, on top of answered threads coming first.
  const rank = sql<number>`(ts_rank_cd(${threads.search}, ${query}) + case when ${threads.acceptedReplyId} is null then 0 else 0.1 end)::float8`;
  const rows = await db
    .select({
      id: threads.id,
      title: threads.title,
      replyCount: threads.replyCount,
      answered: sql<boolean>`${threads.acceptedReplyId} is not null`,
      slug: communities.slug,
      communityName: communities.name,
      rank,
    })
    .from(threads)
    .innerJoin(communities, eq(communities.id, threads.communityId))
    .where(
      and(sql`${threads.search} @@ ${query}`, visibleThread, readableCommunity(actor, { listedOnly: true })),
    )
    .orderBy(desc(sql`${threads.acceptedReplyId} is not null`), desc(rank), desc(threads.lastActivityAt))
    .limit(limit);
  return rows.map((row) => ({
    type: "thread" as const,
    id: row.id,
    title: row.title,
    url: `/communities/${row.slug}/discussions/${row.id}`,
    communityName: row.communityName,
    answered: row.answered,
    replyCount: row.replyCount,
    rank: Number(row.rank),
  }));
}

/**
 * Everything that may already answer a question: threads now; resources join here when they
 * land (each source returns SimilarItem rows, merged by rank).
 */
export async function similarItems(db: Db, actor: PersonActor, title: string, limit = 5) {
  const sources = [similarThreads(db, actor, title, limit)];
  const items = (await Promise.all(sources)).flat();
  return items.slice(0, limit);
}
