import { Avatar } from "../../../ui/components/avatar.js";
import { EmptyState, PageHeader } from "../../../ui/components/common.js";
import { askUrl, type Expert } from "../queries.js";

export const PAGE_SIZE = 20;

export function ExpertFinder({
  q,
  items,
  total,
  offset,
}: {
  q: string;
  items: Expert[];
  total: number;
  offset: number;
}) {
  const link = (at: number) => `/experts?${new URLSearchParams({ q, offset: String(at) })}`;
  return (
    <>
      <PageHeader
        title="Find someone who can advise"
        lead="Search a topic to see colleagues who know about it, and why we suggest them: the skills they list, the answers they have given and what others found helpful."
      />
      <form class="filters" method="get" action="/experts" role="search" aria-label="Find an expert">
        <div class="field field-wide">
          <label for="experts-q">Who can advise on…</label>
          <span class="hint" id="experts-q-hint">
            A topic, for example: payroll, research data, accessibility.
          </span>
          <input
            id="experts-q"
            type="search"
            name="q"
            value={q}
            maxlength={100}
            aria-describedby="experts-q-hint"
          />
        </div>
        <button class="button" type="submit">
          Find people
        </button>
      </form>
      <div id="results">
        {!q ? (
          <EmptyState title="Search for a topic">
            <p>Type what you need help with and we will suggest colleagues who have dealt with it.</p>
          </EmptyState>
        ) : items.length === 0 ? (
          <EmptyState title={`Nobody found for “${q}”`}>
            <p>
              Try a broader word, <a href="/people">browse the people directory</a>, or ask in one of your
              communities: somebody may know somebody.
            </p>
          </EmptyState>
        ) : (
          <>
            <p class="muted" role="status">
              {total === 1 ? "1 person" : `${total} people`} may be able to advise on “{q}”.
            </p>
            <ol class="expert-list" aria-label={`People who may advise on ${q}`} start={offset + 1}>
              {items.map((expert) => (
                <li class="card expert">
                  <div class="person-row">
                    <Avatar name={expert.name} />
                    <div class="who">
                      <h2 class="expert-name">
                        <a href={`/people/${expert.handle}`}>{expert.name}</a>
                      </h2>
                      <span>{[expert.jobTitle, expert.divisionName].filter(Boolean).join(" · ")}</span>
                    </div>
                  </div>
                  <ul class="expert-reasons" aria-label={`Why we suggest ${expert.name}`}>
                    {expert.reasons.map((reason) => (
                      <li>{reason}</li>
                    ))}
                  </ul>
                  <p class="expert-ask">
                    <a class="button button-secondary button-small" href={askUrl(expert, q)}>
                      Ask them<span class="visually-hidden"> ({expert.name})</span>
                    </a>
                    {expert.askIn ? (
                      <span class="muted"> in {expert.askIn.name}</span>
                    ) : (
                      <span class="muted"> on their profile</span>
                    )}
                  </p>
                </li>
              ))}
            </ol>
            {(offset > 0 || offset + items.length < total) && (
              <nav class="pagination" aria-label="Pagination">
                <ul>
                  {offset > 0 && (
                    <li>
                      <a href={link(Math.max(0, offset - PAGE_SIZE))} rel="prev">
                        ← Previous page
                      </a>
                    </li>
                  )}
                </ul>
                <ul>
                  {offset + items.length < total && (
                    <li>
                      <a href={link(offset + PAGE_SIZE)} rel="next">
                        Next page →
                      </a>
                    </li>
                  )}
                </ul>
              </nav>
            )}
          </>
        )}
      </div>
    </>
  );
}
