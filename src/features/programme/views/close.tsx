import { raw } from "hono/html";
import type { FieldErrors, FormValues } from "../../../platform/http/form.js";
import { renderMarkdown } from "../../../platform/markdown.js";
import { PageHeader } from "../../../ui/components/common.js";
import { Button, CsrfField, ErrorSummary, TextArea } from "../../../ui/components/form.js";
import { formatDate } from "../../../ui/components/time.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { Community } from "../../communities/queries.js";

export function ClosePage({
  ctx,
  community,
  errors,
  values,
}: {
  ctx: PageContext;
  community: Community;
  errors?: FieldErrors;
  values?: FormValues;
}) {
  const members = community.memberCount;
  return (
    <>
      <ErrorSummary errors={errors} />
      <PageHeader
        title={`Close ${community.name}`}
        lead="Close a community when it has done its work or nobody is running it any more."
      />
      <div class="programme-confirm stack">
        <section class="panel" aria-labelledby="what-happens">
          <h2 id="what-happens">What closing does</h2>
          <ul>
            <li>Its pages, charter and everything members shared stay readable and searchable.</li>
            <li>Nothing new can be added, and its settings, charter and roles can no longer be changed.</li>
            <li>Nobody can join or request to join.</li>
            <li>
              {members === 1
                ? "Its 1 member is told"
                : `Its ${members.toLocaleString("en-GB")} members are told`}{" "}
              (except anyone on a break), with your closing note.
            </li>
            <li>The programme team can reopen it later from the communities overview.</li>
          </ul>
        </section>
        <form
          class="form panel"
          method="post"
          action={`/admin/communities/${community.slug}/close`}
          novalidate
        >
          <CsrfField token={ctx.csrfToken} />
          <TextArea
            name="note"
            label="Closing note"
            hint="Shown at the top of the community's page. Say why it has closed and where members can go now. You can use Markdown."
            rows={6}
            maxLength={5000}
            errors={errors}
            values={values}
          />
          <div class="form-actions">
            <Button variant="danger">Close {community.name}</Button>
            <a href="/admin/communities">Cancel</a>
          </div>
        </form>
      </div>
    </>
  );
}

export function ReopenPage({
  ctx,
  community,
  timeZone,
}: {
  ctx: PageContext;
  community: Community;
  timeZone: string;
}) {
  return (
    <>
      <PageHeader
        title={`Reopen ${community.name}`}
        lead={
          community.closedAt
            ? `It closed on ${formatDate(community.closedAt, timeZone)}.`
            : "It is closed at the moment."
        }
      />
      <div class="programme-confirm stack">
        {community.closingNote && (
          <section class="panel" aria-labelledby="closing-note">
            <h2 id="closing-note">Closing note</h2>
            <div class="prose">{raw(renderMarkdown(community.closingNote))}</div>
          </section>
        )}
        <section class="panel" aria-labelledby="what-happens">
          <h2 id="what-happens">What reopening does</h2>
          <ul>
            <li>The community becomes active again: members can take part and people can join.</li>
            <li>Its convenors can change its settings, charter and roles again.</li>
            <li>The closing note is no longer shown on its page; the audit log keeps it.</li>
          </ul>
        </section>
        <form class="form" method="post" action={`/admin/communities/${community.slug}/reopen`}>
          <CsrfField token={ctx.csrfToken} />
          <div class="form-actions">
            <Button>Reopen {community.name}</Button>
            <a href="/admin/communities">Cancel</a>
          </div>
        </form>
      </div>
    </>
  );
}
