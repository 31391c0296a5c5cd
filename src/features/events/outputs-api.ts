import { createRoute, z } from "@hono/zod-openapi";
import { requireApiPerson, signedInFirst } from "../../platform/api/actor.js";
import { apiRouter } from "../../platform/api/router.js";
import { iso, jsonResponse, problems, requiresToken } from "../../platform/api/schemas.js";
import { fieldProblemsOf, validationFailed } from "../../platform/api/validation.js";
import { authorize } from "../../platform/policy.js";
import { eventTarget, type LoadedEvent, loadEvent } from "./load.js";
import { outputsJson, storedLinks } from "./outputs-inputs.js";
import { eventUrl, saveOutputs } from "./outputs-service.js";
import "./policy.js";

export const eventIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "id", in: "path" }, description: "The event's id." }),
});

const LinkSchema = z
  .object({
    label: z.string().openapi({ example: "Survey results" }),
    url: z.string().openapi({ example: "https://example.org/survey" }),
  })
  .openapi("EventOutputLink");

const OutputsSchema = z
  .object({
    eventId: z.string(),
    notes: z.string().openapi({ description: "Markdown, as typed." }),
    recordingUrl: z.string().openapi({ description: "An https address, or empty." }),
    recordingExpected: z
      .boolean()
      .openapi({ description: "A recording is promised and its link not yet added (“coming soon”)." }),
    slidesUrl: z.string(),
    links: z.array(LinkSchema),
    topics: z.array(z.string()),
    outputsUpdatedAt: z.string().nullable().openapi({ format: "date-time" }),
    url: z.string().openapi({ example: "/events/0193…#outputs" }),
  })
  .openapi("EventOutputs");

const OutputsInputSchema = z
  .object({
    notes: z.string().max(50_000).optional().openapi({ description: "Markdown, up to 50,000 characters." }),
    recordingUrl: z.string().max(2000).optional().openapi({ description: "https only; empty for none." }),
    recordingExpected: z.boolean().optional(),
    slidesUrl: z.string().max(2000).optional().openapi({ description: "https only; empty for none." }),
    links: z.array(LinkSchema).max(20).optional().openapi({ description: "Up to 20; https only." }),
    topics: z.array(z.string()).max(15).optional().openapi({ description: "Up to 15 topics." }),
  })
  .openapi("EventOutputsInput");

export const presentOutputs = ({ event }: LoadedEvent) => ({
  eventId: event.id,
  notes: event.notes,
  recordingUrl: event.recordingUrl,
  recordingExpected: event.recordingExpected,
  slidesUrl: event.slidesUrl,
  links: storedLinks(event.links),
  topics: event.topics,
  outputsUpdatedAt: iso(event.outputsUpdatedAt),
  url: `${eventUrl(event.id)}#outputs`,
});

const tags = ["Events"];

const getOutputs = createRoute({
  method: "get",
  path: "/events/{id}/outputs",
  tags,
  summary: "An event's outputs",
  description: "Notes, recording, slides, further links and topics. For anyone who can see the event.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: eventIdParam },
  responses: {
    200: jsonResponse(OutputsSchema, "The event's outputs."),
    ...problems(401, 403, 404),
  },
});

const putOutputs = createRoute({
  method: "put",
  path: "/events/{id}/outputs",
  tags,
  summary: "Save an event's outputs",
  description:
    "Replaces all outputs (fields left out are emptied). For the event's organisers and the programme team. Links must be https. People going are told, once per kind, when notes, a recording or slides first appear after the event has started.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: {
    params: eventIdParam,
    body: { required: true, content: { "application/json": { schema: OutputsInputSchema } } },
  },
  responses: {
    200: jsonResponse(OutputsSchema, "The outputs as saved."),
    ...problems(400, 401, 403, 404, 415, 422),
  },
});

/** Outputs after an event. */
export function outputApi() {
  const api = apiRouter();

  api.openapi(getOutputs, async (c) => {
    const actor = requireApiPerson(c);
    const loaded = await loadEvent(c.get("db"), c.req.valid("param").id);
    authorize(actor, "event.view", eventTarget(loaded));
    return c.json(presentOutputs(loaded), 200);
  });

  api.openapi(putOutputs, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const loaded = await loadEvent(db, c.req.valid("param").id);
    authorize(actor, "event.manage", eventTarget(loaded));
    const parsed = outputsJson.safeParse(c.req.valid("json"));
    if (!parsed.success) throw validationFailed(fieldProblemsOf(parsed.error, "json"));
    await saveOutputs(db, actor, loaded, parsed.data);
    return c.json(presentOutputs(await loadEvent(db, loaded.event.id)), 200);
  });

  return api;
}
