import type { FieldErrors, FormValues } from "../../../platform/http/form.js";
import { CsrfField, ErrorSummary, fieldId } from "../../../ui/components/form.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { CollectionEntry } from "../collections-queries.js";
import type { LoadedCollection } from "../collections-service.js";
import { kindLabels } from "../inputs.js";
import { CollectionForm, collectionLabels, EntryBadges } from "./collection-parts.js";

interface Addable {
  id: string;
  title: string;
  kind: keyof typeof kindLabels;
}

function MoveButton({
  ctx,
  base,
  entry,
  direction,
}: {
  ctx: PageContext;
  base: string;
  entry: CollectionEntry;
  direction: "up" | "down";
}) {
  return (
    <form method="post" action={`${base}/items/${entry.id}/move`} class="inline-form">
      <CsrfField token={ctx.csrfToken} />
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" class="button button-secondary button-small">
        {direction === "up" ? "Move up" : "Move down"}
        <span class="visually-hidden">: {entry.title}</span>
      </button>
    </form>
  );
}

/** Everything a convenor does to a collection, on one page that works without JavaScript. */
export function ManageCollection({
  ctx,
  loaded,
  entries,
  addable,
  viewHref,
  values,
  errors,
  now,
}: {
  ctx: PageContext;
  loaded: LoadedCollection;
  entries: CollectionEntry[];
  addable: Addable[];
  viewHref: string;
  values: FormValues;
  errors?: FieldErrors;
  now: Date;
}) {
  const { collection } = loaded;
  const base = `/collections/${collection.id}`;
  const addError = errors?.resourceId;
  return (
    <div class="collection-manage">
      <ErrorSummary errors={errors} labels={{ ...collectionLabels, resourceId: "Add a resource" }} />
      <h1>Arrange “{collection.title}”</h1>
      <p class="lead">
        <a href={viewHref}>See the collection as readers do</a>
      </p>

      <section aria-labelledby="manage-items-title">
        <h2 id="manage-items-title">Resources, in reading order</h2>
        {entries.length === 0 ? (
          <p class="muted">Nothing here yet. Add a resource below.</p>
        ) : (
          <ol class="collection-items collection-items-manage">
            {entries.map((entry, index) => (
              <li class="collection-item" id={`item-${entry.id}`}>
                <div>
                  <a href={`/resources/${entry.id}`}>{entry.title}</a> <EntryBadges entry={entry} now={now} />
                </div>
                <div class="collection-item-actions">
                  {index > 0 && <MoveButton ctx={ctx} base={base} entry={entry} direction="up" />}
                  {index < entries.length - 1 && (
                    <MoveButton ctx={ctx} base={base} entry={entry} direction="down" />
                  )}
                  <form method="post" action={`${base}/items/${entry.id}/remove`} class="inline-form">
                    <CsrfField token={ctx.csrfToken} />
                    <button type="submit" class="button button-secondary button-small">
                      Take out of the collection<span class="visually-hidden">: {entry.title}</span>
                    </button>
                  </form>
                </div>
              </li>
            ))}
          </ol>
        )}

        {addable.length === 0 && !addError ? (
          <p class="muted">
            Every published resource{" "}
            {loaded.community ? `of ${loaded.community.name}` : "of the starter toolkit"} is already in the
            collection.
          </p>
        ) : (
          <form method="post" action={`${base}/items`} class="form collection-add">
            <CsrfField token={ctx.csrfToken} />
            <div class={addError ? "field field-error" : "field"}>
              <label for={fieldId("resourceId")}>Add a resource</label>
              <span class="hint" id={`${fieldId("resourceId")}-hint`}>
                Published and endorsed resources{" "}
                {loaded.community ? `of ${loaded.community.name}` : "of the starter toolkit"} that are not in
                the collection yet. It goes at the end.
              </span>
              {addError && (
                <span class="error-message" id={`${fieldId("resourceId")}-error`}>
                  <span class="visually-hidden">Error: </span>
                  {addError}
                </span>
              )}
              {addable.length === 0 ? (
                // After a refused add with nothing left to choose: the error still has a place to show.
                <p class="muted" id={fieldId("resourceId")} tabindex={-1}>
                  Every published resource is already in the collection.
                </p>
              ) : (
                <select
                  id={fieldId("resourceId")}
                  name="resourceId"
                  aria-invalid={addError ? "true" : undefined}
                  aria-describedby={`${fieldId("resourceId")}-hint${addError ? ` ${fieldId("resourceId")}-error` : ""}`}
                >
                  {addable.map((resource) => (
                    <option value={resource.id}>
                      {resource.title} ({kindLabels[resource.kind]})
                    </option>
                  ))}
                </select>
              )}
            </div>
            {addable.length > 0 && (
              <button type="submit" class="button button-secondary">
                Add to the collection
              </button>
            )}
          </form>
        )}
      </section>

      <section aria-labelledby="manage-details-title">
        <h2 id="manage-details-title">Title and description</h2>
        <CollectionForm
          ctx={ctx}
          action={`${base}/edit`}
          values={values}
          errors={errors}
          summary={false}
          submit="Save title and description"
        />
      </section>

      <section aria-labelledby="manage-delete-title">
        <h2 id="manage-delete-title">Delete the collection</h2>
        <details class="confirm">
          <summary>Delete “{collection.title}”</summary>
          <form method="post" action={`${base}/delete`}>
            <CsrfField token={ctx.csrfToken} />
            <p>
              The collection and its order go; the resources in it stay where they are, unchanged. This cannot
              be undone.
            </p>
            <button type="submit" class="button button-danger">
              Delete the collection
            </button>
          </form>
        </details>
      </section>
    </div>
  );
}
