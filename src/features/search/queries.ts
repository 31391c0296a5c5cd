import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import type { Actor } from "../../platform/policy.js";
import type { CommunityCard } from "../communities/directory-queries.js";
import { communities } from "../communities/tables.js";
import type { PersonSummary } from "../people/queries.js";
import { GROUP_SIZE, PAGE_SIZE, type SearchKind, type SearchSort } from "./inputs.js";
import { searchCommunityHits } from "./kinds/communities.js";
import { type PostHit, searchDiscussions } from "./kinds/discussions.js";
import { type EventHit, searchEvents } from "./kinds/events.js";
import { canSearchPeople, searchPeopleHits } from "./kinds/people.js";
import { type ResourceHit, searchResources } from "./kinds/resources.js";
import { currentMembershipIds, findableCommunities, type KindResult } from "./kinds/shared.js";

/**
 * Each kind of result is one small module under `kinds/` with the same shape: a function from
 * (db, actor, params) to a page of its hits and their count, applying its own visibility rule.
 * A new kind joins by adding a module and a line here.
 */
export interface SearchResults {
  communities: KindResult<CommunityCard> | null;
  discussions: KindResult<PostHit> | null;
  resources: KindResult<ResourceHit> | null;
  events: KindResult<EventHit> | null;
  people: KindResult<PersonSummary> | null;
}

export type ResultKind = keyof SearchResults;

/** The kinds this actor can search: anonymous visitors find communities only. */
export function kindsFor(actor: Actor): ResultKind[] {
  if (actor.kind !== "person") return ["communities"];
  const content: ResultKind[] = ["communities", "discussions", "resources", "events"];
  return canSearchPeople(actor) ? [...content, "people"] : content;
}

/** A community the actor may filter by (one they may find), or null. */
export async function filterCommunity(db: Db, actor: Actor, slug: string) {
  if (!slug) return null;
  const rows = await db
    .select({ id: communities.id, slug: communities.slug, name: communities.name })
    .from(communities)
    .where(and(eq(communities.slug, slug), findableCommunities(actor)));
  return rows[0] ?? null;
}

/** The communities offered in the filter: the actor's own, by name. */
export async function filterChoices(db: Db, actor: Actor) {
  const ids = currentMembershipIds(actor);
  if (ids.length === 0) return [];
  return db
    .select({ slug: communities.slug, name: communities.name })
    .from(communities)
    .where(
      sql`${communities.id} in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    )
    .orderBy(communities.name)
    .limit(200);
}

/**
 * Runs the search. On the "all" view each kind gives its first few; with a kind chosen, that kind
 * gives one page. Kinds run in parallel.
 */
export async function searchEverything(
  db: Db,
  actor: Actor,
  options: {
    q: string;
    kind: SearchKind;
    sort: SearchSort;
    communityId: string | null;
    page: number;
    now: Date;
  },
): Promise<SearchResults> {
  const allowed = kindsFor(actor);
  const wanted = (kind: ResultKind) =>
    allowed.includes(kind) && (options.kind === "all" || options.kind === kind);
  const limit = options.kind === "all" ? GROUP_SIZE : PAGE_SIZE;
  const params = {
    q: options.q,
    sort: options.sort,
    communityId: options.communityId,
    offset: options.kind === "all" ? 0 : (options.page - 1) * PAGE_SIZE,
    limit,
    now: options.now,
  };
  const [found, posts, resources, events, people] = await Promise.all([
    wanted("communities") ? searchCommunityHits(db, actor, params) : null,
    wanted("discussions") ? searchDiscussions(db, actor, params) : null,
    wanted("resources") ? searchResources(db, actor, params) : null,
    wanted("events") ? searchEvents(db, actor, params) : null,
    wanted("people") && !options.communityId ? searchPeopleHits(db, actor, params) : null,
  ]);
  return { communities: found, discussions: posts, resources, events, people };
}
