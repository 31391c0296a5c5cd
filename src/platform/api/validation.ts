import type { Hook } from "@hono/zod-openapi";
import type { z } from "zod";
import { AppError } from "../errors.js";
import type { FieldProblem } from "./problem.js";

/** Zod issues as `{ field, message }`; nested paths are dotted ("practiceAreas.0"). */
export function fieldProblemsOf(error: z.ZodError, target: string): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join(".") : target,
    message: issue.message,
  }));
}

export const validationFailed = (errors: FieldProblem[]) =>
  new AppError(422, "validation_failed", "Some of what you sent is not valid: see `errors`.", { errors });

/**
 * The default hook of every API router: a failed query, path or body check becomes a 422 problem
 * (thrown, so it is answered by the same problemResponse as every other API error).
 */
export const validationHook: Hook<unknown, never, string, undefined> = (result) => {
  if (!result.success) throw validationFailed(fieldProblemsOf(result.error, result.target));
  return undefined;
};
