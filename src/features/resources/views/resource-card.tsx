import { Tags } from "../../../ui/components/common.js";
import { RelativeTime } from "../../../ui/components/time.js";
import type { ResourceListItem } from "../finding-queries.js";
import { kindLabels } from "../inputs.js";
import { isDueForReview } from "../presenters.js";

/** The badges of a resource in a list: kind, then status and review in words, never colour alone. */
export function ResourceBadges({ item, today }: { item: ResourceListItem; today: string }) {
  return (
    <p class="resource-card-badges">
      <span class="badge badge-muted">{kindLabels[item.kind]}</span>
      {item.status === "endorsed" && <span class="badge resource-endorsed">Endorsed practice</span>}
      {item.status === "draft" && <span class="badge badge-muted">Draft</span>}
      {item.status === "archived" && <span class="badge badge-muted">Archived</span>}
      {isDueForReview(item.reviewBy, item.status, today) && (
        <span class="badge resource-due">Due for review</span>
      )}
    </p>
  );
}

/** One resource in a list. `showCommunity`: lists across communities say where each one lives. */
export function ResourceCard({
  item,
  today,
  showCommunity,
  tagHref,
}: {
  item: ResourceListItem;
  today: string;
  showCommunity?: boolean;
  tagHref?: (tag: string) => string;
}) {
  const counts = [
    item.helpedCount > 0
      ? `helped ${item.helpedCount === 1 ? "1 person" : `${item.helpedCount} people`}`
      : "",
    item.usedCount > 0 ? `used by ${item.usedCount === 1 ? "1 person" : `${item.usedCount} people`}` : "",
  ].filter(Boolean);
  return (
    <li class={`resource-card${item.status === "endorsed" ? " resource-card-endorsed" : ""}`}>
      <ResourceBadges item={item} today={today} />
      <h3 class="resource-card-title">
        <a href={`/resources/${item.id}`}>{item.title}</a>
      </h3>
      {item.summary && <p class="resource-card-summary">{item.summary}</p>}
      <p class="resource-card-meta muted">
        {showCommunity &&
          (item.communitySlug ? (
            <>
              In <a href={`/communities/${item.communitySlug}`}>{item.communityName}</a>
              {" · "}
            </>
          ) : (
            <>
              In the <a href="/toolkit">starter toolkit</a>
              {" · "}
            </>
          ))}
        {item.ownerName ? `By ${item.ownerName} · ` : ""}
        Updated <RelativeTime date={item.lastEditedAt} />
        {counts.length > 0 && ` · ${counts.join(", ")}`}
      </p>
      <Tags tags={item.tags} hrefFor={tagHref} />
    </li>
  );
}
