import { RelativeTime } from "../../../ui/components/time.js";
import type { CommunityCard as Card } from "../directory-queries.js";
import { stageLabels, typeLabels } from "../inputs.js";

export function CommunityCard({ community, isMember }: { community: Card; isMember: boolean }) {
  return (
    <li class="card">
      <h2>
        <a href={`/communities/${community.slug}`}>{community.name}</a>
      </h2>
      {community.tagline && <p>{community.tagline}</p>}
      <ul class="tags" aria-label="Practice areas">
        {community.practiceAreas.slice(0, 4).map((area) => (
          <li>
            <span class="tag">{area}</span>
          </li>
        ))}
      </ul>
      <div class="card-meta">
        <span>
          {community.memberCount} {community.memberCount === 1 ? "member" : "members"}
        </span>
        <span>{typeLabels[community.type as keyof typeof typeLabels]}</span>
        <span>{stageLabels[community.stage as keyof typeof stageLabels]} stage</span>
        <span>
          Active <RelativeTime date={community.lastActivityAt} />
        </span>
        {isMember && <span class="badge">You are a member</span>}
        {community.status !== "active" && <span class="badge badge-muted">{community.status}</span>}
        {community.visibility === "unlisted" && <span class="badge badge-muted">Unlisted</span>}
      </div>
    </li>
  );
}
