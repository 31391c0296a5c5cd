import { createRoute, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { requireApiPerson, signedInFirst } from "../../platform/api/actor.js";
import { apiRouter } from "../../platform/api/router.js";
import {
  iso,
  jsonResponse,
  pageOf,
  problems,
  rateLimitHeaders,
  requiresToken,
} from "../../platform/api/schemas.js";
import { validationFailed } from "../../platform/api/validation.js";
import { AppError } from "../../platform/errors.js";
import { authorize } from "../../platform/policy.js";
import { contentDisposition } from "./attachments-pages.js";
import {
  ATTACHMENT_MAX_BYTES,
  type AttachmentRow,
  addAttachment,
  allowedTypes,
  attachmentPath,
  formatBytes,
  listAttachments,
  readAttachment,
  removeAttachment,
} from "./attachments-service.js";
import { loadResource, resourceTarget } from "./load.js";

const tags = ["Resources"];

const resourceParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "id", in: "path" }, description: "The resource's id." }),
});
const attachmentParams = resourceParam.extend({
  attachmentId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "attachmentId", in: "path" }, description: "The file's id." }),
});

const AttachmentSchema = z
  .object({
    id: z.string(),
    resourceId: z.string(),
    filename: z.string().openapi({ example: "handover-checklist.pdf" }),
    contentType: z.string().openapi({ example: "application/pdf" }),
    byteSize: z.number().int(),
    sha256: z.string().openapi({ description: "Hex SHA-256 of the bytes." }),
    uploadedById: z.string().nullable(),
    createdAt: z.string().openapi({ format: "date-time" }),
    downloadUrl: z.string().openapi({
      description:
        "The page address that serves the bytes to a signed-in browser (`Content-Disposition: attachment`). API clients use `/api/v1/resources/{id}/attachments/{attachmentId}/content`.",
      example: "/resources/0193.../attachments/0193.../handover-checklist.pdf",
    }),
  })
  .openapi("Attachment");

const present = (row: AttachmentRow) => ({
  id: row.id,
  resourceId: row.resourceId,
  filename: row.filename,
  contentType: row.contentType,
  byteSize: row.byteSize,
  sha256: row.sha256,
  uploadedById: row.uploadedById,
  createdAt: iso(row.createdAt)!,
  downloadUrl: attachmentPath(row),
});

const UploadBody = z
  .object({
    file: z.any().openapi({
      type: "string",
      format: "binary",
      description: "The file, with its name and content type.",
    }),
  })
  .openapi("AttachmentUpload");

const allowedList = Object.keys(allowedTypes).join(", ");

const listRoute = createRoute({
  method: "get",
  path: "/resources/{id}/attachments",
  tags,
  summary: "A resource's files",
  description: "Oldest first; removed files are left out. For anyone who can read the resource.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: resourceParam },
  responses: {
    200: jsonResponse(
      pageOf(AttachmentSchema, "AttachmentPage"),
      "The files (one page: a resource has at most 20).",
    ),
    ...problems(401, 403, 404),
  },
});

const uploadRoute = createRoute({
  method: "post",
  path: "/resources/{id}/attachments",
  tags,
  summary: "Attach a file to a resource",
  description: `Send \`multipart/form-data\` with the file in \`file\`. For people who may edit the resource. At most ${ATTACHMENT_MAX_BYTES} bytes; allowed types: ${allowedList}. The declared type must match the file's contents (422 otherwise).`,
  security: requiresToken,
  middleware: [
    signedInFirst,
    // Stop reading a body far over the limit rather than holding it all in memory first.
    bodyLimit({
      maxSize: ATTACHMENT_MAX_BYTES + 64 * 1024,
      onError: () => {
        throw validationFailed([
          { field: "file", message: `Files can be at most ${formatBytes(ATTACHMENT_MAX_BYTES)}.` },
        ]);
      },
    }),
  ],
  request: {
    params: resourceParam,
    body: { required: true, content: { "multipart/form-data": { schema: UploadBody } } },
  },
  responses: {
    201: jsonResponse(AttachmentSchema, "The file is attached."),
    ...problems(400, 401, 403, 404, 415, 422),
  },
});

const contentRoute = createRoute({
  method: "get",
  path: "/resources/{id}/attachments/{attachmentId}/content",
  tags,
  summary: "Download a file",
  description:
    "The bytes, with the stored content type and `Content-Disposition: attachment`. For anyone who can read the resource; removed files are 404.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: attachmentParams },
  responses: {
    200: {
      description: "The file.",
      headers: rateLimitHeaders,
      content: {
        "application/octet-stream": { schema: z.any().openapi({ type: "string", format: "binary" }) },
      },
    },
    ...problems(401, 403, 404),
  },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/resources/{id}/attachments/{attachmentId}",
  tags,
  summary: "Remove a file",
  description: "The file is marked removed and its bytes deleted. For people who may edit the resource.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: attachmentParams },
  responses: {
    204: { description: "The file is removed.", headers: rateLimitHeaders },
    ...problems(401, 403, 404),
  },
});

/** Attachments of resources. */
export function attachmentApi() {
  const api = apiRouter();

  api.openapi(listRoute, async (c) => {
    const db = c.get("db");
    const loaded = await loadResource(db, c.req.valid("param").id);
    authorize(c.get("actor"), "resource.view", resourceTarget(loaded));
    const rows = await listAttachments(db, loaded.resource.id);
    return c.json({ data: rows.map(present), nextCursor: null }, 200);
  });

  api.openapi(uploadRoute, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const loaded = await loadResource(db, c.req.valid("param").id);
    authorize(actor, "resource.edit", resourceTarget(loaded));
    const file = c.req.valid("form").file;
    if (!(file instanceof File))
      throw validationFailed([
        { field: "file", message: "Send the file in a multipart field named `file`." },
      ]);
    try {
      const row = await addAttachment(db, actor, loaded, {
        filename: file.name,
        declaredType: file.type,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      return c.json(present(row), 201);
    } catch (error) {
      if (error instanceof AppError && error.status === 422)
        throw validationFailed([{ field: "file", message: error.userMessage }]);
      throw error;
    }
  });

  api.openapi(contentRoute, async (c) => {
    const db = c.get("db");
    const { id, attachmentId } = c.req.valid("param");
    const loaded = await loadResource(db, id);
    const { row, bytes } = await readAttachment(db, c.get("actor"), loaded, attachmentId);
    return c.body(new Uint8Array(bytes), 200, {
      "Content-Type": row.contentType,
      "Content-Disposition": contentDisposition(row.filename),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-cache",
    }) as never;
  });

  api.openapi(deleteRoute, async (c) => {
    const actor = requireApiPerson(c);
    const { id, attachmentId } = c.req.valid("param");
    const db = c.get("db");
    await removeAttachment(db, actor, await loadResource(db, id), attachmentId);
    return c.body(null, 204);
  });

  return api;
}
