import { EmptyState, PageHeader } from "../../../ui/components/common.js";
import { RelativeTime } from "../../../ui/components/time.js";
import type { MyPendingRow } from "../joining-queries.js";
import { invitedRoleNames } from "./actions.js";

/** The person's own invitations (to accept or decline) and requests (to wait for or withdraw). */
export function MyInvitations({ rows }: { rows: MyPendingRow[] }) {
  const invitations = rows.filter((row) => row.state === "invited");
  const requests = rows.filter((row) => row.state === "requested");
  return (
    <>
      <PageHeader
        title="Your invitations and requests"
        lead="Invitations to join communities, and the requests you have sent that are waiting for an answer."
      />
      {rows.length === 0 && (
        <EmptyState title="Nothing is waiting for you">
          <p>
            You have no invitations or requests waiting. <a href="/communities">Find a community to join</a>.
          </p>
        </EmptyState>
      )}
      {invitations.length > 0 && (
        <section aria-labelledby="my-invitations-title" class="stack">
          <h2 id="my-invitations-title">Invitations</h2>
          <ul class="joining-list" aria-label="Invitations">
            {invitations.map((row) => (
              <li class="panel joining-item">
                <h3>
                  <a href={`/communities/${row.slug}`}>{row.communityName}</a>
                </h3>
                {row.tagline && <p class="muted">{row.tagline}</p>}
                <p>
                  {row.invitedByName ?? "The convenors"} invited you to join as {invitedRoleNames[row.role]},{" "}
                  <RelativeTime date={row.at} />.
                </p>
                {row.message && <blockquote class="joining-message">{row.message}</blockquote>}
                <div class="inline-form">
                  <a class="button button-small" href={`/communities/${row.slug}/join`}>
                    Accept<span class="visually-hidden"> the invitation to {row.communityName}</span>
                  </a>
                  <a
                    class="button button-secondary button-small"
                    href={`/communities/${row.slug}/invitation/decline`}
                  >
                    Decline<span class="visually-hidden"> the invitation to {row.communityName}</span>
                  </a>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      {requests.length > 0 && (
        <section aria-labelledby="my-requests-title" class="stack joining-my-requests">
          <h2 id="my-requests-title">Your requests to join</h2>
          <ul class="joining-list" aria-label="Your requests to join">
            {requests.map((row) => (
              <li class="panel joining-item">
                <h3>
                  <a href={`/communities/${row.slug}`}>{row.communityName}</a>
                </h3>
                <p>
                  You asked to join <RelativeTime date={row.at} />. The convenors have not answered yet.
                </p>
                <a
                  class="button button-secondary button-small"
                  href={`/communities/${row.slug}/request/withdraw`}
                >
                  Withdraw request<span class="visually-hidden"> to join {row.communityName}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
