import type { Context } from "hono";
import { Hono } from "hono";
import { AppError } from "../../platform/errors.js";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { setFlash } from "../../platform/http/flash.js";
import type { FieldErrors } from "../../platform/http/form.js";
import { redirectAfterPost } from "../../platform/http/htmx.js";
import { authorize } from "../../platform/policy.js";
import { ErrorSummary } from "../../ui/components/form.js";
import { renderPage } from "../../ui/render.js";
import { addAttachment, readAttachment, removeAttachment } from "./attachments-service.js";
import { type LoadedResource, loadResource, resourceTarget } from "./load.js";
import { UploadForm } from "./views/attachments-section.js";

export const resourcePath = (id: string) => `/resources/${id}`;

/** Where the resource sits: its community's resources, or the starter toolkit. */
export function resourceCrumbs(loaded: LoadedResource, page: string) {
  const { resource, community } = loaded;
  return [
    ...(community
      ? [
          { label: "Communities", href: "/communities" },
          { label: community.name, href: `/communities/${community.slug}` },
          { label: "Resources", href: `/communities/${community.slug}/resources` },
        ]
      : [{ label: "Starter toolkit", href: "/toolkit" }]),
    { label: resource.title, href: resourcePath(resource.id) },
    { label: page },
  ];
}

function renderUpload(c: Context<AppEnv>, loaded: LoadedResource, errors?: FieldErrors) {
  const { resource } = loaded;
  return renderPage(
    c,
    {
      title: `Attach a file – ${resource.title}`,
      breadcrumbs: resourceCrumbs(loaded, "Attach a file"),
      status: errors ? 422 : 200,
    },
    (ctx) => (
      <div class="form-page">
        <ErrorSummary errors={errors} />
        <h1>Attach a file</h1>
        <p class="lead">
          To <a href={resourcePath(resource.id)}>{resource.title}</a>. Everyone who can read the resource can
          download it.
        </p>
        <UploadForm csrfToken={ctx.csrfToken} resourceId={resource.id} errors={errors} standalone />
      </div>
    ),
  );
}

/** Uploading, downloading and removing attachments. */
export function attachmentPages() {
  const app = new Hono<AppEnv>();

  app.get("/resources/:id/attachments/new", async (c) => {
    const actor = requirePerson(c);
    const loaded = await loadResource(c.get("db"), c.req.param("id"));
    authorize(actor, "resource.edit", resourceTarget(loaded));
    return renderUpload(c, loaded);
  });

  app.post("/resources/:id/attachments", async (c) => {
    const actor = requirePerson(c);
    const db = c.get("db");
    const loaded = await loadResource(db, c.req.param("id"));
    authorize(actor, "resource.edit", resourceTarget(loaded));
    // The CSRF check has already read (and cached) the multipart body.
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || file.size === 0)
      return renderUpload(c, loaded, { file: "Choose a file to attach." });
    try {
      const row = await addAttachment(db, actor, loaded, {
        filename: file.name,
        declaredType: file.type,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      setFlash(c, `${row.filename} is attached.`);
      return redirectAfterPost(c, `${resourcePath(loaded.resource.id)}#attachments`);
    } catch (error) {
      if (error instanceof AppError && error.status === 422)
        return renderUpload(c, loaded, { file: error.userMessage });
      throw error;
    }
  });

  app.post("/resources/:id/attachments/:attachmentId/remove", async (c) => {
    const actor = requirePerson(c);
    const db = c.get("db");
    const loaded = await loadResource(db, c.req.param("id"));
    const row = await removeAttachment(db, actor, loaded, c.req.param("attachmentId"));
    setFlash(c, `${row.filename} was removed.`);
    return redirectAfterPost(c, `${resourcePath(loaded.resource.id)}#attachments`);
  });

  // The name at the end is for people's download folders; the id decides what is sent.
  app.get("/resources/:id/attachments/:attachmentId/:filename", async (c) => {
    const db = c.get("db");
    const loaded = await loadResource(db, c.req.param("id"));
    const { row, bytes } = await readAttachment(db, c.get("actor"), loaded, c.req.param("attachmentId"));
    return c.body(new Uint8Array(bytes), 200, {
      "Content-Type": row.contentType,
      "Content-Length": String(row.byteSize),
      "Content-Disposition": contentDisposition(row.filename),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-cache",
    });
  });

  return app;
}

/** `attachment` with an ASCII fallback name and the exact name in RFC 5987 form. */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%;]/g, "_");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
