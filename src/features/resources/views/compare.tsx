import { type DiffPart, hasChanges, wordDiff } from "../../charter/diff.js";
import { kindLabels } from "../inputs.js";
import type { RevisionWithAuthor } from "../queries.js";
import type { ResourceKind } from "../tables.js";
import { RevisionByline } from "./history.js";

/** The fields a revision keeps, in reading order, as text to compare. */
export const comparedFields = [
  { key: "title", label: "Title" },
  { key: "kind", label: "Kind" },
  { key: "summary", label: "Summary" },
  { key: "body", label: "Text" },
  { key: "externalUrl", label: "Link" },
  { key: "tags", label: "Tags" },
] as const;

export interface ComparableContent {
  kind: string;
  title: string;
  summary: string;
  body: string;
  externalUrl: string;
  tags: string[];
}

const textOf = (content: ComparableContent, key: (typeof comparedFields)[number]["key"]) =>
  key === "tags"
    ? content.tags.join(", ")
    : key === "kind"
      ? (kindLabels[content.kind as ResourceKind] ?? content.kind)
      : content[key];

export function fieldChanges(before: ComparableContent, after: ComparableContent) {
  return comparedFields.map(({ key, label }) => {
    const parts = wordDiff(textOf(before, key), textOf(after, key));
    return { key, label, parts, changed: hasChanges(parts) };
  });
}

/**
 * A changed part's words, one mark per line: the spaces and line breaks between are left unmarked,
 * since a box drawn across an empty line reads as a stray mark.
 */
function Changed({ kind, text }: { kind: "added" | "removed"; text: string }) {
  const label = kind === "added" ? "added" : "removed";
  return (
    <>
      {text.split(/(\s*\n\s*|^\s+|\s+$)/).map((piece) => {
        if (!piece.trim()) return piece;
        const inner = (
          <>
            <span class="visually-hidden">[{label}: </span>
            {piece}
            <span class="visually-hidden">]</span>
          </>
        );
        return kind === "added" ? <ins>{inner}</ins> : <del>{inner}</del>;
      })}
    </>
  );
}

/** Words added and removed, marked up so that the change does not rely on colour alone. */
export function DiffText({ parts }: { parts: DiffPart[] }) {
  return (
    <p class="diff">
      {parts.map((part) =>
        part.kind === "same" ? <span>{part.text}</span> : <Changed kind={part.kind} text={part.text} />,
      )}
    </p>
  );
}

export function DiffLegend() {
  return (
    <p class="diff-legend">
      <span>
        <ins>Underlined text on green</ins> was added.
      </span>{" "}
      <span>
        <del>Struck-through text on red</del> was removed.
      </span>
    </p>
  );
}

/** The changed fields between two versions, each as a word diff; unchanged ones named in one line. */
export function FieldDiffs({
  before,
  after,
  headingLevel = 3,
}: {
  before: ComparableContent;
  after: ComparableContent;
  headingLevel?: 3 | 4;
}) {
  const changes = fieldChanges(before, after);
  const changed = changes.filter((c) => c.changed);
  const unchanged = changes.filter((c) => !c.changed).map((c) => c.label);
  if (changed.length === 0) return <p class="muted">The two versions are the same.</p>;
  return (
    <>
      {changed.map((change) => (
        <section class="diff-field">
          {headingLevel === 3 ? <h3>{change.label}</h3> : <h4>{change.label}</h4>}
          <DiffText parts={change.parts} />
        </section>
      ))}
      {unchanged.length > 0 && (
        <p class="diff-field diff-unchanged muted">No change to: {unchanged.join(", ")}.</p>
      )}
    </>
  );
}

/** /resources/:id/compare?from=&to= */
export function CompareView({
  resourceId,
  from,
  to,
  current,
}: {
  resourceId: string;
  from: RevisionWithAuthor;
  to: RevisionWithAuthor;
  current: number;
}) {
  const base = `/resources/${resourceId}`;
  return (
    <div class="stack">
      <section class="panel" aria-labelledby="compare-heading">
        <h2 id="compare-heading">
          Revision {from.number} compared with revision {to.number}
        </h2>
        <ul class="resource-compare-sides">
          <li>
            <strong>Revision {from.number}</strong>: <RevisionByline revision={from} />
          </li>
          <li>
            <strong>Revision {to.number}</strong>: <RevisionByline revision={to} />
            {to.number === current && <span class="badge">Current</span>}
          </li>
        </ul>
        <DiffLegend />
        <FieldDiffs before={from} after={to} />
      </section>
      <p>
        <a href={`${base}/history`}>Back to the history</a> · <a href={base}>Back to the resource</a>
      </p>
    </div>
  );
}
