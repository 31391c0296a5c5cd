import type { Page } from "../../../platform/http/pagination.js";
import { EmptyState } from "../../../ui/components/common.js";
import type { CommunityView } from "../../communities/load.js";
import type { FindingQuery } from "../finding-inputs.js";
import type { ResourceListItem } from "../finding-queries.js";
import { ResourceList } from "./resource-list.js";

/** A community's Resources tab: its repertoire, filtered and sorted, with the ways to add to it. */
export function ResourcesTab(props: {
  view: CommunityView;
  query: FindingQuery;
  page: Page<ResourceListItem>;
  today: string;
  currentUrl: URL;
  canCreate: boolean;
  isLead: boolean;
}) {
  const { community } = props.view;
  const base = `/communities/${community.slug}`;
  return (
    <section class="resources-tab" aria-labelledby="resources-heading">
      <div class="discussions-header">
        <h2 id="resources-heading">Resources</h2>
        {props.canCreate && (
          <a class="button" href={`${base}/resources/new`}>
            Write a resource
          </a>
        )}
      </div>
      <p class="resources-tab-links">
        <a href={`${base}/collections`}>Collections</a>
        {props.isLead && (
          <>
            {" · "}
            <a href={`${base}/resources/due`}>Due for review</a>
          </>
        )}
        {" · "}
        <a href="/toolkit">Starter toolkit</a>
      </p>
      <ResourceList
        action={`${base}/resources`}
        query={props.query}
        page={props.page}
        today={props.today}
        currentUrl={props.currentUrl}
        empty={
          <EmptyState title={`${community.name} has no resources yet`}>
            <p>
              Guides, templates, tip-sheets and case studies that members write and recommend will be
              collected here, with the practices the community has agreed on.
            </p>
            {props.canCreate ? (
              <p>
                Start with something a newcomer would find useful:{" "}
                <a href={`${base}/resources/new`}>write a resource</a>, or adapt an item from the{" "}
                <a href="/toolkit">starter toolkit</a>.
              </p>
            ) : (
              <p>
                Meanwhile, the <a href="/toolkit">starter toolkit</a> has guides for every stage of a
                community's life.
              </p>
            )}
          </EmptyState>
        }
      />
    </section>
  );
}
