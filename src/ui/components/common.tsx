import type { Child } from "hono/jsx";
import type { Page } from "../../platform/http/pagination.js";

export function PageHeader({ title, lead, actions }: { title: string; lead?: Child; actions?: Child }) {
  return (
    <div class="page-header">
      <div class="page-header-row">
        <h1>{title}</h1>
        {actions && <div class="inline-form">{actions}</div>}
      </div>
      {lead && <p class="lead">{lead}</p>}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: Child }) {
  return (
    <div class="empty-state">
      <h2>{title}</h2>
      {children}
    </div>
  );
}

/** Previous / next links that keep the page's other query parameters. */
export function Pagination({ page, baseUrl }: { page: Page<unknown>; baseUrl: URL }) {
  if (!page.next && !page.previous) return null;
  const link = (cursor: string) => {
    const url = new URL(baseUrl);
    url.searchParams.set("cursor", cursor);
    return `${url.pathname}${url.search}`;
  };
  return (
    <nav class="pagination" aria-label="Pagination">
      <ul>
        {page.previous && (
          <li>
            <a href={link(page.previous)} rel="prev">
              ← Previous page
            </a>
          </li>
        )}
      </ul>
      <ul>
        {page.next && (
          <li>
            <a href={link(page.next)} rel="next">
              Next page →
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

export function Tags({ tags, hrefFor }: { tags: string[]; hrefFor?: (tag: string) => string }) {
  if (tags.length === 0) return null;
  return (
    <ul class="tags">
      {tags.map((tag) => (
        <li>
          {hrefFor ? (
            <a class="tag" href={hrefFor(tag)}>
              {tag}
            </a>
          ) : (
            <span class="tag">{tag}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * A GET search form whose results (the element with id "results") update as people type, through
 * htmx; without JavaScript it submits as usual.
 */
export function LiveFilters({ action, label, children }: { action: string; label: string; children: Child }) {
  return (
    <form
      class="filters"
      method="get"
      action={action}
      hx-get={action}
      hx-trigger="input changed delay:350ms from:input[type=search], change"
      hx-target="#results"
      hx-select="#results"
      hx-swap="outerHTML"
      hx-push-url="true"
      role="search"
      aria-label={label}
    >
      {children}
    </form>
  );
}
