import type { FieldErrors } from "../../../platform/http/form.js";
import { can } from "../../../platform/policy.js";
import { CsrfField, fieldId } from "../../../ui/components/form.js";
import {
  ATTACHMENT_MAX_BYTES,
  type AttachmentRow,
  acceptAttribute,
  allowedSummary,
  attachmentPath,
  formatBytes,
  listAttachments,
  typeLabel,
} from "../attachments-service.js";
import { resourceTarget } from "../load.js";
import type { SectionInput, SectionProps } from "./section.js";

// The resource's files: a list for readers; upload and remove for the people who may edit it.

export interface AttachmentsData {
  items: AttachmentRow[];
  canEdit: boolean;
}

export async function loadAttachments({ db, loaded, actor }: SectionInput): Promise<AttachmentsData> {
  return {
    items: await listAttachments(db, loaded.resource.id),
    canEdit: can(actor, "resource.edit", resourceTarget(loaded)),
  };
}

/** The upload form, on the resource page and (with its error) on the upload page. */
export function UploadForm({
  csrfToken,
  resourceId,
  errors,
  standalone = false,
}: {
  csrfToken: string;
  resourceId: string;
  errors?: FieldErrors;
  /** On its own page (under the heading "Attach a file"): the main action, with a way back. */
  standalone?: boolean;
}) {
  const error = errors?.file;
  const id = fieldId("file");
  return (
    <form
      class="attachment-upload"
      method="post"
      action={`/resources/${resourceId}/attachments`}
      enctype="multipart/form-data"
    >
      <CsrfField token={csrfToken} />
      <div class={error ? "field field-error" : "field"}>
        <label for={id}>{standalone ? "File" : "Attach a file"}</label>
        <span class="hint" id={`${id}-hint`}>
          A {allowedSummary}, up to {formatBytes(ATTACHMENT_MAX_BYTES)}.
        </span>
        {error && (
          <span class="error-message" id={`${id}-error`}>
            <span class="visually-hidden">Error: </span>
            {error}
          </span>
        )}
        <input
          type="file"
          id={id}
          name="file"
          accept={acceptAttribute}
          required
          aria-invalid={error ? "true" : undefined}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        />
      </div>
      <div class="form-actions">
        <button type="submit" class={standalone ? "button" : "button button-secondary"}>
          Upload file
        </button>
        {standalone && <a href={`/resources/${resourceId}`}>Cancel</a>}
      </div>
    </form>
  );
}

export function AttachmentsSection({ ctx, loaded, data }: SectionProps<AttachmentsData>) {
  const { items, canEdit } = data;
  if (items.length === 0 && !canEdit) return null;
  return (
    <section class="attachments" id="attachments" aria-labelledby="attachments-title">
      <h2 id="attachments-title">Files</h2>
      {items.length === 0 ? (
        <p class="empty-note">No files are attached yet. Add a template, handout or slides below.</p>
      ) : (
        <ul class="attachment-list">
          {items.map((item) => (
            <li class="attachment">
              <a href={attachmentPath(item)} download={item.filename}>
                {item.filename}
              </a>{" "}
              <span class="attachment-meta">
                {typeLabel(item.contentType)}, {formatBytes(item.byteSize)}
              </span>
              {canEdit && (
                <details class="attachment-remove">
                  <summary>
                    Remove<span class="visually-hidden"> {item.filename}</span>
                  </summary>
                  <form method="post" action={`/resources/${item.resourceId}/attachments/${item.id}/remove`}>
                    <CsrfField token={ctx.csrfToken} />
                    <p>The file will be deleted for everyone. Its name stays in the activity log.</p>
                    <button type="submit" class="button button-danger">
                      Remove {item.filename}
                    </button>
                  </form>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && <UploadForm csrfToken={ctx.csrfToken} resourceId={loaded.resource.id} />}
    </section>
  );
}
