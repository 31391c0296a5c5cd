import { z } from "@hono/zod-openapi";
import type { CharterVersionWithAuthor } from "./queries.js";
import { decisionProcesses } from "./tables.js";

export const CharterSchema = z
  .object({
    version: z.number().int().openapi({ example: 3 }),
    mission: z.string().openapi({ description: "Markdown." }),
    membershipCriteria: z.string().openapi({ description: "Markdown." }),
    codeOfConduct: z.string().openapi({ description: "Markdown." }),
    tools: z.string().openapi({ description: "Markdown." }),
    meetingRhythm: z.string().openapi({ example: "Monthly, on the first Tuesday" }),
    decisionProcess: z.enum(decisionProcesses),
    decisionNotes: z.string().openapi({ description: "Markdown." }),
    summary: z.string().openapi({ description: "The author's note on what they changed." }),
    author: z
      .object({ handle: z.string(), name: z.string() })
      .nullable()
      .openapi({ description: "Null when the author's account has been removed." }),
    createdAt: z.string().openapi({ format: "date-time", example: "2025-03-14T09:30:00.000Z" }),
  })
  .openapi("CharterVersion");

export function presentCharter(version: CharterVersionWithAuthor): z.infer<typeof CharterSchema> {
  return {
    version: version.version,
    mission: version.mission,
    membershipCriteria: version.membershipCriteria,
    codeOfConduct: version.codeOfConduct,
    tools: version.tools,
    meetingRhythm: version.meetingRhythm,
    decisionProcess: version.decisionProcess,
    decisionNotes: version.decisionNotes,
    summary: version.summary,
    author:
      version.authorHandle && version.authorName
        ? { handle: version.authorHandle, name: version.authorName }
        : null,
    createdAt: version.createdAt.toISOString(),
  };
}
