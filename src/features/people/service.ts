import { and, eq, ne, sql } from "drizzle-orm";
import { recordActivity } from "../../platform/activity.js";
import { recordAudit } from "../../platform/audit.js";
import { authUsers } from "../../platform/auth/tables.js";
import type { Db } from "../../platform/db/client.js";
import { AppError, notFound } from "../../platform/errors.js";
import type { PersonActor, SiteRole } from "../../platform/policy.js";
import { authorize } from "../../platform/policy.js";
import { siteRoleChanged } from "../notifications/kinds.js";
import { notify } from "../notifications/service.js";
import { divisions } from "../organisation/tables.js";
import type { ProfileInput } from "./inputs.js";
import "./policy.js";
import { people } from "./tables.js";

/** "Amara Okafor" -> "amara-okafor" (accents dropped, anything else removed). */
export function handleBase(name: string, email: string): string {
  const fromName = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return (
    fromName ||
    email
      .split("@")[0]
      ?.replace(/[^a-z0-9]+/gi, "-")
      .toLowerCase() ||
    "person"
  );
}

/**
 * Makes the profile for a new account. The very first person becomes an administrator, so a
 * fresh install can be run without touching the database.
 */
export async function ensurePerson(db: Db, user: { id: string; name: string; email: string }): Promise<void> {
  const existing = await db.select({ id: people.id }).from(people).where(eq(people.id, user.id));
  if (existing.length > 0) return;
  const base = handleBase(user.name, user.email);
  for (let attempt = 0; attempt < 5; attempt++) {
    const taken = await db
      .select({ handle: people.handle })
      .from(people)
      .where(sql`${people.handle} = ${base} or ${people.handle} like ${`${base}-%`}`);
    const used = new Set(taken.map((row) => row.handle));
    let handle = base;
    for (let n = 2; used.has(handle); n++) handle = `${base}-${n}`;
    try {
      await db.transaction(async (tx) => {
        await tx.execute(sql`
          insert into people (id, handle, name, site_role)
          values (${user.id}, ${handle}, ${user.name},
            case when exists (select 1 from people where site_role = 'admin') then 'member' else 'admin' end)
          on conflict (id) do nothing`);
        await recordActivity(tx, {
          actorId: user.id,
          verb: "person.joined",
          object: { type: "person", id: user.id },
        });
      });
      return;
    } catch (error) {
      // Two sign-ups with the same name at once: the loser picks the next free handle.
      if (!String((error as { cause?: unknown }).cause ?? error).includes("people_handle_unique"))
        throw error;
    }
  }
  throw new Error(`Could not find a free handle for ${user.email}`);
}

export async function updateProfile(db: Db, actor: PersonActor, personId: string, input: ProfileInput) {
  authorize(actor, "person.update", { id: personId });
  let divisionId: string | null = null;
  if (input.divisionId) {
    const found = await db
      .select({ id: divisions.id })
      .from(divisions)
      .where(eq(divisions.id, input.divisionId));
    if (found.length === 0) {
      throw new AppError(422, "invalid_division", "Choose a division from the list", { field: "divisionId" });
    }
    divisionId = input.divisionId;
  }
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(people)
      .set({
        name: input.name,
        jobTitle: input.jobTitle,
        divisionId,
        location: input.location,
        timeZone: input.timeZone,
        pronouns: input.pronouns,
        bio: input.bio,
        skills: input.skills,
        canHelpWith: input.canHelpWith,
        wantsToLearn: input.wantsToLearn,
        mentoring: input.mentoring,
        ...(input.suggestAsExpert === undefined ? {} : { suggestAsExpert: input.suggestAsExpert }),
      })
      .where(eq(people.id, personId))
      .returning({ id: people.id });
    if (updated.length === 0) throw notFound("person");
    await tx
      .update(authUsers)
      .set({ name: input.name, updatedAt: new Date() })
      .where(eq(authUsers.id, personId));
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "profile.updated",
      object: { type: "person", id: personId },
    });
  });
}

/** Admins change site roles; the organisation always keeps at least one admin. */
export async function changeSiteRole(
  db: Db,
  actor: PersonActor,
  personId: string,
  role: SiteRole,
): Promise<void> {
  authorize(actor, "person.changeSiteRole", { id: personId });
  await db.transaction(async (tx) => {
    const rows = await tx
      .select({ siteRole: people.siteRole })
      .from(people)
      .where(eq(people.id, personId))
      .for("update");
    const current = rows[0];
    if (!current) throw notFound("person");
    if (current.siteRole === role) return;
    if (current.siteRole === "admin") {
      const others = await tx
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.siteRole, "admin"), ne(people.id, personId)))
        .limit(1);
      if (others.length === 0) {
        throw new AppError(
          422,
          "last_admin",
          "This is the only administrator. Make someone else an administrator first.",
        );
      }
    }
    await tx.update(people).set({ siteRole: role }).where(eq(people.id, personId));
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "person.role_changed",
      object: { type: "person", id: personId },
      data: { from: current.siteRole, to: role },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "person.site_role_changed",
      target: { type: "person", id: personId },
      data: { from: current.siteRole, to: role },
    });
    if (personId !== actor.id) {
      const roleNames = { admin: "an administrator", programme: "in the programme team", member: "a member" };
      await notify(tx, {
        recipientId: personId,
        kind: siteRoleChanged.kind,
        title: `${actor.name} made you ${roleNames[role]}`,
        body:
          role === "member"
            ? "You no longer have access to administration."
            : "You can now use the Administration pages.",
        url: role === "member" ? "/" : "/admin",
        dedupeKey: `${siteRoleChanged.kind}:${personId}`,
      });
    }
  });
}
