import { z } from "@hono/zod-openapi";
import type { MemberRow, MembershipRow } from "./queries.js";
import { involvements } from "./tables.js";

const communityRoles = ["convenor", "core", "member", "sponsor"] as const;
const dateTime = () => z.string().openapi({ format: "date-time" });

export const MemberSchema = z
  .object({
    person: z.object({
      id: z.string(),
      handle: z.string(),
      name: z.string(),
      jobTitle: z.string(),
      division: z.string().nullable(),
    }),
    role: z.enum(communityRoles),
    joinedAt: dateTime(),
  })
  .openapi("Member");

export function presentMember(row: MemberRow): z.infer<typeof MemberSchema> {
  return {
    person: {
      id: row.personId,
      handle: row.handle,
      name: row.name,
      jobTitle: row.jobTitle,
      division: row.divisionName,
    },
    role: row.role,
    joinedAt: row.joinedAt.toISOString(),
  };
}

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
