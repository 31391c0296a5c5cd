import { and, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../../platform/db/client.js";
import type { PersonActor } from "../../platform/policy.js";
import { communities } from "../communities/tables.js";
import { resources } from "../resources/tables.js";
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

export interface SimilarThread {
  type: "thread";
  id: string;
  title: string;
  url: string;
  communityName: string;
  answered: boolean;
  replyCount: number;
  rank: number;
}

/** A published or endorsed resource; `communityName` null for the starter toolkit. */
export interface SimilarResource {
  type: "resource";
  id: string;
  title: string;
  url: string;
  communityName: string | null;
  kind: string;
  endorsed: boolean;
  rank: number;
}

export type SimilarItem = SimilarThread | SimilarResource;

/** Similar threads from every community the person can read, answered ones first. */
export async function similarThreads(
  db: Db,
  actor: PersonActor,
  title: string,
  limit = 5,
): Promise<SimilarThread[]> {
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
 * Published and endorsed resources the person can read: the starter toolkit, and communities
 * whose content they may read (unlisted ones only for members). Never drafts or archived ones.
 * Endorsed practice gets a small boost.
 */
export async function similarResources(
  db: Db,
  actor: PersonActor,
  title: string,
  limit = 3,
): Promise<SimilarResource[]> {
  const words = anyWordQuery(title);
  if (!words || title.trim().length < 3) return [];
  const query = sql`to_tsquery('english', ${words})`;
  const rank = sql<number>`(ts_rank_cd(${resources.search}, ${query}) + case when ${resources.status} = 'endorsed' then 0.1 else 0 end)::float8`;
  const rows = await db
    .select({
      id: resources.id,
      title: resources.title,
      kind: resources.kind,
      status: resources.status,
      communityName: communities.name,
      rank,
    })
    .from(resources)
    .leftJoin(communities, eq(communities.id, resources.communityId))
    .where(
      and(
        sql`${resources.search} @@ ${query}`,
        sql`${resources.status} in ('published', 'endorsed')`,
        sql`(${resources.communityId} is null or (${communities.status} <> 'proposed' and ${readableCommunity(actor, { listedOnly: true })}))`,
      ),
    )
    .orderBy(desc(rank), desc(resources.lastEditedAt))
    .limit(limit);
  return rows.map((row) => ({
    type: "resource" as const,
    id: row.id,
    title: row.title,
    url: `/resources/${row.id}`,
    communityName: row.communityName,
    kind: row.kind,
    endorsed: row.status === "endorsed",
    rank: Number(row.rank),
  }));
}

/**
 * Everything that may already answer a question: threads first (answered ones leading), then
 * resources. When both match, up to two places are kept for resources, so a guide is not
 * crowded out by five half-related threads.
 */
export async function similarItems(
  db: Db,
  actor: PersonActor,
  title: string,
  limit = 5,
): Promise<SimilarItem[]> {
  const [found, guides] = await Promise.all([
    similarThreads(db, actor, title, limit),
    similarResources(db, actor, title, limit),
  ]);
  const threadCount = Math.min(found.length, limit - Math.min(2, guides.length));
  const shown: SimilarItem[] = found.slice(0, threadCount);
  return [...shown, ...guides.slice(0, limit - shown.length)];
}
