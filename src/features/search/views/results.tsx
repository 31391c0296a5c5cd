import type { Actor } from "../../../platform/policy.js";
import { activeRoleIn } from "../../../platform/policy.js";
import { Avatar } from "../../../ui/components/avatar.js";
import { EmptyState, LiveFilters, PageHeader } from "../../../ui/components/common.js";
import { formatDate, RelativeTime } from "../../../ui/components/time.js";
import { CommunityCard } from "../../communities/views/card.js";
import type { PersonSummary } from "../../people/queries.js";
import { MAX_PAGES, PAGE_SIZE, type SearchPageQuery } from "../inputs.js";
import type { PostHit } from "../kinds/discussions.js";
import type { EventHit } from "../kinds/events.js";
import type { ResourceHit } from "../kinds/resources.js";
import type { KindResult, Snippet } from "../kinds/shared.js";
import type { ResultKind, SearchResults } from "../queries.js";

const kindLabels: Record<SearchPageQuery["kind"], string> = {
  all: "Everything",
  communities: "Communities",
  discussions: "Discussions",
  resources: "Resources",
  events: "Events",
  people: "People",
};
const nouns: Record<ResultKind, [string, string]> = {
  communities: ["community", "communities"],
  discussions: ["discussion post", "discussion posts"],
  resources: ["resource", "resources"],
  events: ["event", "events"],
  people: ["person", "people"],
};
const resourceKindLabels: Record<string, string> = {
  toolkit: "Toolkit",
  tip_sheet: "Tip-sheet",
  guide: "Guide",
  template: "Template",
  case_study: "Case study",
  link: "Link",
  notes: "Notes",
};
const eventTypeLabels: Record<string, string> = {
  workshop: "Workshop",
  talk: "Talk",
  roundtable: "Roundtable",
  unconference: "Unconference",
  mentoring: "Mentoring",
  social: "Social",
  meeting: "Meeting",
  other: "Event",
};
const threadKindLabels: Record<string, string> = {
  discussion: "Discussion",
  question: "Question",
  announcement: "Announcement",
};

