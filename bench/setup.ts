import {
  countPeople,
  type Fixtures,
  LARGE,
  readFixtures,
  seedLarge,
  type Target,
  vacuumAnalyze,
} from "./database.js";
import type { Scenario } from "./load.js";

export const ADMIN_EMAIL = "admin@example.org";

export async function adminPassword(seedPasswords: Map<string, string> | undefined): Promise<string> {
  const printed = seedPasswords?.get(ADMIN_EMAIL);
  if (printed) return printed;
  // The demo passwords are deterministic for a seed, so a reused database needs no saved secret.
  const { generateDemoOrganisation } = await import("../src/demo/generate.js");
  const org = generateDemoOrganisation({ seed: 1, size: "large", emailDomain: "example.org" });
  const admin = org.accounts.find((account) => account.email === ADMIN_EMAIL);
  if (!admin) throw new Error(`The demo generator has no ${ADMIN_EMAIL} account.`);
  return admin.password;
}

export async function prepare(target: Target) {
  const existing = await countPeople(target);
  let seeding: { seeded: boolean; ms: number | null } = { seeded: false, ms: null };
  let passwords: Map<string, string> | undefined;
  if (existing === 0) {
    console.log("Seeding the large demo organisation (once; later runs reuse it)...");
    const run = await seedLarge(target);
    seeding = { seeded: true, ms: run.ms };
    passwords = run.passwords;
    console.log(`Seeding took ${(run.ms / 1000).toFixed(1)} s.`);
  } else {
    console.log(`Reusing the seeded database (${existing} people).`);
  }
  const vacuumMs = await vacuumAnalyze(target);
  console.log(`VACUUM (ANALYZE) took ${vacuumMs} ms.`);
  const fixtures = await readFixtures(target);
  if (fixtures.people !== LARGE.people || fixtures.communities !== LARGE.communities) {
    const reset =
      target.engine === "postgres" ? "drop the bench database (dropdb convene_bench)" : "delete bench/.data/";
    throw new Error(
      `The bench database holds ${fixtures.people} people and ${fixtures.communities} communities, not the ` +
        `large demo (${LARGE.people} / ${LARGE.communities}). To reseed, ${reset}.`,
    );
  }
  if (!fixtures.longThread)
    console.warn(
      "Note: this database has no discussion posts (seeded before discussions existed): the discussion " +
        "scenarios are skipped. Drop the bench database to reseed with them.",
    );
  return { seeding, fixtures, password: await adminPassword(passwords) };
}

/** The bare route first: every other scenario is reported as a ratio of it. */
export function scenariosFor(fixtures: Fixtures): Scenario[] {
  return [
    { name: "/healthz (bare, anonymous)", path: "/healthz", signedIn: false },
    { name: "/communities", path: "/communities", signedIn: true },
    {
      name: `/communities/${fixtures.largestCommunity.slug} (largest, ${fixtures.largestCommunity.members} members)`,
      path: `/communities/${encodeURIComponent(fixtures.largestCommunity.slug)}`,
      signedIn: true,
    },
    { name: "/people", path: "/people", signedIn: true },
    {
      name: `/people?q=${fixtures.commonFirstName.name} (${fixtures.commonFirstName.people} people)`,
      path: `/people?q=${encodeURIComponent(fixtures.commonFirstName.name)}`,
      signedIn: true,
    },
    ...discussionScenarios(fixtures),
  ];
}

/** The thread page with 200 replies, the largest community's discussion list, and search for a common and a rare word. */
function discussionScenarios(fixtures: Fixtures): Scenario[] {
  const long = fixtures.longThread;
  if (!long) return [];
  const slug = encodeURIComponent(long.slug);
  const { common, rare } = fixtures.searchTerms;
  return [
    {
      name: `/communities/${long.slug}/discussions/<thread> (${long.replies} replies)`,
      path: `/communities/${slug}/discussions/${encodeURIComponent(long.id)}`,
      signedIn: true,
    },
    {
      name: `/communities/${long.slug}/discussions (list)`,
      path: `/communities/${slug}/discussions`,
      signedIn: true,
    },
    {
      name: `/search?q=${common.word}&kind=discussions (common, ${common.posts} posts)`,
      path: `/search?q=${encodeURIComponent(common.word)}&kind=discussions`,
      signedIn: true,
    },
    {
      name: `/search?q=${rare.word}&kind=discussions (rare, ${rare.posts} posts)`,
      path: `/search?q=${encodeURIComponent(rare.word)}&kind=discussions`,
      signedIn: true,
    },
  ];
}
