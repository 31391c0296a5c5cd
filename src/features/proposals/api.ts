import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { requireApiPerson, signedInFirst } from "../../platform/api/actor.js";
import { apiRouter } from "../../platform/api/router.js";
import {
  jsonResponse,
  pageOf,
  paginationQuery,
  problems,
  readCursor,
  requiresToken,
  toApiPage,
} from "../../platform/api/schemas.js";
import { fieldProblemsOf, validationFailed } from "../../platform/api/validation.js";
import type { Db } from "../../platform/db/client.js";
import { notFound } from "../../platform/errors.js";
import type { AppEnv } from "../../platform/http/context.js";
import { authorize, isProgrammeTeam, type PersonActor } from "../../platform/policy.js";
import { communityTypes } from "../communities/tables.js";
import { slugify } from "../organisation/service.js";
import { approveInput, proposalInput, startingStages } from "./inputs.js";
import "./policy.js";
import {
  ProposalSchema,
  ProposalSummarySchema,
  presentProposal,
  presentProposalSummary,
} from "./presenters.js";
import { findProposal, listProposals, peopleByIds, proposalTimeline } from "./queries.js";
import {
  approveProposal,
  commentOnProposal,
  declineProposal,
  requestChanges,
  resubmitProposal,
  setInterest,
  submitProposal,
  withdrawProposal,
} from "./service.js";
import { proposalStatuses } from "./tables.js";

const idParam = z.object({
  id: z
    .string()
    .max(60)
    .openapi({ param: { name: "id", in: "path" }, example: "0193a0c4-7d2e-7c1a-9b1e-2f6c1d8e4a10" }),
});

const peopleList = z
  .array(z.string().max(254))
  .max(20)
  .openapi({
    description: "Handles or email addresses of existing people.",
    example: ["sam-lee", "ana@example.org"],
  });

const proposalFields = {
  name: z.string().openapi({ minLength: 3, maxLength: 80, example: "Research Software Engineering" }),
  practiceAreas: z.array(z.string()).openapi({ minItems: 1, maxItems: 8, example: ["research software"] }),
  need: z.string().openapi({ maxLength: 4000, description: "The need the community meets." }),
  audience: z.string().openapi({ maxLength: 2000, description: "Who it is for." }),
  plannedActivities: z.string().optional().openapi({ maxLength: 4000 }),
  foundingCore: peopleList
    .optional()
    .openapi({ description: "The founding core group, invited as core members when approved." }),
  sponsor: z
    .string()
    .max(254)
    .optional()
    .openapi({ description: "A suggested sponsor: handle or email address; empty for none." }),
};

const ProposalInputSchema = z.object(proposalFields).openapi("ProposalInput");
const ProposalChangesSchema = z
  .object({
    ...Object.fromEntries(Object.entries(proposalFields).map(([k, v]) => [k, v.optional()])),
    note: z
      .string()
      .max(2000)
      .optional()
      .openapi({ description: "What you changed, for the programme team." }),
  })
  .openapi("ProposalChanges") as unknown as z.ZodType<
  Partial<z.infer<typeof ProposalInputSchema>> & { note?: string }
>;

type ProposalBody = Partial<z.infer<typeof ProposalInputSchema>>;

/** The API's JSON, checked by the same rules (and messages) as the page's form. */
function checkBody(body: ProposalBody, current: Record<string, string> = {}) {
  const values: Record<string, string> = { ...current };
  if (body.name !== undefined) values.name = body.name;
  if (body.practiceAreas !== undefined) values.practiceAreas = body.practiceAreas.join(",");
  if (body.need !== undefined) values.need = body.need;
  if (body.audience !== undefined) values.audience = body.audience;
  if (body.plannedActivities !== undefined) values.plannedActivities = body.plannedActivities;
  if (body.foundingCore !== undefined) values.foundingCore = body.foundingCore.join("\n");
  if (body.sponsor !== undefined) values.sponsor = body.sponsor;
  const result = proposalInput.safeParse(values);
  if (!result.success) throw validationFailed(fieldProblemsOf(result.error, "body"));
  return result.data;
}

const json = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { "application/json": { schema } } },
});

async function loadProposal(db: Db, actor: PersonActor, id: string) {
  const detail = await findProposal(db, id);
  if (!detail) throw notFound("proposal");
  authorize(actor, "proposal.view", {
    id: detail.proposal.id,
    name: detail.proposal.name,
    proposerId: detail.proposal.proposerId,
    status: detail.proposal.status,
  });
  return detail;
}

