import { and, eq, inArray, sql } from "drizzle-orm";
import { recordActivity } from "../../platform/activity.js";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/client.js";
import { authorize, type PersonActor } from "../../platform/policy.js";
import type { Community } from "../communities/queries.js";
import { communities } from "../communities/tables.js";
import { memberships } from "../memberships/tables.js";
import { notify } from "../notifications/service.js";
import { people } from "../people/tables.js";
import type { CloseInput } from "./inputs.js";
import { communityClosed, communityDormant } from "./notifications.js";
import "./policy.js";
import { quietVerbs } from "./queries.js";

export const DORMANT_AFTER_DAYS = 90;
const DAY_MS = 86_400_000;

/**
 * Closes a community: it stays readable and searchable, but nothing new can be added and nobody
 * can join. Every member not on a break is told, with the closing note on the community's page.
 */
export async function closeCommunity(
  db: Db,
  actor: PersonActor,
  community: Community,
  input: CloseInput,
  now = new Date(),
) {
  authorize(actor, "programme.closeCommunity", community);
  return db.transaction(async (tx) => {
    const [closed] = await tx
      .update(communities)
      .set({ status: "closed", closedAt: now, closingNote: input.note, updatedAt: now })
      // Guards against a second close racing the first.
      .where(and(eq(communities.id, community.id), sql`${communities.status} not in ('closed', 'proposed')`))
      .returning();
    if (!closed) {
      authorize(actor, "programme.closeCommunity", { ...community, status: "closed" });
      throw new Error("unreachable");
    }
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "community.closed",
      object: { type: "community", id: community.id },
      communityId: community.id,
      data: { previousStatus: community.status },
      at: now,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "community.closed",
      target: { type: "community", id: community.id },
      communityId: community.id,
      reason: input.note,
      data: { name: community.name, previousStatus: community.status },
    });
    const members = await tx
      .select({ personId: memberships.personId })
      .from(memberships)
      .where(
        and(eq(memberships.communityId, community.id), inArray(memberships.state, ["active", "on_break"])),
      );
    for (const { personId } of members) {
      if (personId === actor.id) continue;
      await notify(tx, {
        recipientId: personId,
        kind: communityClosed.kind,
        title: `${community.name} has closed`,
        body: "Its pages stay readable, but nothing new can be added.",
        url: `/communities/${community.slug}`,
        communityId: community.id,
        data: { communityName: community.name },
      });
    }
    return closed;
  });
}

/** Reopens a closed community as active, with 90 days before the sweep can call it quiet again. */
export async function reopenCommunity(db: Db, actor: PersonActor, community: Community, now = new Date()) {
  authorize(actor, "programme.reopenCommunity", community);
  return db.transaction(async (tx) => {
    const [reopened] = await tx
      .update(communities)
      .set({ status: "active", closedAt: null, closingNote: null, dormantSince: null, updatedAt: now })
      .where(and(eq(communities.id, community.id), eq(communities.status, "closed")))
      .returning();
    if (!reopened) {
      authorize(actor, "programme.reopenCommunity", { ...community, status: "active" });
      throw new Error("unreachable");
    }
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "community.reopened",
      object: { type: "community", id: community.id },
      communityId: community.id,
      at: now,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "community.reopened",
      target: { type: "community", id: community.id },
      communityId: community.id,
      data: { name: community.name, closedAt: community.closedAt?.toISOString() ?? null },
    });
    return reopened;
  });
}

const quietList = sql.join(
  quietVerbs.map((verb) => sql`${verb}`),
  sql`, `,
);

/**
 * The daily sweep. Flags as dormant every active community with no activity for 90 days (no
 * activity event, and `lastActivityAt` older too) and tells the programme team; brings back to
 * active every dormant community where something has happened since. Safe to run twice.
 */
export async function sweepDormancy(db: Db, now = new Date()) {
  const cutoff = new Date(now.getTime() - DORMANT_AFTER_DAYS * DAY_MS);
  return db.transaction(async (tx) => {
    const quiet = await tx
      .update(communities)
      .set({ status: "dormant", dormantSince: now, updatedAt: now })
      .where(
        and(
          eq(communities.status, "active"),
          sql`${communities.lastActivityAt} < ${cutoff.toISOString()}::timestamptz`,
          sql`not exists (select 1 from activity_events e where e.community_id = "communities"."id" and e.occurred_at >= ${cutoff.toISOString()}::timestamptz and e.verb not in (${quietList}))`,
        ),
      )
      .returning({ id: communities.id, slug: communities.slug, name: communities.name });

    const revived = await tx
      .update(communities)
      .set({ status: "active", dormantSince: null, updatedAt: now })
      .where(
        and(
          eq(communities.status, "dormant"),
          sql`("communities"."dormant_since" is null or "communities"."last_activity_at" > "communities"."dormant_since" or exists (select 1 from activity_events e where e.community_id = "communities"."id" and e.occurred_at > "communities"."dormant_since" and e.verb not in (${quietList})))`,
        ),
      )
      .returning({ id: communities.id, slug: communities.slug, name: communities.name });

    for (const community of quiet) {
      await recordActivity(tx, {
        actorId: null,
        verb: "community.dormant",
        object: { type: "community", id: community.id },
        communityId: community.id,
        data: { days: DORMANT_AFTER_DAYS },
        at: now,
      });
    }
    for (const community of revived) {
      await recordActivity(tx, {
        actorId: null,
        verb: "community.revived",
        object: { type: "community", id: community.id },
        communityId: community.id,
        at: now,
      });
    }
    if (quiet.length > 0) {
      const team = await tx
        .select({ id: people.id })
        .from(people)
        .where(inArray(people.siteRole, ["programme", "admin"]));
      for (const person of team) {
        // One notice per community, collapsing into "N communities have gone quiet" while unread.
        for (const community of quiet) {
          await notify(tx, {
            recipientId: person.id,
            kind: communityDormant.kind,
            title: `${community.name} has gone quiet`,
            body: `Nothing has happened there for ${DORMANT_AFTER_DAYS} days.`,
            url: "/admin/communities?status=dormant",
            dedupeKey: communityDormant.kind,
            data: { communityName: community.name },
          });
        }
      }
    }
    return { dormant: quiet.map((c) => c.slug), revived: revived.map((c) => c.slug) };
  });
}
