import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { hashPassword } from "better-auth/crypto";
import type { PgTable } from "drizzle-orm/pg-core";
import { communities } from "../features/communities/tables.js";
import { memberships } from "../features/memberships/tables.js";
import { divisions } from "../features/organisation/tables.js";
import { people } from "../features/people/tables.js";
import { activityEvents } from "../platform/activity.js";
import { authAccounts, authUsers } from "../platform/auth/tables.js";
import type { Database } from "../platform/db/client.js";
import { newId } from "../platform/db/columns.js";
import { progress } from "../platform/progress.js";
import { type DemoOrganisation, type DemoSize, generateDemoOrganisation } from "./generate.js";

export interface SeedOptions {
  seed: number;
  size: DemoSize;
  emailDomain: string;
  /** Where to keep the demo sign-ins so `npm start` can print them again (embedded installs only). */
  accountsFile?: string;
  quiet?: boolean;
}

/** The generator writes tags as slugs; people type them with spaces ("hr systems"). */
const asTag = (tag: string) => tag.replace(/-/g, " ");

// Postgres allows 65,535 parameters per statement; 500 rows of up to ~20 columns stays well inside.
const CHUNK = 500;

/** Writes a generated organisation into an empty database, in bulk, and prints the demo sign-ins. */
export async function seedDemo(database: Database, options: SeedOptions): Promise<DemoOrganisation> {
  const org = generateDemoOrganisation({
    seed: options.seed,
    size: options.size,
    emailDomain: options.emailDomain,
  });
  const { db } = database;

  const divisionIds = new Map(org.divisions.map((d) => [d.slug, newId()]));
  const personIds = new Map(org.people.map((p) => [p.handle, newId()]));
  const communityIds = new Map(org.communities.map((c) => [c.slug, newId()]));
  const siteRoles = new Map(org.accounts.map((a) => [a.personHandle, a.siteRole]));

  const memberCounts = new Map<string, number>();
  const lastJoined = new Map<string, string>();
  for (const m of org.memberships) {
    memberCounts.set(m.communitySlug, (memberCounts.get(m.communitySlug) ?? 0) + 1);
    if ((lastJoined.get(m.communitySlug) ?? "") < m.joinedAt) lastJoined.set(m.communitySlug, m.joinedAt);
  }

  const total =
    org.divisions.length + org.people.length * 2 + org.communities.length + org.memberships.length * 2;
  const bar = options.quiet ? null : progress(`Creating the ${options.size} demo organisation`, total);
  const passwords = await Promise.all(org.accounts.map((account) => hashPassword(account.password)));

  await db.transaction(async (tx) => {
    const insert = async <T extends PgTable>(table: T, rows: T["$inferInsert"][]) => {
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        await tx.insert(table).values(chunk as never);
        bar?.advance(chunk.length);
      }
    };
    await insert(
      divisions,
      org.divisions.map((d) => ({ id: divisionIds.get(d.slug)!, slug: d.slug, name: d.name })),
    );
    await insert(
      authUsers,
      org.people.map((p) => ({
        id: personIds.get(p.handle)!,
        name: p.name,
        email: p.email,
        emailVerified: true,
      })),
    );
    await insert(
      people,
      org.people.map((p) => ({
        id: personIds.get(p.handle)!,
        handle: p.handle,
        name: p.name,
        siteRole: siteRoles.get(p.handle) ?? "member",
        jobTitle: p.jobTitle,
        divisionId: divisionIds.get(p.divisionSlug) ?? null,
        location: p.location,
        timeZone: p.timeZone,
        pronouns: p.pronouns ?? "",
        bio: p.bio,
        skills: p.skills.map(asTag),
        canHelpWith: p.canHelpWith,
        wantsToLearn: p.wantsToLearn,
        mentoring: p.mentoring,
      })),
    );
    await tx.insert(authAccounts).values(
      org.accounts.map((account, index) => ({
        id: newId(),
        accountId: personIds.get(account.personHandle)!,
        providerId: "credential",
        userId: personIds.get(account.personHandle)!,
        password: passwords[index]!,
      })),
    );
    await insert(
      communities,
      org.communities.map((c) => ({
        id: communityIds.get(c.slug)!,
        slug: c.slug,
        name: c.name,
        tagline: c.tagline,
        description: c.description,
        type: c.type,
        practiceAreas: c.practiceAreas.map(asTag),
        joinPolicy: c.joinPolicy,
        visibility: c.visibility,
        stage: c.stage,
        status: "active" as const,
        activeSince: c.activeSince,
        memberCount: memberCounts.get(c.slug) ?? 0,
        lastActivityAt: new Date(lastJoined.get(c.slug) ?? `${c.activeSince}T09:00:00Z`),
        createdAt: new Date(`${c.activeSince}T09:00:00Z`),
      })),
    );
    await insert(
      memberships,
      org.memberships.map((m) => ({
        communityId: communityIds.get(m.communitySlug)!,
        personId: personIds.get(m.personHandle)!,
        role: m.role,
        state: "active" as const,
        involvement: m.involvement,
        joinedAt: new Date(m.joinedAt),
      })),
    );
    // The activity log the metrics read: each membership began with a join.
    await insert(
      activityEvents,
      org.memberships.map((m) => ({
        actorId: personIds.get(m.personHandle)!,
        verb: "community.joined",
        objectType: "community",
        objectId: communityIds.get(m.communitySlug)!,
        communityId: communityIds.get(m.communitySlug)!,
        data: { involvement: m.involvement, demo: true },
        occurredAt: new Date(m.joinedAt),
      })),
    );
  });
  // Fresh statistics, so the planner picks the indexes from the first request on.
  await database.exec("analyze");
  const ms = bar?.finish();

  const lines = [
    "Demo accounts (the same password signs in on every demo install with this seed):",
    ...org.accounts.map((a) => `  ${a.label.padEnd(10)} ${a.email.padEnd(28)} password: ${a.password}`),
  ];
  if (options.accountsFile) {
    mkdirSync(dirname(options.accountsFile), { recursive: true });
    writeFileSync(options.accountsFile, `${lines.join("\n")}\n`, { mode: 0o600 });
  }
  if (!options.quiet) {
    process.stderr.write(
      `Created ${org.people.length} people, ${org.communities.length} communities and ${org.memberships.length} memberships in ${ms} ms.\n\n${lines.join("\n")}\n`,
    );
  }
  return org;
}
