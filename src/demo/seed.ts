import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { hashPassword } from "better-auth/crypto";
import type { PgTable } from "drizzle-orm/pg-core";
import { charterVersions } from "../features/charter/tables.js";
import { communities } from "../features/communities/tables.js";
import { reactions, replies, threadFollows, threads } from "../features/discussions/tables.js";
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
import { bulkPostCount, seedBulkPosts } from "./bulk-posts.js";
import { type DemoOrganisation, type DemoSize, generateDemoOrganisation } from "./generate.js";
import { seedEvents } from "./seed-events.js";
import { seedResources } from "./seed-resources.js";

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

  // Discussions: ids first, so accepted answers and "in reply to" can point at replies.
  const posts = org.threads.map((thread) => {
    const id = newId();
    const replyIds = thread.replies.map(() => newId());
    const last = thread.replies.at(-1)?.createdAt ?? thread.createdAt;
    touch(thread.communitySlug, last);
    return { thread, id, replyIds, last };
  });
  for (const { thread } of posts) for (const r of thread.reactions) touch(thread.communitySlug, r.createdAt);
  const discussionActivity: (typeof activityEvents.$inferInsert)[] = posts.flatMap(
    ({ thread, id, replyIds }) => {
      const communityId = community(thread.communitySlug);
      const tags = thread.tags;
      const postAuthor = (reply: number | null) =>
        reply === null ? thread.authorHandle : thread.replies[reply]!.authorHandle;
      return [
        {
          actorId: person(thread.authorHandle),
          verb: "thread.created",
          objectType: "thread",
          objectId: id,
          communityId,
          data: { kind: thread.kind, title: thread.title },
          occurredAt: new Date(thread.createdAt),
        },
        ...thread.replies.map((reply, i) => ({
          actorId: person(reply.authorHandle),
          verb: "reply.created",
          objectType: "reply",
          objectId: replyIds[i]!,
          communityId,
          data: { threadId: id },
          occurredAt: new Date(reply.createdAt),
        })),
        ...(thread.accepted !== null && thread.acceptedAt
          ? [
              {
                actorId: person(thread.authorHandle),
                verb: "answer.accepted",
                objectType: "reply",
                objectId: replyIds[thread.accepted]!,
                communityId,
                data: {
                  threadId: id,
                  replyId: replyIds[thread.accepted]!,
                  answererId: person(thread.replies[thread.accepted]!.authorHandle),
                  tags,
                  title: thread.title,
                },
                occurredAt: new Date(thread.acceptedAt),
              },
            ]
          : []),
        ...thread.reactions.map((reaction) => {
          const postId = reaction.reply === null ? id : replyIds[reaction.reply]!;
          return {
            actorId: person(reaction.personHandle),
            verb: "reaction.added",
            objectType: reaction.reply === null ? "thread" : "reply",
            objectId: postId,
            communityId,
            data: {
              kind: reaction.kind,
              postId,
              threadId: id,
              authorId: person(postAuthor(reaction.reply)),
              tags,
            },
            occurredAt: new Date(reaction.createdAt),
          };
        }),
      ];
    },
  );

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
    ...discussionActivity,
  ];

  const total =
    org.divisions.length +
    org.people.length * 2 +
    org.communities.length +
    org.memberships.length +
    activity.length +
    org.charters.length +
    org.stageChanges.length +
    posts.reduce((sum, post) => sum + 1 + post.thread.replies.length, 0);
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
    await insert(
      threads,
      posts.map(({ thread, id, replyIds, last }) => ({
        id,
        communityId: community(thread.communitySlug),
        authorId: person(thread.authorHandle),
        kind: thread.kind,
        title: thread.title,
        body: thread.body,
        tags: thread.tags,
        replyCount: thread.replies.length,
        acceptedReplyId: thread.accepted === null ? null : replyIds[thread.accepted]!,
        acceptedAt: thread.acceptedAt ? new Date(thread.acceptedAt) : null,
        firstReplyAt: thread.replies[0] ? new Date(thread.replies[0].createdAt) : null,
        lastActivityAt: new Date(last),
        createdAt: new Date(thread.createdAt),
        updatedAt: new Date(last),
      })),
    );
    await insert(
      replies,
      posts.flatMap(({ thread, id, replyIds }) =>
        thread.replies.map((reply, i) => ({
          id: replyIds[i]!,
          threadId: id,
          communityId: community(thread.communitySlug),
          authorId: person(reply.authorHandle),
          body: reply.body,
          inReplyToId: reply.inReplyTo === null ? null : (replyIds[reply.inReplyTo] ?? null),
          createdAt: new Date(reply.createdAt),
          updatedAt: new Date(reply.createdAt),
        })),
      ),
    );
    const reactionRows = posts.flatMap(({ thread, id, replyIds }) =>
      thread.reactions.map((reaction) => ({
        postId: reaction.reply === null ? id : replyIds[reaction.reply]!,
        personId: person(reaction.personHandle)!,
        kind: reaction.kind,
        threadId: id,
        createdAt: new Date(reaction.createdAt),
      })),
    );
    if (reactionRows.length > 0) await tx.insert(reactions).values(reactionRows);
    // Authors follow their threads, and people who replied follow the conversation too.
    const follows = posts.flatMap(({ thread, id }) =>
      [...new Set([thread.authorHandle, ...thread.replies.map((r) => r.authorHandle)])].map((handle, i) => ({
        threadId: id,
        personId: person(handle)!,
        createdAt: new Date(
          i === 0 ? thread.createdAt : thread.replies.find((r) => r.authorHandle === handle)!.createdAt,
        ),
      })),
    );
    if (follows.length > 0) await tx.insert(threadFollows).values(follows);
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
    await seedEvents(tx, org, person, community);
    await seedResources(tx, org, person, community);
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
  const ms = bar?.finish();
  // The large demo also gets about a million posts (CONVENE_BENCH_POSTS), made on the server.
  const bulkPosts = options.size === "large" ? bulkPostCount() : 0;
  const bulkMs = await seedBulkPosts(database, bulkPosts, options.quiet);
  // Fresh statistics, so the planner picks the indexes from the first request on.
  await database.exec("analyze");

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
      `Created ${org.people.length} people, ${org.communities.length} communities, ${org.memberships.length} memberships and ${org.threads.length} discussions, ${org.events.length} events and ${org.resources.length} resources in ${ms} ms.\n${bulkPosts > 0 ? `Wrote ${bulkPosts.toLocaleString("en-GB")} more discussion posts in ${bulkMs} ms.\n` : ""}\n${lines.join("\n")}\n`,
    );
  }
  return org;
}
