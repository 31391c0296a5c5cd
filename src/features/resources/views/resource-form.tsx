import { raw } from "hono/html";
import type { FieldErrors, FormValues } from "../../../platform/http/form.js";
import {
  Button,
  CsrfField,
  ErrorSummary,
  RadioGroup,
  TextArea,
  TextField,
} from "../../../ui/components/form.js";
import type { PageContext } from "../../../ui/page-context.js";
import { kindHints, kindLabels, resourceLabels } from "../inputs.js";
import { resourceKinds } from "../tables.js";

/** The rendered preview of the text; `html` is already sanitised by renderMarkdown. */
export function ResourcePreview({ html }: { html: string | null }) {
  return (
    <div id="resource-preview" class="resource-preview" aria-live="polite">
      {html !== null && (
        <>
          <h2 class="resource-preview-heading">Preview</h2>
          <div class="prose">{html ? raw(html) : <p class="muted">Nothing to preview yet.</p>}</div>
        </>
      )}
    </div>
  );
}

/**
 * Write (mode "new") or edit a resource. Editing carries the revision it started from, so a save
 * over someone else's is caught, and asks what changed.
 */
export function ResourceForm({
  ctx,
  action,
  values,
  errors,
  preview,
  mode,
  revision,
  cancelHref,
}: {
  ctx: PageContext;
  action: string;
  values?: FormValues;
  errors?: FieldErrors;
  preview: string | null;
  mode: "new" | "edit";
  revision?: number;
  cancelHref: string;
}) {
  return (
    <form method="post" action={action} class="form resource-form" novalidate>
      <CsrfField token={ctx.csrfToken} />
      {revision !== undefined && <input type="hidden" name="revision" value={String(revision)} />}
      <ErrorSummary errors={errors} labels={resourceLabels} />
      <RadioGroup
        name="kind"
        label="What kind of resource is it?"
        options={resourceKinds.map((kind) => ({
          value: kind,
          label: kindLabels[kind],
          hint: kindHints[kind],
        }))}
        values={values}
        value={values?.kind ? undefined : "tip_sheet"}
        errors={errors}
      />
      <TextField
        name="title"
        label="Title"
        hint="3 to 150 characters. Say what it helps with, for example: “Closing the month in five days”."
        maxLength={150}
        values={values}
        errors={errors}
      />
      <TextArea
        name="summary"
        label="Summary (optional)"
        hint="One or two sentences shown in lists and search results."
        rows={2}
        maxLength={500}
        values={values}
        errors={errors}
      />
      <TextArea
        name="body"
        label="Text"
        hint="Markdown works: **bold**, _italic_, lists, links, headings with ##. Leave it empty for a link."
        rows={14}
        maxLength={50000}
        values={values}
        errors={errors}
      />
      <TextField
        name="externalUrl"
        label="Link (optional)"
        type="url"
        hint="For a link: the full address, starting with https://"
        maxLength={2000}
        values={values}
        errors={errors}
      />
      <TextField
        name="tags"
        label="Tags (optional)"
        hint="Up to 10, separated by commas, for example: month end, checklists"
        values={values}
        errors={errors}
      />
      <TextField
        name="reviewBy"
        label="Review by (optional)"
        type="date"
        hint={
          mode === "new"
            ? "When someone should check it is still right. Left empty, it is a year after publishing."
            : "Leave it as it is, or choose a new date."
        }
        values={values}
        errors={errors}
      />
      <TextField
        name="note"
        label={mode === "new" ? "Note for the history (optional)" : "What changed?"}
        hint={
          mode === "new"
            ? "For example: “First version, from our March workshop”."
            : "A short note for the history, for example: “Added the March deadlines”."
        }
        maxLength={200}
        values={values}
        errors={errors}
      />
      <ResourcePreview html={preview} />
      <div class="form-actions">
        {mode === "new" ? (
          <>
            <Button name="intent" value="publish">
              Publish
            </Button>
            <Button variant="secondary" name="intent" value="draft">
              Save as draft
            </Button>
          </>
        ) : (
          <Button>Save changes</Button>
        )}
        <button
          type="submit"
          class="button button-secondary"
          name="action"
          value="preview"
          hx-post="/resources/preview"
          hx-target="#resource-preview"
          hx-swap="outerHTML"
        >
          Preview
        </button>
        <a href={cancelHref}>Cancel</a>
      </div>
    </form>
  );
}
