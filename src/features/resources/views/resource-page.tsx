import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { renderMarkdown } from "../../../platform/markdown.js";
import { Tags } from "../../../ui/components/common.js";
import { Button, CsrfField, TextField } from "../../../ui/components/form.js";
import { formatDate } from "../../../ui/components/time.js";
import type { PageContext } from "../../../ui/page-context.js";
import { kindLabels, statusLabels } from "../inputs.js";
import { isDueForReview } from "../presenters.js";
import type { LoadedResourceWithPeople, PersonRef } from "../queries.js";
import { When } from "./history.js";

export interface Permissions {
  edit: boolean;
  curate: boolean;
  endorse: boolean;
}

/** The community's way of deciding, from its current charter, shown beside "Endorse". */
export interface DecisionReminder {
  label: string;
  hint: string;
  notes: string;
}

/** A person, or who stands in for nobody: the starter toolkit's own items (shipped with Convene) are the programme team's. */
function Person({ person, nobody }: { person: PersonRef | null; nobody: string }) {
  return person ? <a href={`/people/${person.handle}`}>{person.name}</a> : nobody;
}

const day = (date: string) => formatDate(new Date(`${date}T12:00:00Z`));

export function StatusBadges({
  status,
  reviewBy,
  today,
}: {
  status: keyof typeof statusLabels;
  reviewBy: string | null;
  today: string;
}) {
  return (
    <>
      <span class={`badge resource-status resource-status-${status}`}>{statusLabels[status]}</span>
      {isDueForReview(reviewBy, status, today) && <span class="badge resource-due">Due for review</span>}
    </>
  );
}

function Actions({
  ctx,
  loaded,
  can,
  decision,
}: {
  ctx: PageContext;
  loaded: LoadedResourceWithPeople;
  can: Permissions;
  decision: DecisionReminder | null;
}) {
  const { resource } = loaded;
  const base = `/resources/${resource.id}`;
  const status = (action: string, label: string, variant?: "secondary" | "danger") => (
    <form method="post" action={`${base}/status`} class="inline-form">
      <CsrfField token={ctx.csrfToken} />
      <input type="hidden" name="action" value={action} />
      <Button variant={variant}>{label}</Button>
    </form>
  );
  const live = resource.status === "published" || resource.status === "endorsed";
  return (
    <section class="panel resource-actions" aria-labelledby="resource-actions-heading">
      <h2 id="resource-actions-heading">Work on this resource</h2>
      <ul class="link-list">
        {can.edit && (
          <li>
            <a href={`${base}/edit`}>Edit</a>
          </li>
        )}
        <li>
          <a href={`${base}/history`}>History and earlier revisions</a>
        </li>
      </ul>
      {can.curate && resource.status === "draft" && status("publish", "Publish")}
      {can.endorse && resource.status === "published" && (
        <div class="resource-endorse">
          {decision && (
            <p class="hint">
              Endorsing marks this as the community’s agreed good practice. Your charter says how you decide:{" "}
              <strong>{decision.label}.</strong> {decision.hint}
              {decision.notes && <span class="resource-decision-notes"> {decision.notes}</span>}
            </p>
          )}
          {status("endorse", "Endorse as agreed good practice")}
        </div>
      )}
      {can.endorse && resource.status === "endorsed" && (
        <details class="resource-confirm">
          <summary>Withdraw the endorsement</summary>
          <p>It stays published, but is no longer shown as the community’s agreed good practice.</p>
          {status("unendorse", "Withdraw the endorsement", "danger")}
        </details>
      )}
      {can.curate && live && (
        <details class="resource-confirm">
          <summary>Mark as reviewed</summary>
          <form method="post" action={`${base}/review`} class="form">
            <CsrfField token={ctx.csrfToken} />
            <p>Records that you checked it is still right, and sets the next review date.</p>
            <TextField
              name="reviewBy"
              label="Next review by (optional)"
              type="date"
              hint="Left empty: a year from today."
            />
            <Button>Mark as reviewed</Button>
          </form>
        </details>
      )}
      {can.curate && resource.status !== "archived" && (
        <details class="resource-confirm">
          <summary>Archive</summary>
          <p>
            It stays readable at this address but leaves the community’s lists and search.
            {resource.status === "endorsed" && " Its endorsement ends."} You can bring it back later.
          </p>
          {status("archive", "Archive this resource", "danger")}
        </details>
      )}
      {can.curate &&
        resource.status === "archived" &&
        status("unarchive", "Restore from archive", "secondary")}
    </section>
  );
}

