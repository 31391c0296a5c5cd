import type { Child } from "hono/jsx";
import type { Page } from "../../../platform/http/pagination.js";
import { LiveFilters, Pagination } from "../../../ui/components/common.js";
import {
  type FindingQuery,
  findingSortLabels,
  findingSorts,
  findingStatuses,
  findingStatusLabels,
} from "../finding-inputs.js";
import type { ResourceListItem } from "../finding-queries.js";
import { kindLabels } from "../inputs.js";
import { resourceKinds } from "../tables.js";
import { ResourceCard } from "./resource-card.js";

/** The query string of a list with some values changed (the cursor is dropped: filters start again). */
export function listUrl(action: string, query: FindingQuery, changes: Partial<FindingQuery>) {
  const merged = { ...query, ...changes, cursor: undefined };
  const params = new URLSearchParams();
  if (merged.kind) params.set("kind", merged.kind);
  if (merged.tag) params.set("tag", merged.tag);
  if (merged.status !== "current") params.set("status", merged.status);
  if (merged.sort !== "updated") params.set("sort", merged.sort);
  if (merged.community) params.set("community", merged.community);
  const text = params.toString();
  return text ? `${action}?${text}` : action;
}

/** Filters (kind, tag, status, sort, and optionally community), the resources, and pages. */
export function ResourceList(props: {
  action: string;
  query: FindingQuery;
  page: Page<ResourceListItem>;
  today: string;
  currentUrl: URL;
  showCommunity?: boolean;
  communityChoices?: { slug: string; name: string }[];
  empty: Child;
}) {
  const { action, query, page, today } = props;
  const filtered = Boolean(query.kind || query.tag || query.status !== "current" || query.community);
  return (
    <>
      <LiveFilters action={action} label="Filter resources">
        <div class="field">
          <label for="resources-kind">Kind</label>
          <select id="resources-kind" name="kind">
            <option value="">All kinds</option>
            {resourceKinds.map((kind) => (
              <option value={kind} selected={kind === query.kind}>
                {kindLabels[kind]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="resources-tag">Tag</label>
          <input id="resources-tag" type="search" name="tag" value={query.tag} maxlength={60} />
        </div>
        <div class="field">
          <label for="resources-status">Show</label>
          <select id="resources-status" name="status">
            {findingStatuses.map((status) => (
              <option value={status} selected={status === query.status}>
                {findingStatusLabels[status]}
              </option>
            ))}
          </select>
        </div>
        {props.communityChoices && (
          <div class="field">
            <label for="resources-community">Community</label>
            <select id="resources-community" name="community">
              <option value="">All you can read</option>
              <option value="toolkit" selected={query.community === "toolkit"}>
                Starter toolkit
              </option>
              {props.communityChoices.map((choice) => (
                <option value={choice.slug} selected={choice.slug === query.community}>
                  {choice.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="field">
          <label for="resources-sort">Sort by</label>
          <select id="resources-sort" name="sort">
            {findingSorts.map((sort) => (
              <option value={sort} selected={sort === query.sort}>
                {findingSortLabels[sort]}
              </option>
            ))}
          </select>
        </div>
        <button class="button button-secondary" type="submit">
          Apply
        </button>
      </LiveFilters>
      <div id="results" class="resource-results">
        {query.tag && (
          <p class="result-count">
            Tagged “{query.tag}”. <a href={listUrl(action, query, { tag: "" })}>Show every tag</a>
          </p>
        )}
        {page.items.length === 0 ? (
          filtered && !page.previous ? (
            <div class="empty-state">
              <h2>Nothing matches these filters</h2>
              <p>
                Try another kind or tag, or <a href={action}>show all published resources</a>.
              </p>
            </div>
          ) : (
            props.empty
          )
        ) : (
          <ul class="resource-list">
            {page.items.map((item) => (
              <ResourceCard
                item={item}
                today={today}
                showCommunity={props.showCommunity}
                tagHref={(tag) => listUrl(action, query, { tag })}
              />
            ))}
          </ul>
        )}
        <Pagination page={page} baseUrl={props.currentUrl} />
      </div>
    </>
  );
}
