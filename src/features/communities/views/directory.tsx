import type { Page } from "../../../platform/http/pagination.js";
import type { Actor } from "../../../platform/policy.js";
import { EmptyState, LiveFilters, PageHeader, Pagination } from "../../../ui/components/common.js";
import type { CommunityDirectoryQuery } from "../directory-inputs.js";
import type { CommunityCard as Card } from "../directory-queries.js";
import { typeLabels } from "../inputs.js";
import { CommunityCard } from "./card.js";

const sortLabels = {
  activity: "Recently active",
  newest: "Newest",
  size: "Most members",
  name: "Name (A to Z)",
};

export function CommunityDirectory({
  actor,
  page,
  query,
  url,
  canCreate,
}: {
  actor: Actor;
  page: Page<Card>;
  query: CommunityDirectoryQuery;
  url: URL;
  canCreate: boolean;
}) {
  const filtered = Boolean(query.q || query.type || query.mine);
  const memberOf = (id: string) => actor.kind === "person" && actor.memberships.has(id);
  return (
    <>
      <PageHeader
        title={query.mine ? "Your communities" : "Communities"}
        lead="Communities of practice bring together people who do similar work, to share what they know and get better at it together."
        actions={
          canCreate && (
            <a class="button" href="/communities/new">
              Create a community
            </a>
          )
        }
      />
      <LiveFilters action="/communities" label="Find communities">
        <div class="field field-wide">
          <label for="communities-q">Name or practice area</label>
          <input id="communities-q" type="search" name="q" value={query.q} />
        </div>
        <div class="field">
          <label for="communities-type">Type</label>
          <select id="communities-type" name="type">
            <option value="">All types</option>
            {Object.entries(typeLabels).map(([value, label]) => (
              <option value={value} selected={value === query.type}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="communities-sort">Sort by</label>
          <select id="communities-sort" name="sort">
            {Object.entries(sortLabels).map(([value, label]) => (
              <option value={value} selected={value === query.sort}>
                {label}
              </option>
            ))}
          </select>
        </div>
        {actor.kind === "person" && (
          <div class="choice" style="align-self:center">
            <input id="communities-mine" type="checkbox" name="mine" value="1" checked={query.mine === "1"} />
            <label for="communities-mine">Only mine</label>
          </div>
        )}
        <button class="button" type="submit">
          Search
        </button>
        {filtered && <a href="/communities">Clear</a>}
      </LiveFilters>
      <div id="results">
        {page.items.length === 0 ? (
          <EmptyState
            title={query.mine ? "You have not joined a community yet" : "No community matches that search"}
          >
            <p>
              {query.mine ? (
                <>
                  <a href="/communities">Browse all communities</a> to find one in your area.
                </>
              ) : (
                "Try fewer words, or a broader practice area such as “content” or “projects”."
              )}
            </p>
          </EmptyState>
        ) : (
          <ul class="grid" aria-label="Communities">
            {page.items.map((community) => (
              <CommunityCard community={community} isMember={memberOf(community.id)} />
            ))}
          </ul>
        )}
        <Pagination page={page} baseUrl={url} />
      </div>
    </>
  );
}
