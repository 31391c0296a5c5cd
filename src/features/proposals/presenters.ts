import { z } from "@hono/zod-openapi";
import { iso } from "../../platform/api/schemas.js";
import { stages } from "../communities/tables.js";
import type { PersonRef, ProposalDetail, ProposalSummary, TimelineEntry } from "./queries.js";
import { proposalEventKinds, proposalStatuses } from "./tables.js";

const dateTime = () => z.string().openapi({ format: "date-time", example: "2025-03-14T09:30:00.000Z" });
const PersonLinkSchema = z.object({ handle: z.string(), name: z.string() }).openapi("PersonLink");

const summaryShape = {
  id: z.string(),
  name: z.string(),
  status: z.enum(proposalStatuses),
  practiceAreas: z.array(z.string()),
  need: z.string(),
  proposer: PersonLinkSchema,
  interestCount: z.number().int(),
  createdAt: dateTime(),
  updatedAt: dateTime(),
};

export const ProposalSummarySchema = z.object(summaryShape).openapi("ProposalSummary");

export function presentProposalSummary(p: ProposalSummary): z.infer<typeof ProposalSummarySchema> {
  return {
    id: p.id,
    name: p.name,
    status: p.status,
    practiceAreas: p.practiceAreas,
    need: p.need,
    proposer: { handle: p.proposerHandle, name: p.proposerName },
    interestCount: p.interestCount,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export const ProposalSchema = z
  .object({
    ...summaryShape,
    audience: z.string(),
    plannedActivities: z.string(),
    foundingCore: z.array(PersonLinkSchema),
    suggestedSponsor: PersonLinkSchema.nullable(),
    community: z
      .object({ slug: z.string(), name: z.string() })
      .nullable()
      .openapi({ description: "The community it became, once approved." }),
    approvedStage: z.enum(stages).nullable(),
    decidedAt: dateTime().nullable(),
    events: z
      .array(
        z.object({
          kind: z.enum(proposalEventKinds),
          body: z.string(),
          author: PersonLinkSchema.nullable(),
          createdAt: dateTime(),
        }),
      )
      .openapi({ description: "The review conversation, oldest first." }),
  })
  .openapi("Proposal");

export function presentProposal(
  detail: ProposalDetail,
  people: { founding: PersonRef[]; sponsor: PersonRef | null; timeline: TimelineEntry[] },
): z.infer<typeof ProposalSchema> {
  const { proposal } = detail;
  const link = (p: { handle: string; name: string }) => ({ handle: p.handle, name: p.name });
  return {
    id: proposal.id,
    name: proposal.name,
    status: proposal.status,
    practiceAreas: proposal.practiceAreas,
    need: proposal.need,
    proposer: { handle: detail.proposerHandle, name: detail.proposerName },
    interestCount: detail.interestCount,
    createdAt: proposal.createdAt.toISOString(),
    updatedAt: proposal.updatedAt.toISOString(),
    audience: proposal.audience,
    plannedActivities: proposal.plannedActivities,
    foundingCore: people.founding.map(link),
    suggestedSponsor: people.sponsor ? link(people.sponsor) : null,
    community:
      detail.communitySlug && detail.communityName
        ? { slug: detail.communitySlug, name: detail.communityName }
        : null,
    approvedStage: proposal.approvedStage ?? null,
    decidedAt: iso(proposal.decidedAt),
    events: people.timeline.map((e) => ({
      kind: e.kind,
      body: e.body,
      author: e.authorHandle && e.authorName ? { handle: e.authorHandle, name: e.authorName } : null,
      createdAt: e.createdAt.toISOString(),
    })),
  };
}
