import { html } from "hono/html";
import { assetUrl } from "./assets.js";

/**
 * The answer to an upload over the size limit, sent before the session is read: a plain page in
 * the app's style that says what happened and leads back to the upload form.
 */
export function fileTooLargePage(resourceId: string, orgName: string) {
  const back = `/resources/${encodeURIComponent(resourceId)}/attachments/new`;
  return html`<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>That file is too large – ${orgName} – Convene</title>
    <link rel="stylesheet" href="${assetUrl("app.css")}" />
  </head>
  <body>
    <main id="main"><div class="container error-page">
      <h1>That file is too large</h1>
      <p class="lead">Files can be at most 10 MB, so it was not attached.</p>
      <p><a class="button" href="${back}">Choose another file</a></p>
    </div></main>
  </body>
</html>`;
}
