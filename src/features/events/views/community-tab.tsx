import type { Page } from "../../../platform/http/pagination.js";
import { EmptyState, Pagination } from "../../../ui/components/common.js";
import type { CommunityView } from "../../communities/load.js";
import type { EventSummary } from "../finding-queries.js";
import { EventList } from "./event-list.js";

/** The community's upcoming events, with the way to plan one, subscribe, and read the archive. */
export function EventsTab({
  view,
  page,
  zone,
  canCreate,
  url,
}: {
  view: CommunityView;
  page: Page<EventSummary>;
  zone: string;
  canCreate: boolean;
  url: URL;
}) {
  const { community } = view;
  const base = `/communities/${community.slug}/events`;
  return (
    <div class="stack community-events">
      <div class="community-events-actions">
        {canCreate && (
          <a class="button" href={`${base}/new`}>
            Plan an event
          </a>
        )}
        <a href={`/me/calendar?community=${encodeURIComponent(community.slug)}`}>
          Subscribe to this community's events
        </a>
        <a href={`${base}/archive`}>Past events and their notes</a>
      </div>
      <h2>Upcoming events</h2>
      {page.items.length === 0 ? (
        <EmptyState title="Nothing planned yet">
          <p>
            {canCreate
              ? `Plan the next meeting of ${community.name}: people hear about it in their calendars and notifications.`
              : `No activities of ${community.name} are planned yet. Subscribe to its events to hear when one is, or browse the archive for past ones.`}
          </p>
        </EmptyState>
      ) : (
        <>
          <EventList events={page.items} zone={zone} showHosts />
          <Pagination page={page} baseUrl={url} />
        </>
      )}
    </div>
  );
}
