import { EmptyState } from "../../../ui/components/common.js";
import type { CommunityView } from "../../communities/load.js";
import { MeanwhileLinks } from "../../communities/views/tab-shared.js";

/** The Resources tab until resources arrive in Convene. */
export function ResourcesTab({ view }: { view: CommunityView }) {
  const { community } = view;
  const base = `/communities/${community.slug}`;
  return (
    <div class="tab-empty">
      <EmptyState title="No resources yet">
        <p>
          The guides, templates, tip-sheets and case studies that members of {community.name} write and
          recommend will be collected here, with the practices the community has agreed on.
        </p>
        <p>
          Until then, look in the community's own channels, or read the charter for the tools it uses to share
          work.
        </p>
        <MeanwhileLinks view={view} links={[{ href: `${base}/charter`, label: "Read the charter" }]} />
      </EmptyState>
    </div>
  );
}
