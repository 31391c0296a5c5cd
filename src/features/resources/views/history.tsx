import type { Page } from "../../../platform/http/pagination.js";
import { EmptyState, Pagination } from "../../../ui/components/common.js";
import { Button, CsrfField } from "../../../ui/components/form.js";
import { formatDate } from "../../../ui/components/time.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { RevisionWithAuthor } from "../queries.js";

export function When({ date }: { date: Date }) {
  return <time datetime={date.toISOString()}>{formatDate(date, undefined, true)}</time>;
}

export function RevisionByline({ revision }: { revision: RevisionWithAuthor }) {
  return (
    <>
      {revision.author ? (
        <a href={`/people/${revision.author.handle}`}>{revision.author.name}</a>
      ) : (
        "someone who has since left"
      )}
      , <When date={revision.createdAt} />
    </>
  );
}

/** Every revision, newest first, with a form to compare any two and a way to restore each. */
export function HistoryView({
  resourceId,
  page,
  current,
  url,
  canRestore,
}: {
  resourceId: string;
  page: Page<RevisionWithAuthor>;
  current: number;
  url: URL;
  canRestore: boolean;
}) {
  const base = `/resources/${resourceId}`;
  if (page.items.length === 0)
    return (
      <EmptyState title="No revisions on this page">
        <p>
          <a href={`${base}/history`}>Go to the newest revisions</a>
        </p>
      </EmptyState>
    );
  const numbers = Array.from({ length: current }, (_, i) => current - i);
  return (
    <div class="stack">
      {current > 1 && (
        <form method="get" action={`${base}/compare`} class="panel resource-compare-form">
          <h2>Compare two revisions</h2>
          <div class="inline-form">
            <label for="compare-from">From revision</label>
            <select id="compare-from" name="from">
              {numbers.map((n) => (
                <option value={String(n)} selected={n === current - 1}>
                  {n}
                </option>
              ))}
            </select>
            <label for="compare-to">to revision</label>
            <select id="compare-to" name="to">
              {numbers.map((n) => (
                <option value={String(n)} selected={n === current}>
                  {n}
                </option>
              ))}
            </select>
            <button type="submit" class="button button-secondary">
              Compare
            </button>
          </div>
        </form>
      )}
      <section aria-labelledby="revisions-heading">
        <h2 id="revisions-heading">Revisions</h2>
        <ol class="resource-history">
          {page.items.map((revision) => (
            <li class="panel">
              <h3>
                Revision {revision.number}
                {revision.number === current && <span class="badge">Current</span>}
              </h3>
              <p>
                <RevisionByline revision={revision} />
              </p>
              {revision.note && <p class="muted">“{revision.note}”</p>}
              {revision.restoredFrom !== null && <p>Restored from revision {revision.restoredFrom}.</p>}
              <ul class="link-list link-list-inline">
                {revision.number > 1 && (
                  <li>
                    <a href={`${base}/compare?from=${revision.number - 1}&to=${revision.number}`}>
                      What changed in revision {revision.number}
                    </a>
                  </li>
                )}
                {canRestore && revision.number !== current && (
                  <li>
                    <a href={`${base}/revisions/${revision.number}/restore`}>
                      Restore revision {revision.number}
                    </a>
                  </li>
                )}
              </ul>
            </li>
          ))}
        </ol>
        <Pagination page={page} baseUrl={url} />
      </section>
      <p>
        <a href={base}>Back to the resource</a>
      </p>
    </div>
  );
}

/** "Restore revision 2?" with what will happen. */
export function RestoreConfirm({
  ctx,
  resourceId,
  revision,
  current,
}: {
  ctx: PageContext;
  resourceId: string;
  revision: RevisionWithAuthor;
  current: number;
}) {
  const base = `/resources/${resourceId}`;
  return (
    <div class="narrow panel">
      <h2>Restore revision {revision.number}?</h2>
      <p>
        The text of revision {revision.number} (<RevisionByline revision={revision} />) becomes the current
        text, saved as revision {current + 1}. Nothing is deleted: every earlier revision stays in the
        history.
      </p>
      <p>
        <a href={`${base}/compare?from=${current}&to=${revision.number}`}>
          See how it differs from the current text
        </a>
      </p>
      <form method="post" action={`${base}/revisions/${revision.number}/restore`} class="form">
        <CsrfField token={ctx.csrfToken} />
        <div class="form-actions">
          <Button>Restore revision {revision.number}</Button>
          <a href={`${base}/history`}>Cancel</a>
        </div>
      </form>
    </div>
  );
}