async function presented(c: Context<AppEnv>, id: string) {
  const db = c.get("db");
  const detail = await findProposal(db, id);
  if (!detail) throw notFound("proposal");
  const { proposal } = detail;
  const [founding, sponsors, timeline] = await Promise.all([
    peopleByIds(db, proposal.foundingCoreIds),
    peopleByIds(db, proposal.suggestedSponsorId ? [proposal.suggestedSponsorId] : []),
    proposalTimeline(db, proposal.id),
  ]);
  return presentProposal(detail, { founding, sponsor: sponsors[0] ?? null, timeline });
}

const tags = ["Proposals"];
const one = jsonResponse(ProposalSchema, "The proposal, with its review history.");

const createProposal = createRoute({
  method: "post",
  path: "/proposals",
  tags,
  summary: "Propose a community",
  description: "Anyone signed in. The proposal goes to the programme team for review at once.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: json(ProposalInputSchema),
  responses: { 201: jsonResponse(ProposalSchema, "The new proposal."), ...problems(400, 401, 415, 422) },
});

const listRoute = createRoute({
  method: "get",
  path: "/proposals",
  tags,
  summary: "List proposals",
  description:
    "The programme team sees every proposal (filter by status); everyone else sees their own. Newest first.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: {
    query: z.object({
      status: z.enum(proposalStatuses, { message: `Use one of: ${proposalStatuses.join(", ")}` }).optional(),
      ...paginationQuery,
    }),
  },
  responses: {
    200: jsonResponse(pageOf(ProposalSummarySchema, "ProposalPage"), "A page of proposals."),
    ...problems(401, 422),
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/proposals/{id}",
  tags,
  summary: "A proposal",
  description: "The proposer and the programme team.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: idParam },
  responses: { 200: one, ...problems(401, 403, 404) },
});

const patchRoute = createRoute({
  method: "patch",
  path: "/proposals/{id}",
  tags,
  summary: "Change and resubmit a proposal",
  description:
    "The proposer, when the programme team has asked for changes. Fields left out keep their value; the proposal goes back for review.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: idParam, ...json(ProposalChangesSchema) },
  responses: { 200: one, ...problems(400, 401, 403, 404, 415, 422) },
});

const commentRoute = createRoute({
  method: "post",
  path: "/proposals/{id}/comments",
  tags,
  summary: "Comment on a proposal",
  description: "The programme team and the proposer, while it is under review.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: {
    params: idParam,
    ...json(
      z
        .object({
          body: z
            .string()
            .trim()
            .min(1, "Write a comment")
            .max(4000, "Keep the comment under 4,000 characters"),
        })
        .openapi("ProposalComment"),
    ),
  },
  responses: { 201: one, ...problems(400, 401, 403, 404, 415, 422) },
});

const decisionRoute = createRoute({
  method: "post",
  path: "/proposals/{id}/decision",
  tags,
  summary: "Decide on a proposal",
  description:
    "The programme team. `approve` creates the community (at `stage`, at `/communities/{slug}`) with the proposer as convenor and invites the founding group; `request_changes` and `decline` need a `message`.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: {
    params: idParam,
    ...json(
      z
        .object({
          decision: z.enum(["approve", "request_changes", "decline"], {
            message: "Use one of: approve, request_changes, decline",
          }),
          message: z.string().max(4000, "Keep the message under 4,000 characters").default(""),
          stage: z.enum(startingStages, { message: "Use one of: inquire, design" }).default("inquire"),
          type: z.enum(communityTypes).default("professional"),
          slug: z
            .string()
            .max(60)
            .default("")
            .openapi({ description: "The new community's address; from its name when left out." }),
        })
        .openapi("ProposalDecision"),
    ),
  },
  responses: { 200: one, ...problems(400, 401, 403, 404, 415, 422) },
});

const interestRoute = (method: "post" | "delete") =>
  createRoute({
    method,
    path: "/proposals/{id}/interest",
    tags,
    summary: method === "post" ? "Register interest in a proposed community" : "Withdraw your interest",
    description:
      "Anyone signed in but the proposer, while the proposal is under review. Doing it twice changes nothing.",
    security: requiresToken,
    middleware: [signedInFirst],
    request: { params: idParam },
    responses: {
      200: jsonResponse(
        z.object({ interested: z.boolean(), interestCount: z.number().int() }).openapi("ProposalInterest"),
        "Your interest and the new count.",
      ),
      ...problems(401, 403, 404),
    },
  });

