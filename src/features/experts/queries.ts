import { and, eq, isNull, ne, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import type { PersonActor } from "../../platform/policy.js";
import { communities } from "../communities/tables.js";
import { currentCommunityIds, readableCommunity, visibleThread } from "../discussions/similar-queries.js";
import { replies, threads } from "../discussions/tables.js";
import { memberships } from "../memberships/tables.js";
import { divisions } from "../organisation/tables.js";
import { people } from "../people/tables.js";

/**
 * How much each piece of evidence weighs in an expert's score (a weighted sum):
 * - an accepted answer on a matching thread: 5 (somebody with the problem said it solved it);
 * - a declared skill that matches the topic: 4 per skill (self-declared, so below an accepted answer);
 * - "can help with" text that matches: 3;
 * - a colleague who found one of their replies on a matching thread helpful: 2 per reaction;
 * - a reply on a matching thread: 1 (taking part, whatever its quality).
 * Resources written and talks given will add their own rows to `Evidence` when those land.
 */
export const weights = { accepted: 5, skill: 4, helpText: 3, helpful: 2, reply: 1 } as const;

export interface Evidence {
  accepted: number;
  helpful: number;
  replies: number;
  skills: string[];
  helpText: boolean;
}

export interface Expert {
  id: string;
  handle: string;
  name: string;
  jobTitle: string;
  divisionName: string | null;
  score: number;
  reasons: string[];
  /** Where "Ask them" starts a question: a community both can post in, or null for their profile. */
  askIn: { slug: string; name: string } | null;
}

export const MAX_RESULTS = 100;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function scoreOf(evidence: Evidence): number {
  return (
    evidence.accepted * weights.accepted +
    evidence.skills.length * weights.skill +
    (evidence.helpText ? weights.helpText : 0) +
    evidence.helpful * weights.helpful +
    evidence.replies * weights.reply
  );
}

/** Plain reasons, strongest evidence first. */
export function reasonsFor(evidence: Evidence, topic: string): string[] {
  const scored: [number, string][] = [];
  if (evidence.accepted > 0)
    scored.push([
      evidence.accepted * weights.accepted,
      `${plural(evidence.accepted, "accepted answer", "accepted answers")} about ${topic}`,
    ]);
  if (evidence.skills.length > 0)
    scored.push([
      evidence.skills.length * weights.skill,
      `Lists ${evidence.skills.join(", ")} among their skills`,
    ]);
  if (evidence.helpText) scored.push([weights.helpText, `Says they can help with ${topic}`]);
  if (evidence.helpful > 0)
    scored.push([
      evidence.helpful * weights.helpful,
      `${evidence.helpful === 1 ? "1 person" : `${evidence.helpful} people`} found their replies helpful`,
    ]);
  if (evidence.replies > 0)
    scored.push([
      evidence.replies * weights.reply,
      `${plural(evidence.replies, "reply", "replies")} in discussions about ${topic}`,
    ]);
  return scored.sort((a, b) => b[0] - a[0]).map(([, text]) => text);
}

const words = (q: string) =>
  [...new Set([q.toLowerCase().trim(), ...(q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])])].filter(
    (word) => word.length >= 2,
  );

const list = (values: string[]): SQL =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );

/**
 * Who can advise on `q`, ranked by evidence. Posts count only from communities whose content the
 * searcher can read, so a reason never reveals a members-only discussion. People who opted out
 * are left out. Three queries whatever the number of results.
 */
