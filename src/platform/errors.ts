/** An error a person can be shown: the status, a stable code, and words that say what happened. */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 422 | 429 | 500,
    readonly code: string,
    readonly userMessage: string,
    readonly detail?: Record<string, unknown>,
  ) {
    super(userMessage);
    this.name = "AppError";
  }
}

export const notFound = (what = "page") =>
  new AppError(404, "not_found", `We could not find that ${what}. It may have moved or been removed.`);

export const forbidden = (reason: string) => new AppError(403, "forbidden", reason);

export const conflict = (message: string) => new AppError(409, "conflict", message);

/** A rule a service enforces that a person can fix (e.g. "a community needs a convenor"). */
export const unprocessable = (message: string) => new AppError(422, "unprocessable", message);
