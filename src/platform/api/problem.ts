import type { Context } from "hono";
import { AppError } from "../errors.js";

/** RFC 9457 problem details for API errors; `errors` lists field problems on 422. */
export function problemResponse(c: Context, error: unknown, requestId: string): Response {
  const known = error instanceof AppError ? error : null;
  const status = known?.status ?? 500;
  const body: Record<string, unknown> = {
    type: `about:blank`,
    title: known ? known.code.replace(/_/g, " ") : "internal error",
    status,
    detail: known
      ? known.userMessage
      : `Something went wrong on our side. Quote ${requestId} if you report it.`,
    instance: c.req.path,
    requestId,
  };
  if (known?.detail?.errors) body.errors = known.detail.errors;
  return c.body(JSON.stringify(body), status, { "Content-Type": "application/problem+json" });
}
