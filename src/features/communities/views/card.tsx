import { RelativeTime } from "../../../ui/components/time.js";
import type { CommunityCard as Card } from "../directory-queries.js";
import { stageLabels, typeLabels } from "../inputs.js";

const statusBadges: Record<string, string> = { dormant: "Dormant", closed: "Closed", proposed: "Proposed" };

/** How people get in, in a word or two: shown only when it is not simply "join at once". */
function accessHints(community: Card): string[] {
  const hints: string[] = [];
  if (community.joinPolicy === "invite") hints.push("Invite only");
  else if (community.joinPolicy === "request") hints.push("Request to join");
  if (community.contentAccess === "members") hints.push("Members only");
  return hints;
}

export function CommunityCard({ community, isMember }: { community: Card; isMember: boolean }) {
  const hints = accessHints(community);
  return (
    <li
      class={
        community.status === "closed" ? "card community-card community-card-closed" : "card community-card"
      }
    >
      <h2>
        <a href={`/communities/${community.slug}`}>{community.name}</a>
      </h2>
      {(community.status !== "active" || isMember || community.visibility === "unlisted") && (
        <p class="community-card-badges">
          {community.status !== "active" && (
            <span class={`badge community-status-${community.status}`}>
              {statusBadges[community.status] ?? community.status}
            </span>
          )}
          {isMember && <span class="badge">You are a member</span>}
          {community.visibility === "unlisted" && <span class="badge badge-muted">Unlisted</span>}
        </p>
      )}
      {community.tagline && <p>{community.tagline}</p>}
      <ul class="tags" aria-label="Practice areas">
        {community.practiceAreas.slice(0, 4).map((area) => (
          <li>
            <a class="tag" href={`/communities?area=${encodeURIComponent(area)}`}>
              {area}
            </a>
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
        {hints.map((hint) => (
          <span class="access-hint">{hint}</span>
        ))}
      </div>
    </li>
  );
}
