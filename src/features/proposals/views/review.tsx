import type { FieldErrors, FormValues } from "../../../platform/http/form.js";
import type { Page } from "../../../platform/http/pagination.js";
import { EmptyState, PageHeader, Pagination } from "../../../ui/components/common.js";
import {
  Button,
  CsrfField,
  ErrorSummary,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from "../../../ui/components/form.js";
import { RelativeTime } from "../../../ui/components/time.js";
import type { PageContext } from "../../../ui/page-context.js";
import { stageLabels, typeLabels } from "../../communities/inputs.js";
import { statusTabs, tabLabels } from "../inputs.js";
import type { PersonRef, ProposalDetail, ProposalSummary, TimelineEntry } from "../queries.js";
import type { ProposalStatus } from "../tables.js";
import { ProposalDetails, StatusBadge, Timeline } from "./parts.js";

/** /admin/proposals: the review queue, one tab per status. */
export function ReviewList({
  status,
  counts,
  page,
  url,
}: {
  status: (typeof statusTabs)[number];
  counts: Record<ProposalStatus, number>;
  page: Page<ProposalSummary>;
  url: URL;
}) {
  return (
    <>
      <PageHeader
        title="Proposals for new communities"
        lead="Review what colleagues propose: comment, ask for changes, approve or decline."
      />
      <nav class="tabs" aria-label="Proposals by status">
        <ul>
          {statusTabs.map((tab) => (
            <li>
              <a href={`/admin/proposals?status=${tab}`} aria-current={tab === status ? "page" : undefined}>
                {tabLabels[tab]} <span class="count-badge">{counts[tab]}</span>
                <span class="visually-hidden"> proposals</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {page.items.length === 0 ? (
        <EmptyState
          title={
            status === "submitted" ? "Nothing to review" : `No ${tabLabels[status].toLowerCase()} proposals`
          }
        >
          <p>
            {status === "submitted"
              ? "New and resubmitted proposals appear here. You will be notified when one arrives."
              : "Proposals move here as the programme team decides on them."}
          </p>
        </EmptyState>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{tabLabels[status]} proposals, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Proposed community</th>
                <th scope="col">Proposer</th>
                <th scope="col">Practice areas</th>
                <th scope="col">Interest</th>
                <th scope="col">Last change</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((proposal) => (
                <tr>
                  <td>
                    <a href={`/admin/proposals/${proposal.id}`}>{proposal.name}</a>
                  </td>
                  <td>
                    <a href={`/people/${proposal.proposerHandle}`}>{proposal.proposerName}</a>
                  </td>
                  <td>{proposal.practiceAreas.join(", ")}</td>
                  <td>{proposal.interestCount}</td>
                  <td>
                    <RelativeTime date={proposal.updatedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} baseUrl={url} />
    </>
  );
}

/** The proposal, its people and history; the reviewer's actions beside it. */
export function ReviewDetail({
  ctx,
  detail,
  founding,
  sponsor,
  timeline,
  canDecide,
  commentErrors,
  commentValues,
}: {
  ctx: PageContext;
  detail: ProposalDetail;
  founding: PersonRef[];
  sponsor: PersonRef | null;
  timeline: TimelineEntry[];
  canDecide: boolean;
  commentErrors?: FieldErrors;
  commentValues?: FormValues;
}) {
  const { proposal } = detail;
  const base = `/admin/proposals/${proposal.id}`;
  return (
    <>
      <div class="page-header">
        <div class="page-header-row">
          <h1>{proposal.name}</h1>
          <StatusBadge status={proposal.status} />
        </div>
      </div>
      {proposal.status === "approved" && detail.communitySlug && (
        <p class="notice notice-info">
          Approved: <a href={`/communities/${detail.communitySlug}`}>{detail.communityName}</a> is open.
        </p>
      )}
      <div class="layout-sidebar proposal-review">
        <div class="stack">
          <ProposalDetails
            proposal={proposal}
            proposer={{ handle: detail.proposerHandle, name: detail.proposerName }}
            founding={founding}
            sponsor={sponsor}
            interestCount={detail.interestCount}
          />
          <Timeline entries={timeline} />
          {canDecide && (
            <CommentForm
              ctx={ctx}
              action={`${base}/comments`}
              errors={commentErrors}
              values={commentValues}
            />
          )}
        </div>
        <aside class="stack" aria-label="Decision">
          {canDecide ? (
            <div class="panel">
              <h2>Decide</h2>
              <p>Approve to open the community, ask the proposer for changes, or decline with a reason.</p>
              <ul class="proposal-decisions">
                <li>
                  <a class="button" href={`${base}/approve`}>
                    Approve…
                  </a>
                </li>
                {proposal.status === "submitted" && (
                  <li>
                    <a class="button button-secondary" href={`${base}/request-changes`}>
                      Ask for changes…
                    </a>
                  </li>
                )}
                <li>
                  <a class="button button-secondary" href={`${base}/decline`}>
                    Decline…
                  </a>
                </li>
              </ul>
              {proposal.status === "changes_requested" && (
                <p class="muted">Waiting for the proposer to make the changes you asked for.</p>
              )}
            </div>
          ) : (
            <div class="panel">
              <h2>Decided</h2>
              <p>
                This proposal is{" "}
                {tabLabels[proposal.status as keyof typeof tabLabels]?.toLowerCase() ?? proposal.status}:
                nothing more can change.
              </p>
            </div>
          )}
        </aside>
      </div>
    </>
  );
}

export function CommentForm({
  ctx,
  action,
  errors,
  values,
}: {
  ctx: PageContext;
  action: string;
  errors?: FieldErrors;
  values?: FormValues;
}) {
  return (
    <form class="form panel" method="post" action={action} id="comment">
      <CsrfField token={ctx.csrfToken} />
      <ErrorSummary errors={errors} labels={{ body: "Comment" }} />
      <TextArea
        name="body"
        label="Add a comment"
        hint="Everyone taking part in the review reads it: the proposer and the programme team."
        values={values}
        errors={errors}
        rows={3}
      />
      <div class="form-actions">
        <Button variant="secondary">Add comment</Button>
      </div>
    </form>
  );
}

export type DecisionKind = "approve" | "request-changes" | "decline";

const decisionCopy = {
  approve: {
    title: "Approve",
    lead: "The community opens at once, with the proposer as its convenor. The founding group are invited as core members and the suggested sponsor as sponsor; they accept or decline from the community page. People who registered interest are told it is open.",
    button: "Approve and open the community",
  },
  "request-changes": {
    title: "Ask for changes to",
    lead: "The proposer is told what to change. They edit the proposal and resubmit it, and it comes back to “To review”.",
    button: "Send the request for changes",
  },
  decline: {
    title: "Decline",
    lead: "The proposer is told your reason. A declined proposal cannot be reopened; they may propose again.",
    button: "Decline the proposal",
  },
} as const;

/** A clear form for each decision, saying what will happen. */
export function DecisionForm({
  ctx,
  kind,
  detail,
  values,
  errors,
}: {
  ctx: PageContext;
  kind: DecisionKind;
  detail: ProposalDetail;
  values: FormValues;
  errors?: FieldErrors;
}) {
  const copy = decisionCopy[kind];
  const { proposal } = detail;
  const labels = {
    stage: "Starting stage",
    type: "Type",
    slug: "Web address",
    message: kind === "decline" ? "Reason" : "Message",
  };
  return (
    <>
      <PageHeader title={`${copy.title} “${proposal.name}”`} lead={copy.lead} />
      <form class="form" method="post" action={`/admin/proposals/${proposal.id}/${kind}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <ErrorSummary errors={errors} labels={labels} />
        {kind === "approve" && (
          <>
            <RadioGroup
              name="stage"
              label={labels.stage}
              hint="Most new communities start at inquire; choose design when the group has already agreed its domain and members."
              values={values}
              errors={errors}
              options={[
                {
                  value: "inquire",
                  label: stageLabels.inquire,
                  hint: "Find the audience, the purpose and the people.",
                },
                {
                  value: "design",
                  label: stageLabels.design,
                  hint: "Plan activities, roles and ways of working.",
                },
              ]}
            />
            <SelectField
              name="type"
              label={labels.type}
              values={values}
              errors={errors}
              options={Object.entries(typeLabels).map(([value, label]) => ({ value, label }))}
            />
            <TextField
              name="slug"
              label={labels.slug}
              hint="The end of the community's address: /communities/… Lower-case letters, numbers and hyphens."
              values={values}
              errors={errors}
            />
          </>
        )}
        <TextArea
          name="message"
          label={
            kind === "approve"
              ? "Message to the proposer (optional)"
              : kind === "decline"
                ? "Reason for declining"
                : "What needs to change"
          }
          hint={
            kind === "approve"
              ? "Shown in the history and sent with the news."
              : "The proposer reads this, so say it plainly and kindly."
          }
          values={values}
          errors={errors}
          rows={4}
        />
        <div class="form-actions">
          <Button variant={kind === "decline" ? "danger" : undefined}>{copy.button}</Button>
          <a href={`/admin/proposals/${proposal.id}`}>Cancel</a>
        </div>
      </form>
    </>
  );
}