/** The resource as people read it, with its facts and the actions the viewer may take. */
export function ResourcePage({
  ctx,
  loaded,
  today,
  can,
  decision,
  headingLevel,
  sections,
}: {
  ctx: PageContext;
  loaded: LoadedResourceWithPeople;
  today: string;
  can: Permissions;
  decision: DecisionReminder | null;
  headingLevel: 1 | 2;
  sections: Child;
}) {
  const { resource, people } = loaded;
  const nobody = loaded.community ? "someone who has since left" : "the programme team";
  const title = (
    <>
      {resource.title} <StatusBadges status={resource.status} reviewBy={resource.reviewBy} today={today} />
    </>
  );
  return (
    <div class="layout-sidebar resource-page">
      <article class="stack" aria-labelledby="resource-title">
        <header class="resource-header">
          <p class="resource-kind">{kindLabels[resource.kind]}</p>
          {headingLevel === 1 ? <h1 id="resource-title">{title}</h1> : <h2 id="resource-title">{title}</h2>}
          {resource.summary && <p class="lead">{resource.summary}</p>}
        </header>
        {resource.status === "archived" && (
          <p class="notice notice-info">
            This resource is archived: it is kept for reference and no longer listed.
          </p>
        )}
        {resource.status === "endorsed" && resource.endorsedAt && (
          <p class="notice notice-success resource-endorsed">
            Endorsed as agreed good practice by <Person person={people.endorsedBy} nobody={nobody} /> on{" "}
            <When date={resource.endorsedAt} />.
          </p>
        )}
        {resource.externalUrl && (
          <p class="resource-link">
            <a href={resource.externalUrl} rel="noopener noreferrer">
              Open the linked page<span class="visually-hidden">: {resource.title}</span>
            </a>{" "}
            <span class="muted">({resource.externalUrl})</span>
          </p>
        )}
        {resource.body && <div class="prose panel">{raw(renderMarkdown(resource.body))}</div>}
        <Tags tags={resource.tags} />
        {sections}
      </article>
      <aside class="stack" aria-label="About this resource">
        <section class="panel" aria-labelledby="resource-facts-heading">
          <h2 id="resource-facts-heading">About it</h2>
          <dl class="facts">
            <dt>Owner</dt>
            <dd>
              <Person person={people.owner} nobody={nobody[0]!.toUpperCase() + nobody.slice(1)} />
            </dd>
            <dt>Last edited</dt>
            <dd>
              <When date={resource.lastEditedAt} /> by <Person person={people.lastEditedBy} nobody={nobody} />{" "}
              (revision {resource.revision})
            </dd>
            {resource.reviewBy && (
              <>
                <dt>Review by</dt>
                <dd>
                  <time datetime={resource.reviewBy}>{day(resource.reviewBy)}</time>
                </dd>
              </>
            )}
            {resource.reviewedAt && (
              <>
                <dt>Last reviewed</dt>
                <dd>
                  <When date={resource.reviewedAt} /> by <Person person={people.reviewedBy} nobody={nobody} />
                </dd>
              </>
            )}
          </dl>
        </section>
        {ctx.actor.kind === "person" && <Actions ctx={ctx} loaded={loaded} can={can} decision={decision} />}
      </aside>
    </div>
  );
}
