import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { hashPassword } from "better-auth/crypto";
import type { PgTable } from "drizzle-orm/pg-core";
import { charterVersions } from "../features/charter/tables.js";
import { communities } from "../features/communities/tables.js";
import { stageChanges } from "../features/lifecycle/tables.js";
import { memberships } from "../features/memberships/tables.js";
import { divisions } from "../features/organisation/tables.js";
import { people } from "../features/people/tables.js";
import { proposalEvents, proposalInterest, proposals } from "../features/proposals/tables.js";
import { activityEvents } from "../platform/activity.js";
import { auditLog } from "../platform/audit.js";
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

  const person = (handle: string) => personIds.get(handle) ?? null;
  const community = (slug: string) => communityIds.get(slug)!;
  // Only current members count; requests and invitations are not members yet.
  const current = org.memberships.filter((m) => m.state === "active" || m.state === "on_break");
  const memberCounts = new Map<string, number>();
  const lastActivity = new Map<string, string>();
  const touch = (slug: string, at: string) => {
    if ((lastActivity.get(slug) ?? "") < at) lastActivity.set(slug, at);
  };
  for (const m of current) {
    memberCounts.set(m.communitySlug, (memberCounts.get(m.communitySlug) ?? 0) + 1);
    touch(m.communitySlug, m.joinedAt);
  }
  for (const change of org.stageChanges) touch(change.communitySlug, change.createdAt);
  for (const charter of org.charters) touch(charter.communitySlug, charter.createdAt);

  // The activity log the metrics read, in time order within each kind.
  const activity: (typeof activityEvents.$inferInsert)[] = [
    // Each membership began with a join.
    ...current.map((m) => ({
      actorId: person(m.personHandle),
      verb: "community.joined",
      objectType: "community",
      objectId: community(m.communitySlug),
      communityId: community(m.communitySlug),
      data: { involvement: m.involvement, demo: true },
      occurredAt: new Date(m.joinedAt),
    })),
    ...org.memberships
      .filter((m) => m.state === "requested" || m.state === "invited")
      .map((m) => ({
        actorId: person(m.state === "invited" ? (m.invitedByHandle ?? m.personHandle) : m.personHandle),
        verb: m.state === "invited" ? "membership.invited" : "membership.requested",
        objectType: "person",
        objectId: person(m.personHandle)!,
        communityId: community(m.communitySlug),
        data: { demo: true },
        occurredAt: new Date(m.joinedAt),
      })),
    ...org.memberships
      .filter((m) => m.state === "on_break" && m.breakStartedAt)
      .map((m) => ({
        actorId: person(m.personHandle),
        verb: "membership.break_started",
        objectType: "person",
        objectId: person(m.personHandle)!,
        communityId: community(m.communitySlug),
        data: { until: m.breakUntil, demo: true },
        occurredAt: new Date(m.breakStartedAt!),
      })),
    ...org.stageChanges.map((change) => ({
      actorId: person(change.changedByHandle),
      verb: "community.stage_changed",
      objectType: "community",
      objectId: community(change.communitySlug),
      communityId: community(change.communitySlug),
      data: { from: change.fromStage, to: change.toStage, note: change.note },
      occurredAt: new Date(change.createdAt),
    })),
    ...org.charters.map((charter) => ({
      actorId: person(charter.authorHandle),
      verb: "charter.updated",
      objectType: "community",
      objectId: community(charter.communitySlug),
      communityId: community(charter.communitySlug),
      data: { version: charter.version, summary: charter.summary },
      occurredAt: new Date(charter.createdAt),
    })),
    ...org.communities.flatMap((c) => [
      ...(c.dormantSince
        ? [
            {
              actorId: null,
              verb: "community.dormant",
              objectType: "community",
              objectId: community(c.slug),
              communityId: community(c.slug),
              data: { days: 90 },
              occurredAt: new Date(c.dormantSince),
            },
          ]
        : []),
      ...(c.closedAt
        ? [
            {
              actorId: c.closedByHandle ? person(c.closedByHandle) : null,
              verb: "community.closed",
              objectType: "community",
              objectId: community(c.slug),
              communityId: community(c.slug),
              data: { previousStatus: "active" },
              occurredAt: new Date(c.closedAt),
            },
          ]
        : []),
    ]),
  ];

  const total =
    org.divisions.length +
    org.people.length * 2 +
    org.communities.length +
    org.memberships.length +
    activity.length +
    org.charters.length +
    org.stageChanges.length;
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
        status: c.status,
        contentAccess: c.contentAccess,
        joiningQuestion: c.joiningQuestion,
        stageChangedAt: c.stageChangedAt ? new Date(c.stageChangedAt) : null,
        dormantSince: c.dormantSince ? new Date(c.dormantSince) : null,
        closedAt: c.closedAt ? new Date(c.closedAt) : null,
        closingNote: c.closingNote,
        activeSince: c.activeSince,
        memberCount: memberCounts.get(c.slug) ?? 0,
        lastActivityAt: new Date(lastActivity.get(c.slug) ?? `${c.activeSince}T09:00:00Z`),
        createdAt: new Date(`${c.activeSince}T09:00:00Z`),
      })),
    );
    await insert(
      memberships,
      org.memberships.map((m) => ({
        communityId: community(m.communitySlug),
        personId: personIds.get(m.personHandle)!,
        role: m.role,
        state: m.state,
        involvement: m.involvement,
        joinedAt: new Date(m.joinedAt),
        requestAnswer: m.requestAnswer ?? null,
        requestedAt: m.state === "requested" ? new Date(m.joinedAt) : null,
        invitedById: m.invitedByHandle ? person(m.invitedByHandle) : null,
        invitedAt: m.state === "invited" ? new Date(m.joinedAt) : null,
        breakUntil: m.breakUntil ?? null,
        breakStartedAt: m.breakStartedAt ? new Date(m.breakStartedAt) : null,
      })),
    );
    await insert(activityEvents, activity);
    await insert(
      charterVersions,
      org.charters.map(({ communitySlug, authorHandle, createdAt, ...charter }) => ({
        ...charter,
        communityId: community(communitySlug),
        authorId: person(authorHandle),
        createdAt: new Date(createdAt),
      })),
    );
    await insert(
      stageChanges,
      org.stageChanges.map((change) => ({
        communityId: community(change.communitySlug),
        fromStage: change.fromStage,
        toStage: change.toStage,
        note: change.note,
        changedById: person(change.changedByHandle),
        createdAt: new Date(change.createdAt),
      })),
    );
    for (const proposal of org.proposals) {
      const [row] = await tx
        .insert(proposals)
        .values({
          proposerId: person(proposal.proposerHandle)!,
          status: proposal.status,
          name: proposal.name,
          practiceAreas: proposal.practiceAreas.map(asTag),
          need: proposal.need,
          audience: proposal.audience,
          plannedActivities: proposal.plannedActivities,
          foundingCoreIds: proposal.foundingCoreHandles.map((h) => person(h)!),
          suggestedSponsorId: proposal.suggestedSponsorHandle
            ? person(proposal.suggestedSponsorHandle)
            : null,
          createdAt: new Date(proposal.createdAt),
          updatedAt: new Date(proposal.updatedAt),
        })
        .returning({ id: proposals.id });
      await tx.insert(proposalEvents).values(
        proposal.events.map((event) => ({
          proposalId: row!.id,
          authorId: person(event.authorHandle),
          kind: event.kind,
          body: event.body,
          createdAt: new Date(event.createdAt),
        })),
      );
      if (proposal.interestedHandles.length > 0) {
        await tx.insert(proposalInterest).values(
          proposal.interestedHandles.map((handle) => ({
            proposalId: row!.id,
            personId: person(handle)!,
            createdAt: new Date(proposal.createdAt),
          })),
        );
      }
    }
    const closings = org.communities.filter((c) => c.closedAt);
    if (closings.length > 0) {
      await tx.insert(auditLog).values(
        closings.map((c) => ({
          actorId: c.closedByHandle ? person(c.closedByHandle) : null,
          action: "community.closed",
          targetType: "community",
          targetId: community(c.slug),
          communityId: community(c.slug),
          reason: c.closingNote,
          data: { name: c.name, previousStatus: "active" },
          at: new Date(c.closedAt!),
        })),
      );
    }
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
