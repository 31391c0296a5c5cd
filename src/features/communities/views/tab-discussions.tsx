import { EmptyState } from "../../../ui/components/common.js";
import type { CommunityView } from "../load.js";
import { channelsOf, MeanwhileLinks } from "./tab-shared.js";

/** The Discussions tab until discussions arrive in Convene. */
export function DiscussionsTab({ view }: { view: CommunityView }) {
  const { community } = view;
  const base = `/communities/${community.slug}`;
  const hasChannels = channelsOf(community).length > 0;
  return (
    <div class="tab-empty">
      <EmptyState title="No discussions yet">
        <p>
          Questions, answers and conversations between members of {community.name} will appear here, so that
          anyone can find what has already been asked.
        </p>
        <p>
          {hasChannels
            ? "Until then, the community talks in its own channels. Its charter says how members keep in touch."
            : "Until then, the charter says how members keep in touch."}
        </p>
        <MeanwhileLinks view={view} links={[{ href: `${base}/charter`, label: "Read the charter" }]} />
      </EmptyState>
    </div>
  );
}
