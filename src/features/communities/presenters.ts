import { z } from "@hono/zod-openapi";
import { iso } from "../../platform/api/schemas.js";
import type { CommunityRole, Decision } from "../../platform/policy.js";
import type { CommunityCard } from "./directory-queries.js";
import type { Community } from "./queries.js";
import { communityTypes, contentAccessLevels, joinPolicies, stages } from "./tables.js";

// What the API says about communities: the directory card's facts, and on a single community its
// description and what the caller may do. Members are listed separately (signed-in only).

const dateTime = () => z.string().openapi({ format: "date-time", example: "2025-03-14T09:30:00.000Z" });

const summaryShape = {
  id: z.string(),
  slug: z.string().openapi({ example: "hr-operations" }),
  name: z.string(),
  tagline: z.string(),
  type: z.enum(communityTypes),
  practiceAreas: z.array(z.string()),
  stage: z.enum(stages),
  status: z.enum(["proposed", "active", "dormant", "closed"]),
  joinPolicy: z.enum(joinPolicies),
  visibility: z.enum(["listed", "unlisted"]),
  contentAccess: z.enum(contentAccessLevels).openapi({
    description: "Who may read what members write: all staff, or members only.",
  }),
  memberCount: z.number().int(),
  lastActivityAt: dateTime(),
  createdAt: dateTime(),
};

export const CommunitySummarySchema = z.object(summaryShape).openapi("CommunitySummary");
type CommunitySummary = z.infer<typeof CommunitySummarySchema>;

export function presentCommunitySummary(card: CommunityCard | Community): CommunitySummary {
  return {
    id: card.id,
    slug: card.slug,
    name: card.name,
    tagline: card.tagline,
    type: card.type as CommunitySummary["type"],
    practiceAreas: card.practiceAreas,
    stage: card.stage as CommunitySummary["stage"],
    status: card.status as CommunitySummary["status"],
    joinPolicy: card.joinPolicy as CommunitySummary["joinPolicy"],
    visibility: card.visibility as CommunitySummary["visibility"],
    contentAccess: card.contentAccess as CommunitySummary["contentAccess"],
    memberCount: card.memberCount,
    lastActivityAt: card.lastActivityAt.toISOString(),
    createdAt: card.createdAt.toISOString(),
  };
}

export const CommunitySchema = z
  .object({
    ...summaryShape,
    description: z.string().openapi({ description: "Markdown, as the convenors wrote it." }),
    activeSince: z.string().nullable().openapi({ format: "date", example: "2024-09-01" }),
    joiningQuestion: z
      .string()
      .openapi({ description: "Asked of people who request to join; empty when there is none." }),
    channels: z
      .object({
        mailingList: z.string().nullable(),
        chat: z.string().nullable(),
        website: z.string().nullable(),
      })
      .openapi({ description: "Addresses of the community's own channels elsewhere; null when not set." }),
    contactEmail: z.string().nullable(),
    stageChangedAt: dateTime().nullable(),
    dormantSince: dateTime().nullable().openapi({ description: "Set while the community is dormant." }),
    closedAt: dateTime().nullable(),
    closingNote: z.string().nullable().openapi({ description: "Why it closed, when it has." }),
    viewer: z
      .object({
        role: z.enum(["convenor", "core", "member", "sponsor"]).nullable(),
        canJoin: z.boolean(),
        joinRefusal: z.string().nullable().openapi({ description: "Why you cannot join, when you cannot." }),
        canSeeMembers: z.boolean(),
      })
      .openapi({ description: "You and this community." }),
  })
  .openapi("Community");

export function presentCommunity(
  community: Community,
  viewer: { role: CommunityRole | null; join: Decision; canSeeMembers: boolean },
): z.infer<typeof CommunitySchema> {
  return {
    ...presentCommunitySummary(community),
    description: community.description,
    activeSince: community.activeSince,
    joiningQuestion: community.joiningQuestion,
    channels: {
      mailingList: community.mailingListUrl || null,
      chat: community.chatUrl || null,
      website: community.websiteUrl || null,
    },
    contactEmail: community.contactEmail || null,
    stageChangedAt: iso(community.stageChangedAt),
    dormantSince: iso(community.dormantSince),
    closedAt: iso(community.closedAt),
    closingNote: community.closingNote ?? null,
    viewer: {
      role: viewer.role,
      canJoin: viewer.join.allowed,
      joinRefusal: viewer.join.allowed ? null : viewer.join.reason,
      canSeeMembers: viewer.canSeeMembers,
    },
  };
}
