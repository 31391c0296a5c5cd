import type { FieldErrors, FormValues } from "../../../platform/http/form.js";
import type { Page } from "../../../platform/http/pagination.js";
import { EmptyState, PageHeader, Pagination } from "../../../ui/components/common.js";
import { Button, CsrfField } from "../../../ui/components/form.js";
import { RelativeTime } from "../../../ui/components/time.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { PersonRef, ProposalDetail, ProposalSummary, TimelineEntry } from "../queries.js";
import { ProposalDetails, StatusBadge, Timeline } from "./parts.js";
import { CommentForm } from "./review.js";

/** /me/proposals: what the person proposed and where each stands. */
export function MyProposals({ page, url }: { page: Page<ProposalSummary>; url: URL }) {
  return (
    <>
      <PageHeader
        title="Your proposals"
        lead="Communities you proposed, and where each one is in the programme team's review."
        actions={
          <a class="button" href="/communities/propose">
            Propose a community
          </a>
        }
      />
      {page.items.length === 0 ? (
        <EmptyState title="You have not proposed a community">
          <p>
            If no community covers your practice, <a href="/communities/propose">propose one</a>. The
            programme team will review it with you.
          </p>
        </EmptyState>
      ) : (
        <ul class="stack proposal-list" aria-label="Your proposals">
          {page.items.map((proposal) => (
            <li class="card">
              <h2>
                <a href={`/me/proposals/${proposal.id}`}>{proposal.name}</a>
              </h2>
              <p class="card-meta">
                <StatusBadge status={proposal.status} />
                <span>
                  Proposed <RelativeTime date={proposal.createdAt} />
                </span>
                <span>
                  {proposal.interestCount} {proposal.interestCount === 1 ? "person" : "people"} interested
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} baseUrl={url} />
    </>
  );
}

const nextStep: Record<string, string> = {
  submitted:
    "The programme team is reviewing your proposal. You will be notified when they comment or decide.",
  changes_requested:
    "The programme team asked for changes (see the history below). Change your proposal and resubmit it.",
  approved: "Your proposal was approved and the community is open, with you as its convenor.",
  declined: "Your proposal was declined. The reason is in the history below.",
  withdrawn: "You withdrew this proposal.",
};

export function MyProposal({
  ctx,
  detail,
  founding,
  sponsor,
  timeline,
  canEdit,
  canWithdraw,
  canComment,
  commentErrors,
  commentValues,
}: {
  ctx: PageContext;
  detail: ProposalDetail;
  founding: PersonRef[];
  sponsor: PersonRef | null;
  timeline: TimelineEntry[];
  canEdit: boolean;
  canWithdraw: boolean;
  canComment: boolean;
  commentErrors?: FieldErrors;
  commentValues?: FormValues;
}) {
  const { proposal } = detail;
  const base = `/me/proposals/${proposal.id}`;
  return (
    <>
      <div class="page-header">
        <div class="page-header-row">
          <h1>{proposal.name}</h1>
          <StatusBadge status={proposal.status} />
        </div>
      </div>
      <div class={proposal.status === "changes_requested" ? "notice notice-info" : "notice"}>
        <p>{nextStep[proposal.status]}</p>
        {proposal.status === "approved" && detail.communitySlug && (
          <p>
            <a href={`/communities/${detail.communitySlug}`}>Go to {detail.communityName}</a>
          </p>
        )}
        {(canEdit || canWithdraw) && (
          <p class="inline-form">
            {canEdit && (
              <a class="button" href={`${base}/edit`}>
                Change and resubmit
              </a>
            )}
            {canWithdraw && (
              <a class="button button-secondary" href={`${base}/withdraw`}>
                Withdraw proposal
              </a>
            )}
          </p>
        )}
      </div>
      <ProposalDetails
        proposal={proposal}
        proposer={{ handle: detail.proposerHandle, name: detail.proposerName }}
        founding={founding}
        sponsor={sponsor}
        interestCount={detail.interestCount}
      />
      <Timeline entries={timeline} />
      {canComment && (
        <CommentForm ctx={ctx} action={`${base}/comments`} errors={commentErrors} values={commentValues} />
      )}
    </>
  );
}

export function WithdrawConfirm({ ctx, detail }: { ctx: PageContext; detail: ProposalDetail }) {
  const { proposal } = detail;
  return (
    <>
      <PageHeader
        title={`Withdraw “${proposal.name}”?`}
        lead="The programme team stops reviewing it and it leaves the directory's proposed communities. You cannot undo this, but you can propose again."
      />
      <form method="post" action={`/me/proposals/${proposal.id}/withdraw`} class="form-actions">
        <CsrfField token={ctx.csrfToken} />
        <Button variant="danger">Withdraw proposal</Button>
        <a href={`/me/proposals/${proposal.id}`}>Keep it</a>
      </form>
    </>
  );
}
