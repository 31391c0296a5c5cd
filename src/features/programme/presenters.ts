import { z } from "@hono/zod-openapi";
import { stages } from "../communities/tables.js";
import { overviewStatuses } from "./inputs.js";
import type { OverviewRow, OverviewSummary } from "./queries.js";

const dateTime = () => z.string().openapi({ format: "date-time", example: "2026-03-14T09:30:00.000Z" });

export const ProgrammeCommunitySchema = z
  .object({
    id: z.string(),
    slug: z.string().openapi({ example: "hr-operations" }),
    name: z.string(),
    stage: z.enum(stages),
    status: z.enum(overviewStatuses),
    visibility: z.enum(["listed", "unlisted"]),
    joinPolicy: z.enum(["open", "request", "invite"]),
    memberCount: z.number().int(),
    lastActivityAt: dateTime(),
    dormantSince: dateTime().nullable(),
    closedAt: dateTime().nullable(),
    convenors: z.array(z.object({ handle: z.string(), name: z.string() })),
    pendingRequests: z.number().int().openapi({ description: "Requests to join waiting for a convenor." }),
    charterWritten: z.boolean(),
  })
  .openapi("ProgrammeCommunity");

export const ProgrammeOverviewSchema = z
  .object({
    data: z.array(ProgrammeCommunitySchema),
    summary: z
      .object({
        total: z.number().int(),
        active: z.number().int(),
        dormant: z.number().int(),
        closed: z.number().int(),
        proposed: z.number().int(),
      })
      .openapi({ description: "Counts over every community, whatever the filters." }),
  })
  .openapi("ProgrammeOverview");

export function presentProgrammeCommunity(row: OverviewRow): z.infer<typeof ProgrammeCommunitySchema> {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    stage: row.stage as (typeof stages)[number],
    status: row.status as (typeof overviewStatuses)[number],
    visibility: row.visibility as "listed" | "unlisted",
    joinPolicy: row.joinPolicy as "open" | "request" | "invite",
    memberCount: row.memberCount,
    lastActivityAt: row.lastActivityAt.toISOString(),
    dormantSince: row.dormantSince?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    convenors: row.convenors,
    pendingRequests: row.pendingRequests,
    charterWritten: row.charterWritten,
  };
}

export const presentSummary = (summary: OverviewSummary) => summary;
