import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { AppError } from "../errors.js";

export interface FieldProblem {
  field: string;
  message: string;
}

const titles: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

/**
 * RFC 9457 problem details for every API error. `type` stays `about:blank` (so `title` is the
 * status phrase) and the stable machine-readable reason travels in the `code` extension.
 * 422 answers always carry `errors: [{ field, message }]` (empty for a rule that is not about one field).
 */
export function problemResponse(c: Context, error: unknown, requestId: string): Response {
  const known = error instanceof AppError ? error : null;
  // Hono's own client errors (malformed JSON, wrong media type) keep their status; anything else is ours.
  const http = !known && error instanceof HTTPException && error.status < 500 ? error : null;
  const status = known?.status ?? http?.status ?? 500;
  const code =
    known?.code ?? (http ? (status === 415 ? "unsupported_media_type" : "bad_request") : "internal");
  const detail = known
    ? known.userMessage
    : http
      ? http.message || titles[status] || "The request could not be read."
      : `Something went wrong on our side. Quote ${requestId} if you report it.`;
  const body: Record<string, unknown> = {
    type: "about:blank",
    title: titles[status] ?? "Error",
    status,
    detail,
    code,
    instance: c.req.path,
    requestId,
  };
  if (status === 422) body.errors = fieldProblems(known);
  const headers: Record<string, string> = { "Content-Type": "application/problem+json" };
  if (status === 401) {
    // RFC 6750: say which scheme we accept, and whether the presented token was the problem.
    headers["WWW-Authenticate"] =
      code === "invalid_token" ? 'Bearer realm="Convene", error="invalid_token"' : 'Bearer realm="Convene"';
  }
  const retryAfter = known?.detail?.retryAfter;
  if (status === 429 && typeof retryAfter === "number") headers["Retry-After"] = String(retryAfter);
  return c.body(JSON.stringify(body), status as 400, headers);
}

function fieldProblems(error: AppError | null): FieldProblem[] {
  const listed = error?.detail?.errors;
  if (Array.isArray(listed)) return listed as FieldProblem[];
  const field = error?.detail?.field;
  if (error && typeof field === "string") return [{ field, message: error.userMessage }];
  return [];
}
