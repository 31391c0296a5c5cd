import type { Context } from "hono";
import type { z } from "zod";

export type FormValues = Record<string, string | string[]>;

export type FieldErrors = Record<string, string>;

export type FormResult<T> =
  | { ok: true; data: T; values: FormValues }
  | { ok: false; errors: FieldErrors; values: FormValues };

/**
 * Reads a submitted form and checks it with a Zod schema. On failure it returns one message per
 * field and the raw values, so the page can show the form again with what the person typed.
 */
export async function parseForm<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<FormResult<z.output<S>>> {
  const body = await c.req.parseBody({ all: true });
  const values: FormValues = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === "_csrf") continue;
    if (Array.isArray(value)) values[key] = value.filter((v): v is string => typeof v === "string");
    else if (typeof value === "string") values[key] = value;
  }
  return validateValues(schema, values);
}

export function validateValues<S extends z.ZodType>(schema: S, values: FormValues): FormResult<z.output<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data, values };
  return { ok: false, errors: fieldErrors(result.error), values };
}

export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}

export const fieldValue = (values: FormValues | undefined, field: string): string => {
  const value = values?.[field];
  return Array.isArray(value) ? value.join(", ") : (value ?? "");
};
