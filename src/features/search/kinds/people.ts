import type { Db } from "../../../platform/db/client.js";
import { type Actor, can } from "../../../platform/policy.js";
import { type PersonSummary, searchPeople } from "../../people/queries.js";
import "../../people/policy.js";
import { MAX_PAGES, PAGE_SIZE, type SearchParams } from "../inputs.js";
import { type KindResult, plainWords } from "./shared.js";

/** Whether the actor may search for colleagues at all (signed-in people may). */
export const canSearchPeople = (actor: Actor) => can(actor, "person.view", null);

/**
 * Colleagues by name, job title or skill, as the people directory matches them (it is ordered by
 * name).
 * Web-search syntax means nothing here, so quotes, -words and OR are dropped. People are not in
 * communities' content, so a community filter leaves them out.
 */
export async function searchPeopleHits(
  db: Db,
  actor: Actor,
  params: SearchParams,
): Promise<KindResult<PersonSummary>> {
  const q = plainWords(params.q);
  if (!q || params.communityId || !canSearchPeople(actor)) return { items: [], total: 0, atLeast: false };
  // Every page there can be (10 × 20), in one query; the count comes from the same rows.
  const all = await searchPeople(db, { q, skill: "", division: "" }, null, MAX_PAGES * PAGE_SIZE);
  return {
    items: all.items.slice(params.offset, params.offset + params.limit),
    total: all.items.length,
    atLeast: all.next !== null,
  };
}
