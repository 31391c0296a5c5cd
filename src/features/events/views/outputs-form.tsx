import { raw } from "hono/html";
import type { FieldErrors, FormValues } from "../../../platform/http/form.js";
import { fieldValue } from "../../../platform/http/form.js";
import {
  Button,
  CsrfField,
  ErrorSummary,
  fieldId,
  TextArea,
  TextField,
} from "../../../ui/components/form.js";
import type { PageContext } from "../../../ui/page-context.js";
import { MAX_TOPICS } from "../outputs-inputs.js";

export const outputLabels: Record<string, string> = {
  notes: "Notes",
  recordingUrl: "Recording link",
  recordingExpected: "A recording is coming",
  slidesUrl: "Slides link",
  links: "Further links",
  topics: "Topics discussed",
};

/** The organisers' form for notes, recording, slides, links and topics; "Preview notes" needs no script. */
export function OutputsForm({
  ctx,
  action,
  cancelHref,
  values,
  errors,
  preview,
}: {
  ctx: PageContext;
  action: string;
  cancelHref: string;
  values?: FormValues;
  errors?: FieldErrors;
  /** Sanitised HTML of the notes, when the organiser asked for a preview. */
  preview: string | null;
}) {
  const expected = fieldValue(values, "recordingExpected");
  return (
    <form method="post" action={action} class="form outputs-form" novalidate>
      <CsrfField token={ctx.csrfToken} />
      {/* Enter in a field submits the form's first button: make that Save, not Preview. */}
      <button type="submit" class="visually-hidden" tabindex={-1}>
        Save
      </button>
      <ErrorSummary errors={errors} labels={outputLabels} />
      <TextArea
        name="notes"
        label={outputLabels.notes!}
        hint="What was said and decided, in markdown: ## for headings, - for lists, [text](https://…) for links."
        rows={14}
        values={values}
        errors={errors}
      />
      <div class="form-actions outputs-preview-actions">
        <Button variant="secondary" name="action" value="preview">
          Preview notes
        </Button>
      </div>
      {preview !== null && (
        <section class="outputs-preview" aria-labelledby="outputs-preview-title">
          <h2 id="outputs-preview-title">Preview of the notes</h2>
          {preview ? (
            <div class="prose">{raw(preview)}</div>
          ) : (
            <p class="muted">There are no notes to preview yet.</p>
          )}
        </section>
      )}
      <TextField
        name="recordingUrl"
        type="url"
        label={outputLabels.recordingUrl!}
        hint="The address of the recording, starting with https://. Leave it empty until the recording is ready."
        values={values}
        errors={errors}
      />
      <div class={errors?.recordingExpected ? "field field-error" : "field"}>
        <div class="choice">
          <input
            type="checkbox"
            id={fieldId("recordingExpected")}
            name="recordingExpected"
            value="yes"
            checked={expected === "yes" || expected === "on"}
            aria-describedby={`${fieldId("recordingExpected")}-hint`}
          />
          <label for={fieldId("recordingExpected")}>
            {outputLabels.recordingExpected}
            <span class="hint" id={`${fieldId("recordingExpected")}-hint`}>
              The event page says “Recording coming soon” until you add the link.
            </span>
          </label>
        </div>
      </div>
      <TextField
        name="slidesUrl"
        type="url"
        label={outputLabels.slidesUrl!}
        hint="Starting with https://."
        values={values}
        errors={errors}
      />
      <TextArea
        name="links"
        label={outputLabels.links!}
        hint="One link a line: a label, a “|”, then the address. For example: Survey results | https://example.org/survey"
        rows={5}
        values={values}
        errors={errors}
      />
      <TextField
        name="topics"
        label={outputLabels.topics!}
        hint={`Separate topics with commas, up to ${MAX_TOPICS}. They help people find this event in the archive.`}
        values={values}
        errors={errors}
      />
      <div class="form-actions">
        <Button>Save notes and recording</Button>
        <a href={cancelHref}>Cancel</a>
      </div>
    </form>
  );
}
