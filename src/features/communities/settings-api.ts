import { createRoute, z } from "@hono/zod-openapi";
import { requireApiPerson, signedInFirst } from "../../platform/api/actor.js";
import { apiRouter } from "../../platform/api/router.js";
import { jsonResponse, problems, requiresToken } from "../../platform/api/schemas.js";
import { notFound } from "../../platform/errors.js";
import { authorize } from "../../platform/policy.js";
import { slugParam } from "./api.js";
import { type SettingsInput, settingsInput } from "./inputs.js";
import { type Community, findCommunityBySlug } from "./queries.js";
import { updateCommunity } from "./settings-service.js";
import { communityTypes, contentAccessLevels, joinPolicies, stages } from "./tables.js";
import "./policy.js";

// The settings as JSON: practice areas as an array, every field optional (send only what changes).
const settingsBody = settingsInput
  .extend({
    practiceAreas: z
      .array(z.string())
      .transform((areas) => areas.join(","))
      .pipe(settingsInput.shape.practiceAreas as unknown as z.ZodType<string[], string>)
      .openapi({
        type: "array",
        items: { type: "string", maxLength: 40 },
        minItems: 1,
        maxItems: 8,
        example: ["payroll", "pensions"],
      }),
  })
  .partial()
  .openapi("CommunitySettingsInput");

const dateTime = () => z.string().openapi({ format: "date-time", example: "2025-03-14T09:30:00.000Z" });

export const CommunitySettingsSchema = z
  .object({
    id: z.string(),
    slug: z.string().openapi({ example: "hr-operations" }),
    name: z.string(),
    tagline: z.string(),
    description: z.string().openapi({ description: "Markdown." }),
    type: z.enum(communityTypes),
    practiceAreas: z.array(z.string()),
    stage: z.enum(stages),
    status: z.enum(["proposed", "active", "dormant", "closed"]),
    joinPolicy: z.enum(joinPolicies),
    joiningQuestion: z.string(),
    visibility: z.enum(["listed", "unlisted"]),
    contentAccess: z.enum(contentAccessLevels),
    mailingListUrl: z.string(),
    chatUrl: z.string(),
    websiteUrl: z.string(),
    contactEmail: z.string(),
    memberCount: z.number().int(),
    activeSince: z.string().nullable().openapi({ format: "date", example: "2024-09-01" }),
    updatedAt: dateTime(),
  })
  .openapi("CommunitySettings");

function presentSettings(community: Community): z.infer<typeof CommunitySettingsSchema> {
  return {
    id: community.id,
    slug: community.slug,
    name: community.name,
    tagline: community.tagline,
    description: community.description,
    type: community.type,
    practiceAreas: community.practiceAreas,
    stage: community.stage,
    status: community.status,
    joinPolicy: community.joinPolicy,
    joiningQuestion: community.joiningQuestion,
    visibility: community.visibility,
    contentAccess: community.contentAccess,
    mailingListUrl: community.mailingListUrl,
    chatUrl: community.chatUrl,
    websiteUrl: community.websiteUrl,
    contactEmail: community.contactEmail,
    memberCount: community.memberCount,
    activeSince: community.activeSince,
    updatedAt: community.updatedAt.toISOString(),
  };
}

const patchCommunity = createRoute({
  method: "patch",
  path: "/communities/{slug}",
  tags: ["Communities"],
  summary: "Change a community's details and settings",
  description:
    "Convenors of the community and the programme team; closed communities cannot change. Send only the fields to change. The web address (slug) cannot be changed.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: {
    params: slugParam,
    body: { required: true, content: { "application/json": { schema: settingsBody } } },
  },
  responses: {
    200: jsonResponse(CommunitySettingsSchema, "The community as it is now."),
    ...problems(400, 401, 403, 404, 415, 422),
  },
});

/** Updating a community's details and settings. */
export function communitySettingsApi() {
  const app = apiRouter();

  app.openapi(patchCommunity, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const community = await findCommunityBySlug(db, c.req.valid("param").slug);
    if (!community) throw notFound("community");
    authorize(actor, "community.manage", community);
    // Defaults fill in fields that were left out; only the fields actually sent are changed.
    const sent = new Set(Object.keys((await c.req.json()) as Record<string, unknown>));
    const parsed = c.req.valid("json") as Partial<SettingsInput>;
    const input = Object.fromEntries(
      Object.entries(parsed).filter(([key]) => sent.has(key)),
    ) as Partial<SettingsInput>;
    const { community: updated } = await updateCommunity(db, actor, community, input);
    return c.json(presentSettings(updated), 200);
  });

  return app;
}
