import type { Page } from "../../../platform/http/pagination.js";
import type { Actor } from "../../../platform/policy.js";
import { EmptyState, LiveFilters, PageHeader, Pagination } from "../../../ui/components/common.js";
import { FilterSelect } from "../../../ui/components/filters.js";
import type { OpenProposal } from "../../proposals/queries.js";
import { ProposedCommunities } from "../../proposals/views/parts.js";
import type { CommunityDirectoryQuery } from "../directory-inputs.js";
import type { CommunityCard as Card } from "../directory-queries.js";
import { stageLabels, typeLabels } from "../inputs.js";
import { CommunityCard } from "./card.js";

const sortLabels = {
  activity: "Recently active",
  newest: "Newest",
  size: "Most members",
  name: "Name (A to Z)",
};

const statusLabels = {
  "": "Active and dormant",
  active: "Active",
  dormant: "Dormant",
  closed: "Closed",
};

export function CommunityDirectory({
  actor,
  page,
  query,
  url,
  canCreate,
  canPropose,
  proposals,
  csrfToken,
}: {
  actor: Actor;
  page: Page<Card>;
  query: CommunityDirectoryQuery;
  url: URL;
  canCreate: boolean;
  canPropose: boolean;
  /** Proposed communities under review; null when the page shows only the viewer's own. */
  proposals: OpenProposal[] | null;
  csrfToken: string;
}) {
  const filtered = Boolean(query.q || query.type || query.area || query.stage || query.status || query.mine);
  const memberOf = (id: string) => {
    const state = actor.kind === "person" ? actor.memberships.get(id)?.state : undefined;
    return state === "active" || state === "on_break";
  };
  return (
    <>
      <PageHeader
        title={query.mine ? "Your communities" : "Communities"}
        lead="Communities of practice bring together people who do similar work, to share what they know and get better at it together."
        actions={
          (canCreate || canPropose) && (
            <>
              {canPropose && (
                <a class={canCreate ? "button button-secondary" : "button"} href="/communities/propose">
                  Propose a community
                </a>
              )}
              {canCreate && (
                <a class="button" href="/communities/new">
                  Create a community
                </a>
              )}
            </>
          )
        }
      />
      <LiveFilters action="/communities" label="Find communities">
        <div class="field field-wide">
          <label for="communities-q">Name or practice area</label>
          <input id="communities-q" type="search" name="q" value={query.q} />
        </div>
        <FilterSelect
          id="communities-type"
          name="type"
          label="Type"
          all="All types"
          options={Object.entries(typeLabels)}
          value={query.type}
        />
        <div class="field">
          <label for="communities-area">Practice area</label>
          <input id="communities-area" type="search" name="area" value={query.area} />
        </div>
        <FilterSelect
          id="communities-stage"
          name="stage"
          label="Stage"
          all="All stages"
          options={Object.entries(stageLabels)}
          value={query.stage}
        />
        <FilterSelect
          id="communities-status"
          name="status"
          label="Status"
          options={Object.entries(statusLabels)}
          value={query.status}
        />
        <FilterSelect
          id="communities-sort"
          name="sort"
          label="Sort by"
          options={Object.entries(sortLabels)}
          value={query.sort}
        />
        {actor.kind === "person" && (
          <div class="choice directory-mine">
            <input id="communities-mine" type="checkbox" name="mine" value="1" checked={query.mine === "1"} />
            <label for="communities-mine">Only mine</label>
          </div>
        )}
        <div class="directory-filter-actions">
          <button class="button" type="submit">
            Search
          </button>
          {filtered && <a href="/communities">Clear filters</a>}
        </div>
      </LiveFilters>
      <div id="results">
        {page.items.length === 0 ? (
          <EmptyState
            title={
              query.mine && !query.q && !query.type && !query.area && !query.stage && !query.status
                ? "You have not joined a community yet"
                : "No community matches that search"
            }
          >
            <p>
              {query.mine ? (
                <>
                  <a href="/communities">Browse all communities</a> to find one in your area.
                </>
              ) : (
                <>
                  Try fewer words or filters, or a broader practice area such as “content” or “projects”.
                  {canPropose && (
                    <>
                      {" "}
                      If there is no community for your practice,{" "}
                      <a href="/communities/propose">propose one</a>.
                    </>
                  )}
                </>
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
      {proposals && (
        <ProposedCommunities
          proposals={proposals}
          csrfToken={csrfToken}
          viewerId={actor.kind === "person" ? actor.id : null}
          canPropose={canPropose}
        />
      )}
    </>
  );
}
