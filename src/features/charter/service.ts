import { and, eq, ne, sql } from "drizzle-orm";
import { recordActivity } from "../../platform/activity.js";
import type { Db } from "../../platform/db/client.js";
import { AppError } from "../../platform/errors.js";
import { authorize, type PersonActor } from "../../platform/policy.js";
import type { CommunityTarget } from "../communities/policy.js";
import { communities } from "../communities/tables.js";
import { memberships } from "../memberships/tables.js";
import { notify } from "../notifications/service.js";
import { people } from "../people/tables.js";
import type { CharterInput } from "./inputs.js";
import { charterUpdated } from "./notifications.js";
import { type CharterVersion, currentCharter } from "./queries.js";
import { charterVersions } from "./tables.js";
import "./policy.js";

/** Someone else saved a newer version while this person was editing. Nothing was written. */
export class CharterConflict extends AppError {
  constructor(readonly latest: CharterVersion & { authorName: string | null }) {
    super(
      409,
      "charter_conflict",
      `Someone else saved version ${latest.version} of the charter while you were editing. Your changes have not been saved.`,
      { currentVersion: latest.version },
    );
  }
}

async function conflictWith(db: Db, communityId: string) {
  const latest = await currentCharter(db, communityId);
  if (!latest) throw new Error("conflict without a charter");
  const [author] = latest.authorId
    ? await db.select({ name: people.name }).from(people).where(eq(people.id, latest.authorId))
    : [];
  return new CharterConflict({ ...latest, authorName: author?.name ?? null });
}

/**
 * Saves a new version of the community's charter (the previous version + 1). When `baseVersion`
 * is given and is older than the current version, or another save takes the same number first,
 * throws CharterConflict: nothing is overwritten silently.
 */
export async function saveCharter(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  input: CharterInput,
  now = new Date(),
): Promise<CharterVersion> {
  authorize(actor, "charter.edit", community);
  const saved = await db.transaction(async (tx) => {
    const [latest] = await tx
      .select({ version: sql<number>`coalesce(max(${charterVersions.version}), 0)`.mapWith(Number) })
      .from(charterVersions)
      .where(eq(charterVersions.communityId, community.id));
    const current = latest?.version ?? 0;
    if (input.baseVersion !== undefined && input.baseVersion !== current) return null;
    const [row] = await tx
      .insert(charterVersions)
      .values({
        communityId: community.id,
        version: current + 1,
        mission: input.mission,
        membershipCriteria: input.membershipCriteria,
        codeOfConduct: input.codeOfConduct,
        tools: input.tools,
        meetingRhythm: input.meetingRhythm,
        decisionProcess: input.decisionProcess,
        decisionNotes: input.decisionNotes,
        summary: input.summary,
        authorId: actor.id,
        createdAt: now,
      })
      // Two saves racing for the same number: the second one inserts nothing and is told so.
      .onConflictDoNothing({ target: [charterVersions.communityId, charterVersions.version] })
      .returning();
    if (!row) return null;
    await tx.update(communities).set({ lastActivityAt: now }).where(eq(communities.id, community.id));
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "charter.updated",
      object: { type: "charter_version", id: row.id },
      communityId: community.id,
      data: { version: row.version, summary: row.summary },
      at: now,
    });
    const convenors = await tx
      .select({ personId: memberships.personId })
      .from(memberships)
      .where(
        and(
          eq(memberships.communityId, community.id),
          eq(memberships.role, "convenor"),
          eq(memberships.state, "active"),
          ne(memberships.personId, actor.id),
        ),
      );
    for (const { personId } of convenors) {
      await notify(tx, {
        recipientId: personId,
        kind: charterUpdated.kind,
        title: `${actor.name} changed the charter of ${community.name} (version ${row.version})`,
        body: row.summary,
        url: `/communities/${community.slug}/charter/versions/${row.version}`,
        dedupeKey: `${charterUpdated.kind}:${community.id}`,
        communityId: community.id,
        data: { communityName: community.name, version: row.version },
      });
    }
    return row;
  });
  if (!saved) throw await conflictWith(db, community.id);
  return saved;
}
