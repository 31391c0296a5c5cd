import { EmptyState } from "../../../ui/components/common.js";
import type { CommunityView } from "../../communities/load.js";
import { MeanwhileLinks } from "../../communities/views/tab-shared.js";

/** The Events tab until events arrive in Convene. */
export function EventsTab({ view }: { view: CommunityView }) {
  const { community } = view;
  const base = `/communities/${community.slug}`;
  return (
    <div class="tab-empty">
      <EmptyState title="No events yet">
        <p>
          Workshops, talks, meetings and socials run by {community.name} will be listed here, with a place to
          say you are going and, afterwards, the notes and recordings.
        </p>
        <p>
          Until then, the charter gives the community's meeting rhythm, and its channels carry invitations.
        </p>
        <MeanwhileLinks view={view} links={[{ href: `${base}/charter`, label: "See the meeting rhythm" }]} />
      </EmptyState>
    </div>
  );
}
