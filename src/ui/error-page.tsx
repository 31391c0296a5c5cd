import type { Context } from "hono";
import type { AppEnv } from "../platform/http/context.js";
import { renderPage } from "./render.js";

const titles: Record<number, string> = {
  400: "That request did not make sense",
  401: "Sign in to continue",
  403: "You cannot do that",
  404: "Page not found",
  409: "Something changed",
  422: "That could not be done",
  429: "Too many attempts",
  500: "Something went wrong on our side",
};

/** One friendly page for every error, saying what happened and what to do next. */
export function renderErrorPage(c: Context<AppEnv>, status: keyof typeof titles, message: string) {
  const title = titles[status] ?? "Something went wrong";
  return renderPage(c, { title, status: status as 404 }, (ctx) => (
    <div class="error-page">
      <h1>{title}</h1>
      <p class="lead">{message}</p>
      {status === 401 && (
        <p>
          <a class="button" href={`/sign-in?next=${encodeURIComponent(ctx.path)}`}>
            Sign in
          </a>
        </p>
      )}
      {status === 500 && (
        <p class="muted">
          If this keeps happening, tell the people who run {ctx.orgName}'s Convene and quote reference{" "}
          <code>{ctx.requestId}</code>.
        </p>
      )}
      <p>
        <a href="/">Go to the home page</a> or <a href="/communities">browse communities</a>.
      </p>
    </div>
  ));
}
