import { z } from "@hono/zod-openapi";
import type { PendingRow } from "./joining-queries.js";
import type { MembershipRow } from "./queries.js";
import { involvements } from "./tables.js";

const communityRoles = ["convenor", "core", "member", "sponsor"] as const;
const dateTime = () => z.string().openapi({ format: "date-time" });

export const MembershipSchema = z
  .object({
    community: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
    role: z.enum(communityRoles),
    state: z.enum(["requested", "invited", "active", "on_break", "left"]),
    involvement: z.enum(involvements),
    joinedAt: dateTime(),
  })
  .openapi("Membership");

export function presentMembership(row: MembershipRow): z.infer<typeof MembershipSchema> {
  return {
    community: { id: row.communityId, slug: row.slug, name: row.name },
    role: row.role,
    state: row.state,
    involvement: row.involvement,
    joinedAt: row.joinedAt.toISOString(),
  };
}

const personSummary = z.object({
  id: z.string(),
  handle: z.string(),
  name: z.string(),
  jobTitle: z.string(),
  division: z.string().nullable(),
});

export const JoinRequestSchema = z
  .object({
    person: personSummary,
    answer: z
      .string()
      .openapi({ description: "The answer to the community's joining question; may be empty." }),
    involvement: z.enum(involvements),
    requestedAt: dateTime(),
  })
  .openapi("JoinRequest");

export function presentJoinRequest(row: PendingRow): z.infer<typeof JoinRequestSchema> {
  return {
    person: personOf(row),
    answer: row.text,
    involvement: row.involvement,
    requestedAt: row.at.toISOString(),
  };
}

export const InvitationSchema = z
  .object({
    person: personSummary,
    role: z.enum(communityRoles),
    message: z.string(),
    invitedBy: z.string().nullable().openapi({ description: "The inviter's name, when known." }),
    invitedAt: dateTime(),
  })
  .openapi("Invitation");

export function presentInvitation(row: PendingRow): z.infer<typeof InvitationSchema> {
  return {
    person: personOf(row),
    role: row.role,
    message: row.text,
    invitedBy: row.invitedByName,
    invitedAt: row.at.toISOString(),
  };
}

function personOf(row: PendingRow) {
  return {
    id: row.personId,
    handle: row.handle,
    name: row.name,
    jobTitle: row.jobTitle,
    division: row.divisionName,
  };
}
