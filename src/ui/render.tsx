import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { AppEnv } from "../platform/http/context.js";
import { type Crumb, Layout } from "./layout.js";
import { type PageContext, pageContext } from "./page-context.js";

export interface PageOptions {
  title: string;
  breadcrumbs?: Crumb[];
  status?: 200 | 201 | 401 | 403 | 404 | 409 | 422 | 429 | 500 | 502;
}

/** Renders a full page in the layout. `body` gets the page context for forms and permissions. */
export function renderPage(c: Context<AppEnv>, options: PageOptions, body: (ctx: PageContext) => Child) {
  const ctx = pageContext(c);
  const html = (
    <Layout
      ctx={ctx}
      title={options.status === 422 ? `Error: ${options.title}` : options.title}
      breadcrumbs={options.breadcrumbs}
    >
      {body(ctx)}
    </Layout>
  );
  return c.html(`<!doctype html>${html}`, options.status ?? 200);
}
