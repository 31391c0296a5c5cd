import { hashPassword } from "better-auth/crypto";
import { eq } from "drizzle-orm";
import { communities } from "../../src/features/communities/tables.js";
import { memberships } from "../../src/features/memberships/tables.js";
import { loadActor } from "../../src/features/people/queries.js";
import { people } from "../../src/features/people/tables.js";
import { authAccounts, authUsers } from "../../src/platform/auth/tables.js";
import type { Db } from "../../src/platform/db/client.js";
import { newId } from "../../src/platform/db/columns.js";
import type { CommunityRole, PersonActor, SiteRole } from "../../src/platform/policy.js";

let counter = 0;
const next = () => ++counter;

// Hashing is the slow part of making an account, so the factory hashes one password once.
let sharedHash: Promise<string> | null = null;
export const FACTORY_PASSWORD = "factory password 123";

/** A person with an account that can sign in with FACTORY_PASSWORD. */
export async function buildPerson(
  db: Db,
  overrides: { name?: string; email?: string; siteRole?: SiteRole; skills?: string[] } = {},
) {
  const n = next();
  const id = newId();
  const name = overrides.name ?? `Test Person ${n}`;
  const email = overrides.email ?? `person${n}-${id.slice(-6)}@example.org`;
  sharedHash ??= hashPassword(FACTORY_PASSWORD);
  await db.insert(authUsers).values({ id, name, email, emailVerified: true });
  await db.insert(people).values({
    id,
    handle: `test-person-${n}-${id.slice(-6)}`,
    name,
    siteRole: overrides.siteRole ?? "member",
    skills: overrides.skills ?? [],
  });
  await db
    .insert(authAccounts)
    .values({ id: newId(), accountId: id, providerId: "credential", userId: id, password: await sharedHash });
  const [person] = await db.select().from(people).where(eqId(id));
  return { ...person!, email };
}

const eqId = (id: string) => eq(people.id, id);

export async function actorFor(db: Db, personId: string): Promise<PersonActor> {
  const actor = await loadActor(db, personId);
  if (actor?.kind !== "person") throw new Error("no such person");
  return actor;
}

export async function buildCommunity(
  db: Db,
  overrides: Partial<typeof communities.$inferInsert> & {
    members?: { personId: string; role?: CommunityRole }[];
  } = {},
) {
  const n = next();
  const { members = [], ...fields } = overrides;
  const [community] = await db
    .insert(communities)
    .values({
      slug: `community-${n}-${newId().slice(-6)}`,
      name: `Community ${n}`,
      tagline: "A place to compare notes",
      practiceAreas: ["testing"],
      memberCount: members.length,
      ...fields,
    })
    .returning();
  for (const member of members) {
    await db
      .insert(memberships)
      .values({ communityId: community!.id, personId: member.personId, role: member.role ?? "member" });
  }
  return community!;
}
