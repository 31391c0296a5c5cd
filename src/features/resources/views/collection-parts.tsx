import type { FieldErrors, FormValues } from "../../../platform/http/form.js";
import { CsrfField, ErrorSummary, TextArea, TextField } from "../../../ui/components/form.js";
import type { PageContext } from "../../../ui/page-context.js";
import { type CollectionEntry, isDueForReview } from "../collections-queries.js";
import { kindLabels, statusLabels } from "../inputs.js";

/** Kind, status and "Due for review" in words (never colour alone). */
export function EntryBadges({ entry, now }: { entry: CollectionEntry; now: Date }) {
  return (
    <span class="collection-badges">
      <span class="badge badge-muted">{kindLabels[entry.kind]}</span>{" "}
      <span class={entry.status === "endorsed" ? "badge badge-endorsed" : "badge badge-muted"}>
        {statusLabels[entry.status]}
      </span>
      {isDueForReview(entry.reviewBy, now) &&
        (entry.status === "published" || entry.status === "endorsed") && (
          <>
            {" "}
            <span class="badge badge-due">Due for review</span>
          </>
        )}
    </span>
  );
}

export const collectionLabels = { title: "Title", description: "Description" };

/** Title and description, for creating and editing. */
export function CollectionForm({
  ctx,
  action,
  values,
  errors,
  submit,
  summary = true,
  cancelHref,
}: {
  ctx: PageContext;
  action: string;
  values?: FormValues;
  errors?: FieldErrors;
  submit: string;
  /** False where the page shows its own summary at the top. */
  summary?: boolean;
  /** Where "Cancel" leads; none where the form is one part of a page. */
  cancelHref?: string;
}) {
  return (
    <form method="post" action={action} class="form" novalidate>
      {summary && <ErrorSummary errors={errors} labels={collectionLabels} />}
      <CsrfField token={ctx.csrfToken} />
      <TextField
        name="title"
        label="Title"
        hint="For example, “New starter toolkit” or “Running your first workshop”."
        values={values}
        errors={errors}
        maxLength={120}
        required
      />
      <TextArea
        name="description"
        label="Description (optional)"
        hint="Who the collection is for and how to use it. You can use Markdown."
        values={values}
        errors={errors}
        rows={5}
      />
      <div class="form-actions">
        <button type="submit" class="button">
          {submit}
        </button>
        {cancelHref && <a href={cancelHref}>Cancel</a>}
      </div>
    </form>
  );
}
