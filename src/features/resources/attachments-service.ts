import { createHash } from "node:crypto";
import { and, asc, count, eq, isNull } from "drizzle-orm";
import { recordActivity } from "../../platform/activity.js";
import type { Db } from "../../platform/db/client.js";
import { AppError, notFound } from "../../platform/errors.js";
import { type Actor, authorize, type PersonActor } from "../../platform/policy.js";
import { getStorage, newStorageKey, type Storage } from "../../platform/storage/storage.js";
import { type LoadedResource, resourceTarget } from "./load.js";
import { resourceAttachments } from "./tables.js";
import "./policy.js";

/** The largest file accepted. The lead may expose it as `CONVENE_UPLOAD_MAX_BYTES`. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** Enough for a toolkit's templates and handouts; more belongs in several resources. */
export const ATTACHMENTS_PER_RESOURCE = 20;

type Sniff = (bytes: Uint8Array) => boolean;

const startsWith =
  (...signature: number[]): Sniff =>
  (bytes) =>
    signature.every((byte, index) => bytes[index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));
const zip = startsWith(0x50, 0x4b, 0x03, 0x04);
/** OpenDocument files are zips whose first entry is `mimetype`, holding the type itself. */
const openDocument =
  (type: string): Sniff =>
  (bytes) =>
    zip(bytes) && Buffer.from(bytes.subarray(30, 38 + type.length)).toString("latin1") === `mimetype${type}`;
/** Text: valid UTF-8 without NUL bytes (executables and other binaries have plenty). */
const text: Sniff = (bytes) => {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

interface AllowedType {
  label: string;
  extensions: string[];
  sniff: Sniff;
}

const ooxml = "application/vnd.openxmlformats-officedocument";
const odf = "application/vnd.oasis.opendocument";

/** What may be attached, by content type: declared by the browser AND confirmed from the bytes. */
export const allowedTypes: Record<string, AllowedType> = {
  "application/pdf": { label: "PDF", extensions: ["pdf"], sniff: startsWith(...ascii("%PDF-")) },
  [`${ooxml}.wordprocessingml.document`]: { label: "Word document", extensions: ["docx"], sniff: zip },
  [`${ooxml}.spreadsheetml.sheet`]: { label: "Excel spreadsheet", extensions: ["xlsx"], sniff: zip },
  [`${ooxml}.presentationml.presentation`]: {
    label: "PowerPoint presentation",
    extensions: ["pptx"],
    sniff: zip,
  },
  [`${odf}.text`]: { label: "OpenDocument text", extensions: ["odt"], sniff: openDocument(`${odf}.text`) },
  [`${odf}.spreadsheet`]: {
    label: "OpenDocument spreadsheet",
    extensions: ["ods"],
    sniff: openDocument(`${odf}.spreadsheet`),
  },
  [`${odf}.presentation`]: {
    label: "OpenDocument presentation",
    extensions: ["odp"],
    sniff: openDocument(`${odf}.presentation`),
  },
  "text/csv": { label: "CSV", extensions: ["csv"], sniff: text },
  "text/plain": { label: "Text", extensions: ["txt"], sniff: text },
  "text/markdown": { label: "Markdown", extensions: ["md", "markdown"], sniff: text },
  "image/png": {
    label: "PNG image",
    extensions: ["png"],
    sniff: startsWith(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
  },
  "image/jpeg": { label: "JPEG image", extensions: ["jpg", "jpeg"], sniff: startsWith(0xff, 0xd8, 0xff) },
  "image/gif": {
    label: "GIF image",
    extensions: ["gif"],
    sniff: (bytes) => startsWith(...ascii("GIF87a"))(bytes) || startsWith(...ascii("GIF89a"))(bytes),
  },
  "image/webp": {
    label: "WebP image",
    extensions: ["webp"],
    sniff: (bytes) => startsWith(...ascii("RIFF"))(bytes) && startsWith(...ascii("WEBP"))(bytes.subarray(8)),
  },
};

/** For the file input's `accept` and the hint beside it. */
export const acceptAttribute = Object.entries(allowedTypes)
  .flatMap(([type, allowed]) => [type, ...allowed.extensions.map((ext) => `.${ext}`)])
  .join(",");
export const allowedSummary =
  "PDF, Word, Excel, PowerPoint, OpenDocument, CSV, plain text, Markdown, or a PNG, JPEG, GIF or WebP image";

export const typeLabel = (contentType: string) => allowedTypes[contentType]?.label ?? contentType;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
}

// Browsers send these for allowed files on some systems (Windows calls .csv an Excel file).
const aliases: Record<string, string> = {
  "application/vnd.ms-excel": "text/csv",
  "text/x-markdown": "text/markdown",
  "text/x-csv": "text/csv",
  "application/csv": "text/csv",
  "image/jpg": "image/jpeg",
  "image/pjpeg": "image/jpeg",
};
const vague = new Set(["", "application/octet-stream", "binary/octet-stream"]);

const extensionOf = (filename: string) => /\.([A-Za-z0-9]{1,10})$/.exec(filename)?.[1]?.toLowerCase() ?? "";

/**
 * A name safe to store and to send back: the last path segment, no control or reserved characters,
 * at most 120 characters, ending in an extension of its actual type.
 */
export function sanitiseFilename(raw: string, contentType: string): string {
  const allowed = allowedTypes[contentType];
  let name = (raw.split(/[/\\]/).pop() ?? "")
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}<>:"|?*]/gu, "")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  const extension = extensionOf(name);
  if (!allowed?.extensions.includes(extension)) {
    name = `${name.replace(/\.[A-Za-z0-9]{1,10}$/, "") || "file"}.${allowed?.extensions[0] ?? "bin"}`;
  }
  if (name.length > 120) {
    const ext = extensionOf(name);
    name = `${name.slice(0, 119 - ext.length).trimEnd()}.${ext}`;
  }
  return name.startsWith(".") ? `file${name}` : name;
}

