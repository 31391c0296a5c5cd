import type { FieldErrors } from "../../../platform/http/form.js";
import type { Page } from "../../../platform/http/pagination.js";
import { Avatar } from "../../../ui/components/avatar.js";
import { EmptyState, Pagination } from "../../../ui/components/common.js";
import { CsrfField, ErrorSummary } from "../../../ui/components/form.js";
import { RelativeTime } from "../../../ui/components/time.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { Community } from "../../communities/queries.js";
import type { PendingRow, PersonChoice } from "../joining-queries.js";
import type { MembershipState } from "../tables.js";
import { invitedRoleNames } from "./actions.js";

export interface InviteSearch {
  q: string;
  results: PersonChoice[];
  states: Map<string, MembershipState>;
}

function Who({
  person,
}: {
  person: { handle: string; name: string; jobTitle: string; divisionName: string | null };
}) {
  const details = [person.jobTitle, person.divisionName].filter(Boolean).join(", ");
  return (
    <div class="person-row">
      <Avatar name={person.name} />
      <div class="who">
        <a href={`/people/${person.handle}`}>{person.name}</a>
        {details && <span>{details}</span>}
      </div>
    </div>
  );
}

const stateNotes: Partial<Record<MembershipState, string>> = {
  active: "Already a member",
  on_break: "Already a member (on a break)",
  invited: "Already invited",
  requested: "Has asked to join: answer their request above",
};

/** Requests to join, outstanding invitations and "Invite someone", for convenors and the programme team. */
export function RequestsPage({
  ctx,
  community,
  requests,
  invitations,
  search,
  url,
  errors,
}: {
  ctx: PageContext;
  community: Community;
  requests: Page<PendingRow>;
  invitations: Page<PendingRow>;
  search: InviteSearch | null;
  url: URL;
  errors?: FieldErrors;
}) {
  const base = `/communities/${community.slug}`;
  const question = community.joiningQuestion.trim();
  return (
    <div class="joining-review stack">
      <ErrorSummary errors={errors} />
      <section class="panel" aria-labelledby="requests-title">
        <h2 id="requests-title">Requests to join</h2>
        {community.joinPolicy !== "request" && requests.items.length === 0 ? (
          <p class="muted">
            {community.name} is {community.joinPolicy === "open" ? "open to everyone" : "invite only"}, so
            nobody needs to ask to join.
          </p>
        ) : requests.items.length === 0 ? (
          <EmptyState title="No requests waiting">
            <p>When someone asks to join, their request appears here and you get a notification.</p>
          </EmptyState>
        ) : (
          <ul class="joining-list" aria-label="Requests to join">
            {requests.items.map((request) => {
              const messageId = `field-message-${request.handle}`;
              const error = errors?.[`message-${request.handle}`];
              return (
                <li class="joining-item">
                  <div class="joining-item-head">
                    <Who person={request} />
                    <p class="muted joining-when">
                      Asked <RelativeTime date={request.at} />
                    </p>
                  </div>
                  {request.text ? (
                    <div class="joining-answer">
                      {question && <p class="joining-question">{question}</p>}
                      <blockquote>{request.text}</blockquote>
                    </div>
                  ) : (
                    <p class="muted">No answer given.</p>
                  )}
                  <form
                    method="post"
                    action={`${base}/requests/${request.handle}/approve`}
                    class="joining-decision"
                  >
                    <CsrfField token={ctx.csrfToken} />
                    <div class={error ? "field field-error" : "field"}>
                      <label for={messageId}>Message to {request.name} (optional)</label>
                      <span class="hint" id={`${messageId}-hint`}>
                        Sent with your answer, whichever you choose.
                      </span>
                      {error && (
                        <span class="error-message" id={`${messageId}-error`}>
                          <span class="visually-hidden">Error: </span>
                          {error}
                        </span>
                      )}
                      <textarea
                        id={messageId}
                        name="message"
                        rows={2}
                        maxlength={1000}
                        aria-describedby={
                          error ? `${messageId}-hint ${messageId}-error` : `${messageId}-hint`
                        }
                      />
                    </div>
                    <div class="form-actions">
                      <button class="button" type="submit">
                        Approve
                      </button>
                      <button
                        class="button button-secondary"
                        type="submit"
                        formaction={`${base}/requests/${request.handle}/decline`}
                      >
                        Decline
                      </button>
                    </div>
                  </form>
                </li>
              );
            })}
          </ul>
        )}
        <Pagination page={requests} baseUrl={url} />
      </section>

      <section class="panel" aria-labelledby="invitations-title">
        <h2 id="invitations-title">Invitations waiting for an answer</h2>
        {invitations.items.length === 0 ? (
          <p class="muted">No invitations are waiting for an answer.</p>
        ) : (
          <ul class="joining-list" aria-label="Invitations waiting for an answer">
            {invitations.items.map((invitation) => (
              <li class="joining-item joining-item-row">
                <Who person={invitation} />
                <p class="joining-when">
                  Invited as {invitedRoleNames[invitation.role]}
                  {invitation.invitedByName ? ` by ${invitation.invitedByName}` : ""},{" "}
                  <RelativeTime date={invitation.at} />
                </p>
                <a
                  class="button button-secondary button-small"
                  href={`${base}/invitations/${invitation.handle}/cancel`}
                >
                  Cancel invitation<span class="visually-hidden"> for {invitation.name}</span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="panel" aria-labelledby="invite-title" id="invite">
        <h2 id="invite-title">Invite someone</h2>
        <form method="get" action={`${base}/requests#invite`} class="joining-search" role="search">
          <div class="field">
            <label for="invite-q">Find a person</label>
            <span class="hint" id="invite-q-hint">
              Search by name, handle or email address.
            </span>
            <div class="inline-form">
              <input
                id="invite-q"
                type="search"
                name="q"
                value={search?.q ?? ""}
                maxlength={320}
                aria-describedby="invite-q-hint"
              />
              <button class="button button-secondary" type="submit">
                Search
              </button>
            </div>
          </div>
        </form>
        {search &&
          (search.results.length === 0 ? (
            <p>Nobody matches “{search.q}”. Try part of their name, or their full email address.</p>
          ) : (
            <ul class="joining-list" aria-label="People found">
              {search.results.map((person) => {
                const note = stateNotes[search.states.get(person.id) ?? "left"];
                return (
                  <li class="joining-item joining-item-row">
                    <Who person={person} />
                    {note ? (
                      <p class="muted joining-when">{note}</p>
                    ) : (
                      <a
                        class="button button-small"
                        href={`${base}/invitations/new?person=${encodeURIComponent(person.handle)}`}
                      >
                        Invite<span class="visually-hidden"> {person.name}</span>
                      </a>
                    )}
                  </li>
                );
              })}
            </ul>
          ))}
      </section>
    </div>
  );
}