const withdrawRoute = createRoute({
  method: "post",
  path: "/proposals/{id}/withdraw",
  tags,
  summary: "Withdraw a proposal",
  description: "The proposer, while it is under review.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: idParam },
  responses: { 200: one, ...problems(401, 403, 404) },
});

/** Proposals, their review and interest. */
export function proposalApi() {
  const app = apiRouter();

  app.openapi(createProposal, async (c) => {
    const actor = requireApiPerson(c);
    const input = checkBody(c.req.valid("json"));
    const proposal = await submitProposal(c.get("db"), actor, input);
    c.header("Location", `/api/v1/proposals/${proposal.id}`);
    return c.json(await presented(c, proposal.id), 201);
  });

  app.openapi(listRoute, async (c) => {
    const actor = requireApiPerson(c);
    const query = c.req.valid("query");
    const page = await listProposals(
      c.get("db"),
      isProgrammeTeam(actor) ? { status: query.status } : { status: query.status, proposerId: actor.id },
      readCursor(query.cursor, (key) => typeof key === "string" && !Number.isNaN(Date.parse(key))),
      query.limit,
    );
    return c.json(toApiPage(page, presentProposalSummary), 200);
  });

  app.openapi(getRoute, async (c) => {
    const actor = requireApiPerson(c);
    const detail = await loadProposal(c.get("db"), actor, c.req.valid("param").id);
    return c.json(await presented(c, detail.proposal.id), 200);
  });

  app.openapi(patchRoute, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const detail = await loadProposal(db, actor, c.req.valid("param").id);
    const { proposal } = detail;
    authorize(actor, "proposal.edit", {
      id: proposal.id,
      name: proposal.name,
      proposerId: proposal.proposerId,
      status: proposal.status,
    });
    const [founding, sponsors] = await Promise.all([
      peopleByIds(db, proposal.foundingCoreIds),
      peopleByIds(db, proposal.suggestedSponsorId ? [proposal.suggestedSponsorId] : []),
    ]);
    const body = c.req.valid("json");
    const input = checkBody(body, {
      name: proposal.name,
      practiceAreas: proposal.practiceAreas.join(","),
      need: proposal.need,
      audience: proposal.audience,
      plannedActivities: proposal.plannedActivities,
      foundingCore: founding.map((p) => p.handle).join("\n"),
      sponsor: sponsors[0]?.handle ?? "",
    });
    await resubmitProposal(db, actor, proposal.id, input, (body.note ?? "").trim());
    return c.json(await presented(c, proposal.id), 200);
  });

  app.openapi(commentRoute, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const detail = await loadProposal(db, actor, c.req.valid("param").id);
    await commentOnProposal(db, actor, detail.proposal.id, c.req.valid("json").body);
    return c.json(await presented(c, detail.proposal.id), 201);
  });

  app.openapi(decisionRoute, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const detail = await loadProposal(db, actor, c.req.valid("param").id);
    const body = c.req.valid("json");
    const id = detail.proposal.id;
    const message = body.message.trim();
    if (body.decision === "approve") {
      const input = approveInput.safeParse({
        stage: body.stage,
        type: body.type,
        slug: body.slug || slugify(detail.proposal.name),
        message,
      });
      if (!input.success) throw validationFailed(fieldProblemsOf(input.error, "body"));
      await approveProposal(db, actor, id, input.data);
    } else {
      if (!message) {
        throw validationFailed([
          {
            field: "message",
            message:
              body.decision === "decline" ? "Give the reason for declining" : "Say what needs to change",
          },
        ]);
      }
      if (body.decision === "decline") await declineProposal(db, actor, id, message);
      else await requestChanges(db, actor, id, message);
    }
    return c.json(await presented(c, id), 200);
  });

  for (const method of ["post", "delete"] as const) {
    app.openapi(interestRoute(method), async (c) => {
      const actor = requireApiPerson(c);
      const db = c.get("db");
      const id = c.req.valid("param").id;
      await setInterest(db, actor, id, method === "post");
      const detail = await findProposal(db, id);
      return c.json({ interested: method === "post", interestCount: detail?.interestCount ?? 0 }, 200);
    });
  }

  app.openapi(withdrawRoute, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const detail = await loadProposal(db, actor, c.req.valid("param").id);
    await withdrawProposal(db, actor, detail.proposal.id);
    return c.json(await presented(c, detail.proposal.id), 200);
  });

  return app;
}
