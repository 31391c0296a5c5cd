import { Tags } from "../../../ui/components/common.js";
import { CsrfField } from "../../../ui/components/form.js";
import { formatDate, RelativeTime } from "../../../ui/components/time.js";
import { statusLabels } from "../inputs.js";
import type { OpenProposal, PersonRef, Proposal, TimelineEntry } from "../queries.js";
import type { ProposalStatus } from "../tables.js";

export function StatusBadge({ status }: { status: ProposalStatus }) {
  return <span class={`badge proposal-status proposal-status-${status}`}>{statusLabels[status]}</span>;
}

function PersonLink({ person }: { person: PersonRef }) {
  return <a href={`/people/${person.handle}`}>{person.name}</a>;
}

/** Text the proposer wrote, kept as typed (line breaks shown, nothing interpreted). */
function Plain({ text }: { text: string }) {
  return <p class="proposal-text">{text}</p>;
}

/** The proposal itself: what it is for, who it is for, the people named. */
export function ProposalDetails({
  proposal,
  proposer,
  founding,
  sponsor,
  interestCount,
}: {
  proposal: Proposal;
  proposer: { handle: string; name: string };
  founding: PersonRef[];
  sponsor: PersonRef | null;
  interestCount: number;
}) {
  return (
    <div class="panel proposal-details">
      <dl class="facts">
        <dt>Proposed by</dt>
        <dd>
          <a href={`/people/${proposer.handle}`}>{proposer.name}</a>,{" "}
          <time datetime={proposal.createdAt.toISOString()}>{formatDate(proposal.createdAt)}</time>
        </dd>
        <dt>Practice areas</dt>
        <dd>
          <Tags tags={proposal.practiceAreas} />
        </dd>
        <dt>Founding group</dt>
        <dd>
          {founding.length === 0 ? (
            <span class="muted">Nobody named yet</span>
          ) : (
            <ul class="proposal-people">
              {founding.map((person) => (
                <li>
                  <PersonLink person={person} />
                  {person.jobTitle && <span class="muted"> – {person.jobTitle}</span>}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Suggested sponsor</dt>
        <dd>{sponsor ? <PersonLink person={sponsor} /> : <span class="muted">None suggested</span>}</dd>
        <dt>Interest</dt>
        <dd>
          {interestCount} {interestCount === 1 ? "person has" : "people have"} registered interest
        </dd>
      </dl>
      <h2>The need it meets</h2>
      <Plain text={proposal.need} />
      <h2>Who it is for</h2>
      <Plain text={proposal.audience} />
      <h2>Planned activities</h2>
      {proposal.plannedActivities ? (
        <Plain text={proposal.plannedActivities} />
      ) : (
        <p class="muted">Not given.</p>
      )}
    </div>
  );
}

const eventLabels: Record<TimelineEntry["kind"], string> = {
  submitted: "submitted the proposal",
  comment: "commented",
  changes_requested: "asked for changes",
  resubmitted: "changed and resubmitted the proposal",
  approved: "approved the proposal",
  declined: "declined the proposal",
  withdrawn: "withdrew the proposal",
};

/** The review conversation, oldest first. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <section aria-labelledby="timeline-title" class="proposal-timeline-section">
      <h2 id="timeline-title">History</h2>
      <ol class="proposal-timeline">
        {entries.map((entry) => (
          <li class={`proposal-event proposal-event-${entry.kind}`}>
            <p class="proposal-event-head">
              <strong>
                {entry.authorHandle ? (
                  <a href={`/people/${entry.authorHandle}`}>{entry.authorName}</a>
                ) : (
                  "Someone who has left"
                )}
              </strong>{" "}
              {eventLabels[entry.kind]} <RelativeTime date={entry.createdAt} />
            </p>
            {entry.body && <p class="proposal-text">{entry.body}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Register / withdraw interest: a plain form, swapped in place by htmx. */
export function InterestControl({
  proposal,
  csrfToken,
  canRegister,
  signedIn,
}: {
  proposal: OpenProposal;
  csrfToken: string;
  canRegister: boolean;
  signedIn: boolean;
}) {
  const id = `interest-${proposal.id}`;
  const count = (
    <span class="proposal-interest-count">
      {proposal.interestCount} {proposal.interestCount === 1 ? "person is" : "people are"} interested
    </span>
  );
  if (!canRegister) {
    return (
      <div class="proposal-interest" id={id}>
        {count}
        {!signedIn && <a href="/sign-in?next=%2Fcommunities">Sign in to register interest</a>}
      </div>
    );
  }
  const action = `/proposals/${proposal.id}/interest${proposal.interested ? "/withdraw" : ""}`;
  return (
    <form
      class="proposal-interest"
      id={id}
      method="post"
      action={action}
      hx-post={action}
      hx-target={`#${id}`}
      hx-swap="outerHTML"
    >
      <CsrfField token={csrfToken} />
      {count}
      <button
        type="submit"
        class={proposal.interested ? "button button-secondary button-small" : "button button-small"}
      >
        {proposal.interested ? "Withdraw interest" : "Register interest"}
        <span class="visually-hidden"> in {proposal.name}</span>
      </button>
      {proposal.interested && <span class="muted">You are interested</span>}
    </form>
  );
}

/** The directory's "Proposed communities": ideas under review that people can back. */
export function ProposedCommunities({
  proposals,
  csrfToken,
  viewerId,
  canPropose,
}: {
  proposals: OpenProposal[];
  csrfToken: string;
  viewerId: string | null;
  canPropose: boolean;
}) {
  return (
    <section class="proposed-communities" aria-labelledby="proposed-title">
      <h2 id="proposed-title">Proposed communities</h2>
      <p class="muted">
        Ideas for new communities that the programme team is reviewing. Register your interest and you will
        hear when one opens.
      </p>
      {proposals.length === 0 ? (
        <p>
          Nobody has proposed a community lately.
          {canPropose && (
            <>
              {" "}
              <a href="/communities/propose">Propose a community</a> if yours is missing.
            </>
          )}
        </p>
      ) : (
        <ul class="grid proposed-list">
          {proposals.map((proposal) => (
            <li class="card proposed-card">
              <h3>{proposal.name}</h3>
              <ul class="tags" aria-label="Practice areas">
                {proposal.practiceAreas.slice(0, 4).map((area) => (
                  <li>
                    <span class="tag">{area}</span>
                  </li>
                ))}
              </ul>
              <p class="proposed-need">
                {proposal.need.length > 220 ? `${proposal.need.slice(0, 220)}…` : proposal.need}
              </p>
              <p class="card-meta">
                {viewerId && (
                  <span>
                    Proposed by <a href={`/people/${proposal.proposerHandle}`}>{proposal.proposerName}</a>
                  </span>
                )}
                {proposal.status === "changes_requested" && (
                  <span class="badge badge-muted">Being revised</span>
                )}
              </p>
              {viewerId === proposal.proposerId && (
                <p>
                  <a href={`/me/proposals/${proposal.id}`}>
                    Follow your proposal<span class="visually-hidden">: {proposal.name}</span>
                  </a>
                </p>
              )}
              <InterestControl
                proposal={proposal}
                csrfToken={csrfToken}
                signedIn={viewerId !== null}
                canRegister={viewerId !== null && viewerId !== proposal.proposerId}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
