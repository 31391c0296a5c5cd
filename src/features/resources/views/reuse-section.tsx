import { decide } from "../../../platform/policy.js";
import { CsrfField } from "../../../ui/components/form.js";
import type { PageContext } from "../../../ui/page-context.js";
import { type LoadedResource, resourceTarget } from "../load.js";
import {
  type CollectionRef,
  collectionsContaining,
  markLabels,
  marksOf,
  type ReuseCounts,
  recordFirstView,
} from "../reuse-service.js";
import { type ReuseMarkKind, reuseMarkKinds } from "../tables.js";
import type { SectionInput, SectionProps } from "./section.js";

// "This helped me" / "I used this in my work", how many colleagues opened it, and the collections
// it is in. The loader also records the viewer's first view (people other than the owner).

export interface ReuseData {
  counts: ReuseCounts;
  mine: ReuseMarkKind[];
  canMark: boolean;
  /** Why the viewer cannot mark (shown to the owner, so they know why the buttons are absent). */
  markNote: string | null;
  collections: CollectionRef[];
}

export async function loadReuse({ db, loaded, actor, now }: SectionInput): Promise<ReuseData> {
  const { resource } = loaded;
  const [first, mine, inCollections] = await Promise.all([
    recordFirstView(db, actor, loaded, now),
    actor.kind === "person" ? marksOf(db, resource.id, actor.id) : Promise.resolve([]),
    collectionsContaining(db, resource.id),
  ]);
  const decision = decide(actor, "resource.mark", resourceTarget(loaded));
  const isOwner = actor.kind === "person" && actor.id === resource.ownerId;
  return {
    counts: {
      helpedCount: resource.helpedCount,
      usedCount: resource.usedCount,
      viewerCount: resource.viewerCount + (first ? 1 : 0),
    },
    mine,
    canMark: decision.allowed,
    markNote: isOwner && !decision.allowed ? decision.reason : null,
    collections: inCollections,
  };
}

export function collectionUrl(collection: CollectionRef, loaded: LoadedResource) {
  return loaded.community && collection.communityId === loaded.community.id
    ? `/communities/${loaded.community.slug}/collections/${collection.slug}`
    : `/collections/${collection.id}`;
}

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

const countOf = (counts: ReuseCounts, kind: ReuseMarkKind) =>
  kind === "helped" ? counts.helpedCount : counts.usedCount;

const countText = (kind: ReuseMarkKind, n: number) =>
  kind === "helped"
    ? `${plural(n, "person", "people")} found this helpful`
    : `${plural(n, "person", "people")} used this in their work`;

function MarkButton({
  ctx,
  loaded,
  kind,
  pressed,
}: {
  ctx: PageContext;
  loaded: LoadedResource;
  kind: ReuseMarkKind;
  pressed: boolean;
}) {
  const action = `/resources/${loaded.resource.id}/marks/${kind}`;
  return (
    <form
      method="post"
      action={action}
      hx-post={action}
      hx-target="#reuse"
      hx-swap="outerHTML"
      class="inline-form"
    >
      <CsrfField token={ctx.csrfToken} />
      <input type="hidden" name="state" value={pressed ? "off" : "on"} />
      <button
        type="submit"
        class="button button-secondary reuse-toggle"
        aria-pressed={pressed ? "true" : "false"}
      >
        {pressed && <span aria-hidden="true">✓</span>}
        {markLabels[kind]}
      </button>
    </form>
  );
}

export function ReuseSection({ ctx, loaded, data }: SectionProps<ReuseData>) {
  const { counts, mine, canMark, markNote } = data;
  return (
    <section class="reuse" id="reuse" aria-labelledby="reuse-title">
      <h2 id="reuse-title">Use by colleagues</h2>
      {canMark && (
        <div class="reuse-marks">
          {reuseMarkKinds.map((kind) => (
            <MarkButton ctx={ctx} loaded={loaded} kind={kind} pressed={mine.includes(kind)} />
          ))}
        </div>
      )}
      {markNote && <p class="hint">{markNote}</p>}
      <ul class="reuse-counts">
        {reuseMarkKinds.map((kind) => (
          <li>{countText(kind, countOf(counts, kind))}</li>
        ))}
        <li>Viewed by {plural(counts.viewerCount, "colleague", "colleagues")}</li>
      </ul>
      {data.collections.length > 0 && (
        <>
          <h3>In collections</h3>
          <ul class="reuse-collections">
            {data.collections.map((collection) => (
              <li>
                <a href={collectionUrl(collection, loaded)}>{collection.title}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
