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

const labels = { kind: "Kind", title: "Title", body: "Your post", tags: "Tags" };

/** The rendered preview of a post; `html` is already sanitised by renderMarkdown. */
export function PostPreview({ html }: { html: string | null }) {
  return (
    <div id="post-preview" class="post-preview" aria-live="polite">
      {html !== null && (
        <>
          <h2 class="post-preview-heading">Preview</h2>
          <div class="prose">{html ? raw(html) : <p class="muted">Nothing to preview yet.</p>}</div>
        </>
      )}
    </div>
  );
}

/** Start or edit a thread. Kind is only asked when starting. */
export function ThreadForm({
  ctx,
  action,
  previewUrl,
  values,
  errors,
  preview,
  canAnnounce,
  editing,
  cancelHref,
}: {
  ctx: PageContext;
  action: string;
  previewUrl: string;
  values?: FormValues;
  errors?: FieldErrors;
  preview: string | null;
  canAnnounce: boolean;
  editing: boolean;
  cancelHref: string;
}) {
  const kinds = [
    { value: "question", label: "Question", hint: "You want an answer; you can mark the one that helped." },
    { value: "discussion", label: "Discussion", hint: "Share something or start a conversation." },
    ...(canAnnounce
      ? [
          {
            value: "announcement",
            label: "Announcement",
            hint: "News for the whole community, from its convenors.",
          },
        ]
      : []),
  ];
  return (
    <form method="post" action={action} class="form thread-form" novalidate>
      <CsrfField token={ctx.csrfToken} />
      <ErrorSummary errors={errors} labels={labels} />
      {!editing && (
        <RadioGroup
          name="kind"
          label="What are you posting?"
          options={kinds}
          values={values}
          value={values?.kind ? undefined : "question"}
          errors={errors}
        />
      )}
      <TextField
        name="title"
        label="Title"
        hint="A short summary, 3 to 150 characters. For a question, ask it in a sentence."
        maxLength={150}
        values={values}
        errors={errors}
      />
      {!editing && (
        <div
          id="similar-threads"
          hx-get="/discussions/similar"
          hx-trigger="keyup changed delay:400ms from:#field-title"
          hx-include="#field-title"
          hx-target="this"
        />
      )}
      <TextArea
        name="body"
        label="Your post"
        hint="Markdown works: **bold**, _italic_, lists, links and > quotes. Mention someone with @ and their handle."
        rows={10}
        maxLength={20000}
        values={values}
        errors={errors}
      />
      <TextField
        name="tags"
        label="Tags (optional)"
        hint="Up to 10, separated by commas, for example: payroll, year end"
        values={values}
        errors={errors}
      />
      <PostPreview html={preview} />
      <div class="form-actions">
        <Button>{editing ? "Save changes" : "Post"}</Button>
        <button
          type="submit"
          class="button button-secondary"
          name="action"
          value="preview"
          hx-post={previewUrl}
          hx-target="#post-preview"
          hx-swap="outerHTML"
        >
          Preview
        </button>
        <a href={cancelHref}>Cancel</a>
      </div>
    </form>
  );
}
