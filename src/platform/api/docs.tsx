import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Hono } from "hono";
import { notFound } from "../errors.js";
import type { AppEnv } from "../http/context.js";

const require = createRequire(import.meta.url);

/**
 * Starts Swagger UI (a file, not an inline script: the CSP allows scripts from our origin only).
 * Changing calls made with the session cookie carry the page's CSRF token, as the API requires.
 */
const initScript = `(function () {
  var root = document.getElementById("swagger-ui");
  var csrf = document.querySelector('meta[name="csrf-token"]');
  window.ui = SwaggerUIBundle({
    url: root.getAttribute("data-spec-url"),
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    persistAuthorization: false,
    requestInterceptor: function (request) {
      if (csrf && !/^(GET|HEAD|OPTIONS)$/i.test(request.method || "GET")) {
        request.headers["X-CSRF-Token"] = csrf.getAttribute("content");
      }
      return request;
    },
  });
})();
`;

const pageStyle = `
body { margin: 0; font-family: system-ui, sans-serif; color: #1b1b1b; background: #fff; }
.docs-header, .docs-intro { max-width: 1460px; margin: 0 auto; padding: 0 20px; box-sizing: border-box; }
.docs-header { padding-top: 1rem; }
.docs-intro h1 { font-size: 1.8rem; margin: 0.5rem 0; }
.docs-intro p { max-width: 70ch; line-height: 1.5; }
a { color: #1d4ed8; }
`;

interface DocsAsset {
  body: Buffer;
  type: string;
  url: string;
}

const sources: Record<string, () => Buffer> = {
  "swagger-ui-bundle.js": () => readFileSync(require.resolve("swagger-ui-dist/swagger-ui-bundle.js")),
  "swagger-ui.css": () => readFileSync(require.resolve("swagger-ui-dist/swagger-ui.css")),
  "init.js": () => Buffer.from(initScript),
};

// Read on first use (the bundle is 1.5 MB; most processes never serve the docs), then kept.
let assets: Map<string, DocsAsset> | null = null;
function docsAssets(): Map<string, DocsAsset> {
  if (assets) return assets;
  const loaded = new Map<string, DocsAsset>();
  for (const [name, read] of Object.entries(sources)) {
    const body = read();
    const hash = createHash("sha256").update(body).digest("hex").slice(0, 12);
    const dot = name.lastIndexOf(".");
    const hashed = `${name.slice(0, dot)}.${hash}${name.slice(dot)}`;
    const type = name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
    loaded.set(hashed, { body, type, url: `/api/docs/assets/${hashed}` });
    loaded.set(name, { body, type, url: `/api/docs/assets/${hashed}` });
  }
  assets = loaded;
  return loaded;
}

const urlOf = (name: string) => docsAssets().get(name)?.url ?? "";

function DocsPage({ orgName, csrfToken, specUrl }: { orgName: string; csrfToken: string; specUrl: string }) {
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="csrf-token" content={csrfToken} />
        <title>{`API reference – ${orgName === "Convene" ? "Convene" : `${orgName} – Convene`}`}</title>
        <link rel="stylesheet" href={urlOf("swagger-ui.css")} />
        <style>{pageStyle}</style>
        <script src={urlOf("swagger-ui-bundle.js")} defer />
        <script src={urlOf("init.js")} defer />
      </head>
      <body>
        <header class="docs-header">
          <a href="/">Back to {orgName}</a>
        </header>
        <main>
          <div class="docs-intro">
            <h1>API reference</h1>
            <p>
              Programs use the API with a personal API token, which acts with your permissions. Create one on{" "}
              <a href="/me/tokens">your API tokens page</a>, then press “Authorize” below and paste it. While
              you are signed in, “Try it out” also works with your session.
            </p>
          </div>
          <div id="swagger-ui" data-spec-url={specUrl} />
        </main>
      </body>
    </html>
  );
}

/** The browsable reference at /api/docs, with Swagger UI's files served by us under /api/docs/assets. */
export function apiDocs(options: { specUrl: string }) {
  const app = new Hono<AppEnv>();
  app.get("/", (c) => {
    const html = (
      <DocsPage orgName={c.get("config").orgName} csrfToken={c.get("csrfToken")} specUrl={options.specUrl} />
    );
    return c.html(`<!doctype html>${html}`, 200, { "Cache-Control": "private, no-cache" });
  });
  app.get("/assets/:name", (c) => {
    const name = c.req.param("name");
    const asset = docsAssets().get(name);
    // Only fingerprinted names are served, so a year-long cache can never serve a stale file.
    if (!asset?.url.endsWith(`/${name}`)) throw notFound("file");
    return c.body(new Uint8Array(asset.body), 200, {
      "Content-Type": asset.type,
      "Cache-Control": "public, max-age=31536000, immutable",
    });
  });
  return app;
}