export interface Upload {
  filename: string;
  declaredType: string;
  bytes: Uint8Array;
}

const refuse = (message: string) => new AppError(422, "attachment_refused", message, { field: "file" });

/** The content type an upload really is, or a refusal a person can act on. */
export function checkUpload(upload: Upload, maxBytes = ATTACHMENT_MAX_BYTES): string {
  if (upload.bytes.byteLength === 0) throw refuse("Choose a file to attach. The file you chose is empty.");
  if (upload.bytes.byteLength > maxBytes)
    throw refuse(
      `The file is ${formatBytes(upload.bytes.byteLength)}; files can be at most ${formatBytes(maxBytes)}.`,
    );
  const declared = upload.declaredType.split(";")[0]!.trim().toLowerCase();
  let type = aliases[declared] ?? declared;
  // A vague declared type: take the extension as the claim, which the bytes must then bear out.
  if (vague.has(type)) {
    const extension = extensionOf(upload.filename);
    type =
      Object.entries(allowedTypes).find(([, allowed]) => allowed.extensions.includes(extension))?.[0] ?? type;
  }
  const allowed = allowedTypes[type];
  if (!allowed) throw refuse(`This kind of file cannot be attached. Attach a ${allowedSummary}.`);
  if (!allowed.sniff(upload.bytes))
    throw refuse(
      `The file says it is a ${allowed.label} but its contents are not. Save it again as a ${allowed.label} and attach that.`,
    );
  return type;
}

export type AttachmentRow = typeof resourceAttachments.$inferSelect;

/** The resource's files, oldest first (removed ones left out). */
export function listAttachments(db: Db, resourceId: string): Promise<AttachmentRow[]> {
  return db
    .select()
    .from(resourceAttachments)
    .where(and(eq(resourceAttachments.resourceId, resourceId), isNull(resourceAttachments.removedAt)))
    .orderBy(asc(resourceAttachments.createdAt), asc(resourceAttachments.id));
}

export const attachmentPath = (row: { resourceId: string; id: string; filename: string }) =>
  `/resources/${row.resourceId}/attachments/${row.id}/${encodeURIComponent(row.filename)}`;

