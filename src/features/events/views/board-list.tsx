import type { FieldErrors, FormValues } from "../../../platform/http/form.js";
import { EmptyState } from "../../../ui/components/common.js";
import { Button, CsrfField, ErrorSummary, TextArea, TextField } from "../../../ui/components/form.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { BoardProposal } from "../board-queries.js";

/** The part of the board a vote changes; htmx swaps it in place (focus returns to the button by its id). */
export const boardProposalsId = "board-proposals";

const votes = (n: number) => (n === 1 ? "1 vote" : `${n} votes`);

/** What the viewer may do on the board, decided once by the page. */
export interface BoardAbilities {
  canPropose: boolean;
  canVote: boolean;
  /** Why the viewer cannot propose or vote, when they cannot. */
  reason: string | null;
  votesPerPerson: number;
  votesUsed: number;
  viewerId: string | null;
  canManage: boolean;
}

export function ProposeForm({
  ctx,
  action,
  values,
  errors,
}: {
  ctx: PageContext;
  action: string;
  values?: FormValues;
  errors?: FieldErrors;
}) {
  return (
    <form method="post" action={action} class="form board-propose" novalidate>
      <h2>Propose a session</h2>
      <CsrfField token={ctx.csrfToken} />
      <ErrorSummary errors={errors} labels={{ title: "Title", description: "Description" }} />
      <TextField
        name="title"
        label="Title"
        hint="What the session is about, in a few words."
        values={values}
        errors={errors}
      />
      <TextArea
        name="description"
        label="Description (optional)"
        hint="A sentence or two: what you would like to talk about or try, and who it is for."
        rows={3}
        values={values}
        errors={errors}
      />
      <div class="form-actions">
        <Button>Propose this session</Button>
      </div>
    </form>
  );
}

/** Proposals by votes, with the viewer's own votes pressed. */
export function ProposalList({
  ctx,
  base,
  proposals,
  abilities,
}: {
  ctx: PageContext;
  base: string;
  proposals: BoardProposal[];
  abilities: BoardAbilities;
}) {
  if (proposals.length === 0)
    return (
      <EmptyState title="No sessions proposed yet">
        <p>
          {abilities.canPropose
            ? "Be the first: propose a session you would like to run or join."
            : "Sessions people propose will appear here."}
        </p>
      </EmptyState>
    );
  const left = abilities.votesPerPerson - abilities.votesUsed;
  return (
    <ol class="board-proposals">
      {proposals.map((p) => {
        const mayWithdraw =
          abilities.canManage || (abilities.viewerId !== null && p.proposerId === abilities.viewerId);
        const blocked = !p.mine && left <= 0;
        return (
          <li class="board-proposal" id={`proposal-${p.id}`}>
            <div class="board-proposal-main">
              <h3 class="board-proposal-title">{p.title}</h3>
              {p.description && <p class="board-proposal-description">{p.description}</p>}
              <p class="muted board-proposal-meta">
                {p.proposerName ? `Proposed by ${p.proposerName}` : "Proposed by someone who has left"}
              </p>
            </div>
            <div class="board-proposal-votes">
              <span class="board-vote-count">{votes(p.voteCount)}</span>
              {abilities.canVote && (
                <form
                  method="post"
                  action={`${base}/proposals/${p.id}/vote`}
                  class="inline-form"
                  hx-post={`${base}/proposals/${p.id}/vote`}
                  hx-target={`#${boardProposalsId}`}
                  hx-swap="outerHTML"
                >
                  <CsrfField token={ctx.csrfToken} />
                  <button
                    type="submit"
                    id={`vote-${p.id}`}
                    class={
                      p.mine
                        ? "button button-small board-vote board-vote-pressed"
                        : "button button-secondary button-small board-vote"
                    }
                    aria-pressed={p.mine ? "true" : "false"}
                    aria-describedby={blocked ? "votes-left" : undefined}
                  >
                    {p.mine ? "Voted" : "Vote"}
                    <span class="visually-hidden"> for “{p.title}”</span>
                  </button>
                </form>
              )}
              {p.mine && <span class="board-your-vote">Your vote</span>}
            </div>
            {mayWithdraw && (
              <details class="board-withdraw">
                <summary>Withdraw this session</summary>
                <form method="post" action={`${base}/proposals/${p.id}/withdraw`}>
                  <CsrfField token={ctx.csrfToken} />
                  <p>It leaves the board and the schedule, and everyone's votes for it are given back.</p>
                  <Button variant="danger">Yes, withdraw “{p.title}”</Button>
                </form>
              </details>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** "You have 2 of 3 votes left", or why the viewer cannot take part. */
export function VotesLeft({ abilities }: { abilities: BoardAbilities }) {
  if (!abilities.canVote)
    return abilities.reason ? <p class="notice notice-info">{abilities.reason}</p> : null;
  const left = Math.max(0, abilities.votesPerPerson - abilities.votesUsed);
  return (
    <p class="board-votes-left" id="votes-left" aria-live="polite">
      You have <strong>{left}</strong> of {abilities.votesPerPerson}{" "}
      {abilities.votesPerPerson === 1 ? "vote" : "votes"} left.
      {left === 0 && " Take a vote back to vote for another session."}
    </p>
  );
}

/** The votes left and the proposals, as one swappable section. */
export function ProposalsSection({
  ctx,
  base,
  proposals,
  abilities,
  problem,
}: {
  ctx: PageContext;
  base: string;
  proposals: BoardProposal[];
  abilities: BoardAbilities;
  /** A refused vote, said in place when htmx swapped the section in. */
  problem?: string;
}) {
  return (
    <section id={boardProposalsId} aria-labelledby="proposals-title">
      <h2 id="proposals-title">Proposed sessions</h2>
      {problem && (
        <p class="notice board-vote-problem" role="alert">
          {problem}
        </p>
      )}
      <VotesLeft abilities={abilities} />
      <ProposalList ctx={ctx} base={base} proposals={proposals} abilities={abilities} />
    </section>
  );
}
