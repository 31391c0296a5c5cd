import type { Db } from "../../platform/db/client.js";
import { searchPeople } from "../people/queries.js";
import { findPersonByHandleOrEmail, type PersonChoice } from "./joining-queries.js";

/** The person an invitation or decision names: a handle ("sam-lee", "@sam-lee") or an email address. */
export function findInvitee(db: Db, term: string): Promise<PersonChoice | null> {
  return findPersonByHandleOrEmail(db, term);
}

/**
 * People to invite, for the "Invite someone" search: an exact handle or email match first, then
 * the people directory's own search by name, job title or skill.
 */
export async function searchInvitees(db: Db, q: string, limit = 10): Promise<PersonChoice[]> {
  const [exact, page] = await Promise.all([
    findPersonByHandleOrEmail(db, q),
    q.includes("@") && !q.startsWith("@")
      ? null
      : searchPeople(db, { q, skill: "", division: "" }, null, limit),
  ]);
  const found: PersonChoice[] = exact ? [exact] : [];
  for (const person of page?.items ?? []) {
    if (found.length >= limit) break;
    if (found.some((p) => p.id === person.id)) continue;
    found.push({
      id: person.id,
      handle: person.handle,
      name: person.name,
      jobTitle: person.jobTitle,
      divisionName: person.divisionName,
    });
  }
  return found;
}
