import { raw } from "hono/html";
import type { Page } from "../../../platform/http/pagination.js";
import { renderMarkdown } from "../../../platform/markdown.js";
import { EmptyState, Pagination } from "../../../ui/components/common.js";
import type { CollectionEntry, CollectionSummary } from "../collections-queries.js";
import type { LoadedCollection } from "../collections-service.js";
import { EntryBadges } from "./collection-parts.js";

const itemsText = (n: number) => (n === 1 ? "1 resource" : `${n} resources`);

/** A list of collections, with an empty state that says what to do next. */
export function CollectionList({
  page,
  baseUrl,
  hrefFor,
  newHref,
}: {
  page: Page<CollectionSummary>;
  baseUrl: URL;
  hrefFor: (collection: CollectionSummary) => string;
  newHref: string | null;
}) {
  return (
    <section class="collections" aria-labelledby="collections-title">
      <div class="page-header-row">
        <h2 id="collections-title">Collections</h2>
        {newHref && (
          <a class="button" href={newHref}>
            Create a collection
          </a>
        )}
      </div>
      <p class="muted">Resources gathered in order, to work through as one toolkit.</p>
      {page.items.length === 0 ? (
        <EmptyState title="No collections yet">
          <p>
            {newHref
              ? "Gather the resources a newcomer should read first, in the order they should read them."
              : "Convenors and core members can gather resources into collections."}
          </p>
        </EmptyState>
      ) : (
        <ul class="collection-cards">
          {page.items.map((collection) => (
            <li class="card">
              <h3>
                <a href={hrefFor(collection)}>{collection.title}</a>
              </h3>
              <p class="card-meta">{itemsText(collection.itemCount)}</p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} baseUrl={baseUrl} />
    </section>
  );
}

/** The collection itself: description, then its resources in order. */
export function CollectionBody({
  loaded,
  entries,
  now,
  manageHref,
  headingLevel,
}: {
  loaded: LoadedCollection;
  entries: CollectionEntry[];
  now: Date;
  manageHref: string | null;
  /** 1 on a page of its own; 2 inside the community frame (whose h1 is the community). */
  headingLevel: 1 | 2;
}) {
  const { collection } = loaded;
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <article class="collection" aria-labelledby="collection-title">
      <div class="page-header-row">
        <Heading id="collection-title">{collection.title}</Heading>
        {manageHref && (
          <a class="button button-secondary" href={manageHref}>
            Arrange this collection
          </a>
        )}
      </div>
      {collection.description && <div class="prose">{raw(renderMarkdown(collection.description))}</div>}
      {entries.length === 0 ? (
        <EmptyState title="This collection is empty">
          <p>
            {manageHref
              ? "Add published resources to it, then put them in the order people should read them."
              : "Its resources will appear here once they are added."}
          </p>
        </EmptyState>
      ) : (
        <ol class="collection-items">
          {entries.map((entry) => (
            <li class="collection-item">
              <h3>
                <a href={`/resources/${entry.id}`}>{entry.title}</a>
              </h3>
              <EntryBadges entry={entry} now={now} />
              {entry.summary && <p>{entry.summary}</p>}
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