/** A snippet with its highlights as <mark>; every character of the text is escaped by JSX. */
export function Highlighted({ snippet }: { snippet: Snippet }) {
  const parts = [];
  let at = 0;
  for (const [start, end] of snippet.highlights) {
    if (start > at) parts.push(snippet.text.slice(at, start));
    parts.push(<mark>{snippet.text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < snippet.text.length) parts.push(snippet.text.slice(at));
  return <>{parts}</>;
}

export function searchUrl(query: SearchPageQuery, changes: Partial<SearchPageQuery>) {
  const merged = { ...query, ...changes };
  const params = new URLSearchParams();
  params.set("q", merged.q);
  if (merged.kind !== "all") params.set("kind", merged.kind);
  if (merged.community) params.set("community", merged.community);
  if (merged.sort !== "relevance") params.set("sort", merged.sort);
  if (merged.page > 1) params.set("page", String(merged.page));
  return `/search?${params}`;
}

const countText = (result: KindResult<unknown>, kind: ResultKind) =>
  `${result.total.toLocaleString("en-GB")}${result.atLeast ? "+" : ""} ${nouns[kind][result.total === 1 && !result.atLeast ? 0 : 1]}`;

function PostResult({ hit }: { hit: PostHit }) {
  return (
    <li class="search-hit">
      <p class="search-hit-meta">
        <span class="badge badge-muted">
          {hit.type === "reply" ? "Reply" : threadKindLabels[hit.threadKind]}
        </span>
        {hit.answered && (
          <span class="badge search-answered">{hit.type === "reply" ? "Accepted answer" : "Answered"}</span>
        )}
        <span>
          in <a href={`/communities/${hit.communitySlug}`}>{hit.communityName}</a>
        </span>
      </p>
      <h3 class="search-hit-title">
        <a href={hit.url}>
          {hit.type === "reply" ? <>Re: {hit.title}</> : <Highlighted snippet={hit.titleSnippet} />}
        </a>
      </h3>
      {hit.snippet.text && (
        <p class="search-snippet">
          <Highlighted snippet={hit.snippet} />
        </p>
      )}
      <p class="search-hit-byline muted">
        {hit.type === "reply" ? "Reply by " : "Started by "}
        {hit.authorName ?? "a former colleague"}, <RelativeTime date={hit.createdAt} />
      </p>
    </li>
  );
}

function ResourceResult({ hit }: { hit: ResourceHit }) {
  return (
    <li class="search-hit">
      <p class="search-hit-meta">
        <span class="badge badge-muted">{resourceKindLabels[hit.kind] ?? "Resource"}</span>
        {hit.status === "endorsed" && <span class="badge search-answered">Endorsed practice</span>}
        <span>
          {hit.community ? (
            <>
              in <a href={`/communities/${hit.community.slug}`}>{hit.community.name}</a>
            </>
          ) : (
            <>
              in the <a href="/toolkit">starter toolkit</a>
            </>
          )}
        </span>
      </p>
      <h3 class="search-hit-title">
        <a href={hit.url}>
          <Highlighted snippet={hit.titleSnippet} />
        </a>
      </h3>
      {hit.snippet.text && (
        <p class="search-snippet">
          <Highlighted snippet={hit.snippet} />
        </p>
      )}
      <p class="search-hit-byline muted">
        Updated <RelativeTime date={hit.lastEditedAt} />
      </p>
    </li>
  );
}

function EventResult({ hit }: { hit: EventHit }) {
  return (
    <li class="search-hit">
      <p class="search-hit-meta">
        <span class="badge badge-muted">{eventTypeLabels[hit.type] ?? "Event"}</span>
        {hit.cancelled && <span class="badge badge-muted">Cancelled</span>}
        <span>
          by <a href={`/communities/${hit.community.slug}`}>{hit.community.name}</a>
        </span>
      </p>
      <h3 class="search-hit-title">
        <a href={hit.url}>
          <Highlighted snippet={hit.titleSnippet} />
        </a>
      </h3>
      {hit.snippet.text && (
        <p class="search-snippet">
          <Highlighted snippet={hit.snippet} />
        </p>
      )}
      <p class="search-hit-byline muted">
        <time datetime={hit.startsAt.toISOString()}>{formatDate(hit.startsAt, hit.timeZone, true)}</time>
        {hit.cancelled && " (cancelled)"}
      </p>
    </li>
  );
}

function PersonResult({ person }: { person: PersonSummary }) {
  return (
    <li class="person-row">
      <Avatar name={person.name} />
      <span class="who">
        <a href={`/people/${person.handle}`}>{person.name}</a>
        <span>{[person.jobTitle, person.divisionName].filter(Boolean).join(" · ")}</span>
      </span>
    </li>
  );
}

function KindList({ kind, results, actor }: { kind: ResultKind; results: SearchResults; actor: Actor }) {
  if (kind === "communities" && results.communities)
    return (
      <ul class="grid">
        {results.communities.items.map((community) => (
          <CommunityCard community={community} isMember={activeRoleIn(actor, community.id) !== null} />
        ))}
      </ul>
    );
  if (kind === "discussions" && results.discussions)
    return (
      <ol class="search-hits">
        {results.discussions.items.map((hit) => (
          <PostResult hit={hit} />
        ))}
      </ol>
    );
  if (kind === "resources" && results.resources)
    return (
      <ol class="search-hits">
        {results.resources.items.map((hit) => (
          <ResourceResult hit={hit} />
        ))}
      </ol>
    );
  if (kind === "events" && results.events)
    return (
      <ol class="search-hits">
        {results.events.items.map((hit) => (
          <EventResult hit={hit} />
        ))}
      </ol>
    );
  if (kind === "people" && results.people)
    return (
      <ul class="people-list">
        {results.people.items.map((person) => (
          <PersonResult person={person} />
        ))}
      </ul>
    );
  return null;
}

const headings: Record<ResultKind, string> = {
  communities: "Communities",
  discussions: "Discussions",
  resources: "Resources",
  events: "Events",
  people: "People",
};

function SyntaxHelp() {
  return (
    <div class="search-help">
      <h2>How to search</h2>
      <p>
        Search finds communities, and the discussions, resources and events you can read, and colleagues by
        name, job or skill. You can use:
      </p>
      <dl class="facts search-syntax">
        <dt>
          <code>"month end"</code>
        </dt>
        <dd>quotation marks for an exact phrase</dd>
        <dt>
          <code>payroll -pensions</code>
        </dt>
        <dd>a minus sign to leave out posts with a word</dd>
        <dt>
          <code>payroll OR pensions</code>
        </dt>
        <dd>OR (in capitals) for either word</dd>
      </dl>
      <p>
        Looking for someone who can advise? Try the <a href="/experts">expert finder</a>.
      </p>
    </div>
  );
}

function NothingFound({ query, communityName }: { query: SearchPageQuery; communityName: string | null }) {
  return (
    <EmptyState title={`Nothing matches “${query.q}”`}>
      <p>You could:</p>
      <ul>
        <li>use fewer or more general words</li>
        <li>check the spelling, or try another word for the same thing</li>
        {(query.kind !== "all" || query.community) && (
          <li>
            <a href={searchUrl(query, { kind: "all", community: "", page: 1 })}>
              search everything{communityName ? `, not only in ${communityName}` : ""}
            </a>
          </li>
        )}
        <li>
          ask the <a href={`/experts?q=${encodeURIComponent(query.q)}`}>expert finder</a> who can advise on it
        </li>
        <li>
          browse the <a href="/communities">community directory</a>
        </li>
      </ul>
    </EmptyState>
  );
}

export function SearchPage(props: {
  actor: Actor;
  query: SearchPageQuery;
  results: SearchResults | null;
  kinds: ResultKind[];
  community: { slug: string; name: string } | null;
  unknownCommunity: boolean;
  choices: { slug: string; name: string }[];
}) {
  const { actor, query, results, kinds, community } = props;
  const choices =
    community && !props.choices.some((c) => c.slug === community.slug)
      ? [community, ...props.choices]
      : props.choices;
  const shown = results
    ? kinds.filter((kind) => results[kind] && (results[kind]?.items.length ?? 0) > 0)
    : [];
  const single = query.kind !== "all" ? (query.kind as ResultKind) : null;
  const singleResult = single && results ? results[single] : null;
  const lastPage = singleResult ? Math.min(MAX_PAGES, Math.ceil(singleResult.total / PAGE_SIZE) || 1) : 1;
  return (
    <>
      <PageHeader
        title="Search"
        lead={
          actor.kind === "person"
            ? "Find communities, discussions, resources, events and colleagues."
            : "Find communities by name or practice area."
        }
      />
      <LiveFilters action="/search" label="Search Convene">
        <div class="field field-wide">
          <label for="search-q">Search for</label>
          <span class="hint" id="search-q-hint">
            "Quotes" for a phrase, -word to leave a word out, OR for either
          </span>
          <input id="search-q" type="search" name="q" value={query.q} aria-describedby="search-q-hint" />
        </div>
        {kinds.length > 1 && (
          <div class="field">
            <label for="search-kind">Show</label>
            <select id="search-kind" name="kind">
              {(["all", ...kinds] as const).map((kind) => (
                <option value={kind} selected={kind === query.kind}>
                  {kindLabels[kind]}
                </option>
              ))}
            </select>
          </div>
        )}
        {actor.kind === "person" && choices.length > 0 && (
          <div class="field">
            <label for="search-community">Community</label>
            <select id="search-community" name="community">
              <option value="">All communities</option>
              {choices.map((choice) => (
                <option value={choice.slug} selected={choice.slug === query.community}>
                  {choice.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="field">
          <label for="search-sort">Sort by</label>
          <select id="search-sort" name="sort">
            <option value="relevance" selected={query.sort === "relevance"}>
              Best match
            </option>
            <option value="newest" selected={query.sort === "newest"}>
              Newest
            </option>
          </select>
        </div>
        <button class="button" type="submit">
          Search
        </button>
      </LiveFilters>
      <div id="results" class="search-results">
        {props.unknownCommunity && (
          <p class="notice notice-info">
            We could not find a community you can see at that address, so this searches all of them.
          </p>
        )}
        {community && (
          <p class="result-count">
            Only in {community.name}.{" "}
            <a href={searchUrl(query, { community: "", page: 1 })}>Search all communities</a>
          </p>
        )}
        {!query.q && <SyntaxHelp />}
        {query.q && results && shown.length === 0 && (
          <NothingFound query={query} communityName={community?.name ?? null} />
        )}
        {single && singleResult && singleResult.items.length > 0 && (
          <section aria-labelledby={`search-${single}`} class="stack">
            <h2 id={`search-${single}`}>{headings[single]}</h2>
            <p class="result-count">
              {countText(singleResult, single)}
              {lastPage > 1 && `, page ${query.page} of ${lastPage}${singleResult.atLeast ? "+" : ""}`}
            </p>
            <KindList kind={single} results={results!} actor={actor} />
            {lastPage > 1 && (
              <nav class="pagination" aria-label="Pagination">
                <ul>
                  {query.page > 1 && (
                    <li>
                      <a rel="prev" href={searchUrl(query, { page: query.page - 1 })}>
                        ← Previous page
                      </a>
                    </li>
                  )}
                </ul>
                <ul>
                  {query.page < lastPage && (
                    <li>
                      <a rel="next" href={searchUrl(query, { page: query.page + 1 })}>
                        Next page →
                      </a>
                    </li>
                  )}
                </ul>
              </nav>
            )}
            {query.page >= MAX_PAGES && singleResult.total > MAX_PAGES * PAGE_SIZE && (
              <p class="muted">Search shows the first {MAX_PAGES} pages: add a word to narrow it down.</p>
            )}
          </section>
        )}
        {!single &&
          shown.map((kind) => {
            const result = results![kind]!;
            return (
              <section aria-labelledby={`search-${kind}`} class="stack search-group">
                <h2 id={`search-${kind}`}>{headings[kind]}</h2>
                <KindList kind={kind} results={results!} actor={actor} />
                {(result.total > result.items.length || result.atLeast) && (
                  <p>
                    <a href={searchUrl(query, { kind, page: 1 })}>See all {countText(result, kind)}</a>
                  </p>
                )}
              </section>
            );
          })}
        {query.q && actor.kind !== "person" && (
          <p class="muted">
            <a href={`/sign-in?next=${encodeURIComponent(searchUrl(query, {}))}`}>Sign in</a> to search
            discussions, resources, events and colleagues too.
          </p>
        )}
      </div>
    </>
  );
}