export async function findExperts(
  db: Db,
  actor: PersonActor,
  q: string,
  page: { offset: number; limit: number },
): Promise<{ items: Expert[]; total: number }> {
  const topic = q.trim();
  const terms = words(topic);
  if (terms.length === 0) return { items: [], total: 0 };
  const query = sql`plainto_tsquery('english', ${topic})`;

  // 1. Evidence from discussions: per author, on visible threads that match the topic.
  const helpfulOnReply = sql`(select count(*) from reactions x where x.post_id = ${replies.id} and x.kind = 'helpful' and x.person_id <> ${replies.authorId})`;
  const posts = await db
    .select({
      personId: replies.authorId,
      accepted: sql<number>`(count(*) filter (where ${threads.acceptedReplyId} = ${replies.id}))::int`,
      replies: sql<number>`count(*)::int`,
      helpful: sql<number>`coalesce(sum(${helpfulOnReply}), 0)::int`,
    })
    .from(replies)
    .innerJoin(threads, eq(threads.id, replies.threadId))
    .innerJoin(communities, eq(communities.id, threads.communityId))
    .where(
      and(
        sql`${threads.search} @@ ${query}`,
        visibleThread,
        isNull(replies.hiddenAt),
        isNull(replies.deletedAt),
        sql`${replies.authorId} is not null`,
        readableCommunity(actor, { listedOnly: true }),
      ),
    )
    .groupBy(replies.authorId)
    .orderBy(
      sql`(count(*) filter (where ${threads.acceptedReplyId} = ${replies.id})) * ${weights.accepted} + count(*) desc`,
    )
    .limit(500);
  const byPerson = new Map(posts.map((row) => [row.personId as string, row]));

  // 2. People with declared skills, "can help with" text or evidence from step 1.
  const skillMatch = sql`(s in (${list(terms)}) or similarity(s, ${topic.toLowerCase()}) > 0.45)`;
  const evidenceIds = [...byPerson.keys()];
  const candidates = await db
    .select({
      id: people.id,
      handle: people.handle,
      name: people.name,
      jobTitle: people.jobTitle,
      divisionName: divisions.name,
      skills: sql<string[]>`array(select s from unnest(${people.skills}) s where ${skillMatch})`,
      helpText: sql<boolean>`${people.canHelpWith} <> '' and to_tsvector('english', ${people.canHelpWith}) @@ ${query}`,
    })
    .from(people)
    .leftJoin(divisions, eq(divisions.id, people.divisionId))
    .where(
      and(
        eq(people.suggestAsExpert, true),
        // Nobody needs to be told to ask themselves.
        ne(people.id, actor.id),
        sql`(
          exists (select 1 from unnest(${people.skills}) s where ${skillMatch})
          or (${people.canHelpWith} <> '' and to_tsvector('english', ${people.canHelpWith}) @@ ${query})
          ${evidenceIds.length ? sql`or ${people.id} in (${list(evidenceIds)})` : sql``}
        )`,
      ),
    )
    .limit(1000);

  const ranked = candidates
    .map((person) => {
      const found = byPerson.get(person.id);
      const evidence: Evidence = {
        accepted: found?.accepted ?? 0,
        helpful: found?.helpful ?? 0,
        replies: found?.replies ?? 0,
        skills: person.skills,
        helpText: person.helpText,
      };
      return { person, score: scoreOf(evidence), reasons: reasonsFor(evidence, topic) };
    })
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.person.name.localeCompare(b.person.name))
    .slice(0, MAX_RESULTS);
  const shown = ranked.slice(page.offset, page.offset + page.limit);

  // 3. "Ask them": a community where they are a member and the searcher can post.
  const mine = currentCommunityIds(actor);
  const shownIds = shown.map((entry) => entry.person.id).filter((id) => id !== actor.id);
  const shared =
    mine.length && shownIds.length
      ? await db
          .select({ personId: memberships.personId, slug: communities.slug, name: communities.name })
          .from(memberships)
          .innerJoin(communities, eq(communities.id, memberships.communityId))
          .where(
            and(
              sql`${memberships.personId} in (${list(shownIds)})`,
              sql`${memberships.state} in ('active', 'on_break')`,
              sql`${memberships.communityId} in (${list(mine)})`,
              sql`${communities.status} <> 'closed'`,
            ),
          )
          .orderBy(communities.name)
      : [];
  const askIn = new Map<string, { slug: string; name: string }>();
  for (const row of shared) if (!askIn.has(row.personId)) askIn.set(row.personId, row);

  return {
    total: ranked.length,
    items: shown.map(({ person, score, reasons }) => ({
      id: person.id,
      handle: person.handle,
      name: person.name,
      jobTitle: person.jobTitle,
      divisionName: person.divisionName,
      score,
      reasons,
      askIn: askIn.get(person.id) ?? null,
    })),
  };
}

/** The link behind "Ask them": a new question that mentions the person. */
export function askUrl(expert: Pick<Expert, "handle" | "askIn">, topic: string): string {
  if (!expert.askIn) return `/people/${expert.handle}`;
  const params = new URLSearchParams({ kind: "question", title: topic, body: `@${expert.handle} ` });
  return `/communities/${expert.askIn.slug}/discussions/new?${params.toString().replace(/\+/g, "%20")}`;
}