/** Checks, stores the bytes, then records the file; if recording fails the bytes are deleted again. */
export async function addAttachment(
  db: Db,
  actor: PersonActor,
  loaded: LoadedResource,
  upload: Upload,
  options: { now?: Date; storage?: Storage; maxBytes?: number } = {},
): Promise<AttachmentRow> {
  authorize(actor, "resource.edit", resourceTarget(loaded));
  const contentType = checkUpload(upload, options.maxBytes);
  const storage = options.storage ?? getStorage();
  const now = options.now ?? new Date();
  const { resource, community } = loaded;
  const [existing] = await db
    .select({ n: count() })
    .from(resourceAttachments)
    .where(and(eq(resourceAttachments.resourceId, resource.id), isNull(resourceAttachments.removedAt)));
  if ((existing?.n ?? 0) >= ATTACHMENTS_PER_RESOURCE)
    throw refuse(`A resource can have at most ${ATTACHMENTS_PER_RESOURCE} files. Remove one first.`);
  const key = newStorageKey();
  await storage.put(key, upload.bytes, contentType);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(resourceAttachments)
        .values({
          resourceId: resource.id,
          filename: sanitiseFilename(upload.filename, contentType),
          contentType,
          byteSize: upload.bytes.byteLength,
          sha256: createHash("sha256").update(upload.bytes).digest("hex"),
          storageKey: key,
          uploadedById: actor.id,
          createdAt: now,
        })
        .returning();
      await recordActivity(tx, {
        actorId: actor.id,
        verb: "resource.attachment_added",
        object: { type: "resource", id: resource.id },
        communityId: community?.id ?? null,
        data: { attachmentId: row!.id, filename: row!.filename, contentType, byteSize: row!.byteSize },
        at: now,
      });
      return row!;
    });
  } catch (error) {
    await storage.delete(key).catch(() => undefined);
    throw error;
  }
}

/** A current file of the resource, or a 404. */
export async function findAttachment(
  db: Db,
  resourceId: string,
  attachmentId: string,
): Promise<AttachmentRow> {
  const [row] = await db
    .select()
    .from(resourceAttachments)
    .where(
      and(
        eq(resourceAttachments.id, attachmentId),
        eq(resourceAttachments.resourceId, resourceId),
        isNull(resourceAttachments.removedAt),
      ),
    );
  if (!row) throw notFound("file");
  return row;
}

/** The file and its bytes, for someone who may read the resource. */
export async function readAttachment(
  db: Db,
  actor: Actor,
  loaded: LoadedResource,
  attachmentId: string,
  storage: Storage = getStorage(),
): Promise<{ row: AttachmentRow; bytes: Uint8Array }> {
  authorize(actor, "resource.view", resourceTarget(loaded));
  const row = await findAttachment(db, loaded.resource.id, attachmentId);
  const bytes = await storage.get(row.storageKey);
  if (!bytes) throw notFound("file");
  return { row, bytes };
}

/** Marks the file removed and deletes its bytes (after the record is committed). */
export async function removeAttachment(
  db: Db,
  actor: PersonActor,
  loaded: LoadedResource,
  attachmentId: string,
  options: { now?: Date; storage?: Storage } = {},
): Promise<AttachmentRow> {
  authorize(actor, "resource.edit", resourceTarget(loaded));
  const now = options.now ?? new Date();
  const removed = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(resourceAttachments)
      .set({ removedAt: now })
      .where(
        and(
          eq(resourceAttachments.id, attachmentId),
          eq(resourceAttachments.resourceId, loaded.resource.id),
          isNull(resourceAttachments.removedAt),
        ),
      )
      .returning();
    if (!row) throw notFound("file");
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "resource.attachment_removed",
      object: { type: "resource", id: loaded.resource.id },
      communityId: loaded.community?.id ?? null,
      data: { attachmentId: row.id, filename: row.filename },
      at: now,
    });
    return row;
  });
  await (options.storage ?? getStorage()).delete(removed.storageKey);
  return removed;
}
