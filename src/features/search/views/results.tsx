import type { Child } from "hono/jsx";
import type { Actor } from "../../../platform/policy.js";
import { activeRoleIn } from "../../../platform/policy.js";
import { Avatar } from "../../../ui/components/avatar.js";
import { EmptyState, LiveFilters, PageHeader } from "../../../ui/components/common.js";
import { FilterSelect } from "../../../ui/components/filters.js";
import { formatDate, RelativeTime } from "../../../ui/components/time.js";
import { CommunityCard } from "../../communities/views/card.js";
import { typeLabels } from "../../events/finding-inputs.js";
import type { PersonSummary } from "../../people/queries.js";
import { kindLabels as resourceKinds } from "../../resources/inputs.js";
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
const sortOptions = [
  ["relevance", "Best match"],
  ["newest", "Newest"],
] as const;
const nouns: Record<ResultKind, [string, string]> = {
  communities: ["community", "communities"],
  discussions: ["discussion post", "discussion posts"],
  resources: ["resource", "resources"],
  events: ["event", "events"],
  people: ["person", "people"],
};
const resourceKindLabels: Record<string, string> = resourceKinds;
// Search names an event of type "other" plainly as an event.
const eventTypeLabels: Record<string, string> = { ...typeLabels, other: "Event" };
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

/** The block every post, resource and event hit shares: badges and place, linked title, snippet, byline. */
function SearchHit(props: { meta: Child; url: string; title: Child; snippet: Snippet; byline: Child }) {
  return (
    <li class="search-hit">
      <p class="search-hit-meta">{props.meta}</p>
      <h3 class="search-hit-title">
        <a href={props.url}>{props.title}</a>
      </h3>
      {props.snippet.text && (
        <p class="search-snippet">
          <Highlighted snippet={props.snippet} />
        </p>
      )}
      <p class="search-hit-byline muted">{props.byline}</p>
    </li>
  );
}

function PostResult({ hit }: { hit: PostHit }) {
  const reply = hit.type === "reply";
  return (
    <SearchHit
      url={hit.url}
      snippet={hit.snippet}
      meta={
        <>
          <span class="badge badge-muted">{reply ? "Reply" : threadKindLabels[hit.threadKind]}</span>
          {hit.answered && (
            <span class="badge search-answered">{reply ? "Accepted answer" : "Answered"}</span>
          )}
          <span>
            in <a href={`/communities/${hit.communitySlug}`}>{hit.communityName}</a>
          </span>
        </>
      }
      title={reply ? <>Re: {hit.title}</> : <Highlighted snippet={hit.titleSnippet} />}
      byline={
        <>
          {reply ? "Reply by " : "Started by "}
          {hit.authorName ?? "a former colleague"}, <RelativeTime date={hit.createdAt} />
        </>
      }
    />
  );
}

function ResourceResult({ hit }: { hit: ResourceHit }) {
  return (
    <SearchHit
      url={hit.url}
      snippet={hit.snippet}
      meta={
        <>
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
        </>
      }
      title={<Highlighted snippet={hit.titleSnippet} />}
      byline={
        <>
          Updated <RelativeTime date={hit.lastEditedAt} />
        </>
      }
    />
  );
}

function EventResult({ hit }: { hit: EventHit }) {
  return (
    <SearchHit
      url={hit.url}
      snippet={hit.snippet}
      meta={
        <>
          <span class="badge badge-muted">{eventTypeLabels[hit.type] ?? "Event"}</span>
          {hit.cancelled && <span class="badge badge-muted">Cancelled</span>}
          <span>
            by <a href={`/communities/${hit.community.slug}`}>{hit.community.name}</a>
          </span>
        </>
      }
      title={<Highlighted snippet={hit.titleSnippet} />}
      byline={
        <>
          <time datetime={hit.startsAt.toISOString()}>{formatDate(hit.startsAt, hit.timeZone, true)}</time>
          {hit.cancelled && " (cancelled)"}
        </>
      }
    />
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
  const hits =
    kind === "discussions"
      ? results.discussions?.items.map((hit) => <PostResult hit={hit} />)
      : kind === "resources"
        ? results.resources?.items.map((hit) => <ResourceResult hit={hit} />)
        : kind === "events"
          ? results.events?.items.map((hit) => <EventResult hit={hit} />)
          : undefined;
  if (hits) return <ol class="search-hits">{hits}</ol>;
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
          <FilterSelect
            id="search-kind"
            name="kind"
            label="Show"
            options={(["all", ...kinds] as const).map((kind) => [kind, kindLabels[kind]] as const)}
            value={query.kind}
          />
        )}
        {actor.kind === "person" && choices.length > 0 && (
          <FilterSelect
            id="search-community"
            name="community"
            label="Community"
            all="All communities"
            options={choices.map((choice) => [choice.slug, choice.name] as const)}
            value={query.community}
          />
        )}
        <FilterSelect id="search-sort" name="sort" label="Sort by" options={sortOptions} value={query.sort} />
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
