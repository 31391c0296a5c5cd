import { z } from "@hono/zod-openapi";
import type { PersonActor, SiteRole } from "../../platform/policy.js";
import { mentoringOptions, siteRoles } from "./inputs.js";
import type { findPersonByHandle, PersonSummary } from "./queries.js";

// What the API says about people: chosen fields only. Email addresses are not shown to colleagues
// (profiles do not show them either); a person sees their own at /me.

export const PersonSummarySchema = z
  .object({
    id: z.string(),
    handle: z.string().openapi({ example: "amara-okafor" }),
    name: z.string(),
    jobTitle: z.string(),
    division: z.string().nullable().openapi({ description: "The division's name." }),
    skills: z.array(z.string()),
    siteRole: z.enum(siteRoles),
  })
  .openapi("PersonSummary");

export function presentPersonSummary(person: PersonSummary): z.infer<typeof PersonSummarySchema> {
  return {
    id: person.id,
    handle: person.handle,
    name: person.name,
    jobTitle: person.jobTitle,
    division: person.divisionName,
    skills: person.skills,
    siteRole: person.siteRole as SiteRole,
  };
}

export const PersonSchema = z
  .object({
    id: z.string(),
    handle: z.string(),
    name: z.string(),
    jobTitle: z.string(),
    pronouns: z.string(),
    division: z.object({ slug: z.string(), name: z.string() }).nullable(),
    location: z.string(),
    timeZone: z.string().openapi({ example: "Europe/London" }),
    bio: z.string().openapi({ description: "Markdown, as the person wrote it." }),
    skills: z.array(z.string()),
    canHelpWith: z.string(),
    wantsToLearn: z.string(),
    mentoring: z.enum(mentoringOptions),
    siteRole: z.enum(siteRoles),
    communities: z
      .array(z.object({ slug: z.string(), name: z.string(), role: z.string() }))
      .openapi({ description: "Communities the person is an active member of." }),
  })
  .openapi("Person");

type Found = NonNullable<Awaited<ReturnType<typeof findPersonByHandle>>>;

export function presentPerson(
  found: Found,
  communities: { slug: string; name: string; role: string }[],
): z.infer<typeof PersonSchema> {
  const { person } = found;
  return {
    id: person.id,
    handle: person.handle,
    name: person.name,
    jobTitle: person.jobTitle,
    pronouns: person.pronouns,
    division:
      found.divisionSlug && found.divisionName
        ? { slug: found.divisionSlug, name: found.divisionName }
        : null,
    location: person.location,
    timeZone: person.timeZone,
    bio: person.bio,
    skills: person.skills,
    canHelpWith: person.canHelpWith,
    wantsToLearn: person.wantsToLearn,
    mentoring: person.mentoring,
    siteRole: person.siteRole,
    communities: communities.map((c) => ({ slug: c.slug, name: c.name, role: c.role })),
  };
}

export const MeSchema = z
  .object({
    id: z.string(),
    handle: z.string(),
    name: z.string(),
    email: z.string(),
    siteRole: z.enum(siteRoles),
    memberships: z
      .number()
      .int()
      .openapi({ description: "How many communities you are in; see /me/memberships." }),
  })
  .openapi("Me");

export function presentMe(actor: PersonActor): z.infer<typeof MeSchema> {
  const active = [...actor.memberships.values()].filter(
    (m) => m.state === "active" || m.state === "on_break",
  );
  return {
    id: actor.id,
    handle: actor.handle,
    name: actor.name,
    email: actor.email,
    siteRole: actor.siteRole,
    memberships: active.length,
  };
}
