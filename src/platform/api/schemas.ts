import { z } from "@hono/zod-openapi";
import { type Cursor, decodeCursor, type Page } from "../http/pagination.js";
import { validationFailed } from "./validation.js";

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: "about:blank" }),
    title: z.string().openapi({ example: "Forbidden" }),
    status: z.number().int().openapi({ example: 403 }),
    detail: z.string().openapi({ example: "Only administrators can change people's roles." }),
    code: z.string().openapi({ description: "A stable reason for programs to test.", example: "forbidden" }),
    instance: z.string().openapi({ example: "/api/v1/people/amara-okafor/site-role" }),
    requestId: z.string().openapi({ description: "Quote it when reporting a problem; it is in our logs." }),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: "On 422 only: each problem with what was sent, by field." }),
  })
  .openapi("Problem", { description: "RFC 9457 problem details." });

const problemText: Record<number, string> = {
  400: "The request could not be read (for example, malformed JSON).",
  401: "No valid credentials: send `Authorization: Bearer <token>`, or sign in.",
  403: "Not allowed; `detail` says why.",
  404: "No such thing.",
  415: "The body must be `application/json`.",
  422: "Something sent is not valid; `errors` lists each problem by field.",
  429: "Too many requests: wait `Retry-After` seconds.",
};

/** Problem responses for a route, e.g. `...problems(401, 403, 422)`; 429 is added to every route. */
export function problems(...statuses: (keyof typeof problemText)[]) {
  const entries = [...new Set([...statuses, 429])].map((status) => [
    status,
    {
      description: problemText[status] ?? "Error",
      content: { "application/problem+json": { schema: ProblemSchema } },
    },
  ]);
  return Object.fromEntries(entries) as Record<
    number,
    { description: string; content: { "application/problem+json": { schema: typeof ProblemSchema } } }
  >;
}

export const rateLimitHeaders = {
  RateLimit: {
    description:
      "`limit=300, remaining=N, reset=S`: requests left in this window and seconds until it resets.",
    schema: { type: "string" as const },
  },
  "RateLimit-Policy": {
    description: "`300;w=60`: the quota and its window in seconds.",
    schema: { type: "string" as const },
  },
};

/** A JSON success response with the rate-limit headers documented. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, headers: rateLimitHeaders, content: { "application/json": { schema } } };
}

export const paginationQuery = {
  cursor: z
    .string()
    .max(500)
    .optional()
    .openapi({ description: "`nextCursor` from the previous page; leave out for the first page." }),
  limit: z.coerce
    .number()
    .int()
    .min(1, "Ask for at least 1 item")
    .max(100, "Ask for at most 100 items")
    .default(20)
    .openapi({ description: "Items per page, 1 to 100." }),
};

/** Every collection answers `{ data, nextCursor }`; follow `nextCursor` until it is null. */
export function pageOf<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      data: z.array(item),
      nextCursor: z.string().nullable().openapi({ description: "Pass as `cursor` for the next page." }),
    })
    .openapi(name);
}

/** The cursor a client sent: absent is the first page; one we did not make is a 422, not a silent restart. */
export function readCursor(
  raw: string | undefined,
  isValidKey: (key: string | number) => boolean = () => true,
) {
  if (raw === undefined || raw === "") return null;
  const cursor: Cursor | null = decodeCursor(raw);
  if (!cursor || !isValidKey(cursor.key)) {
    throw validationFailed([
      { field: "cursor", message: "This cursor is not one we gave out (or belongs to another sort)." },
    ]);
  }
  return cursor;
}

export function toApiPage<T, U>(
  page: Page<T>,
  present: (item: T) => U,
): { data: U[]; nextCursor: string | null } {
  return { data: page.items.map(present), nextCursor: page.next };
}

export const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** OpenAPI security requirements for routes: a token is required, or optional (public reads). */
export const requiresToken = [{ bearerAuth: [] }];
export const tokenOptional: Record<string, string[]>[] = [{ bearerAuth: [] }, {}];
