import { diffWords } from "diff";
import { EmptyState } from "../../../ui/components/common.js";
import { formatDate } from "../../../ui/components/time.js";

export interface Version {
  label: string;
  title: string | null;
  body: string;
  editorName: string | null;
  at: Date;
}

/** Words added and removed between two texts, as <ins> and <del>. */
function Diff({ before, after }: { before: string; after: string }) {
  return (
    <pre class="revision-diff">
      {diffWords(before, after).map((part) =>
        part.added ? <ins>{part.value}</ins> : part.removed ? <del>{part.value}</del> : part.value,
      )}
    </pre>
  );
}

/** Each version of a post, newest first, with what changed since the one before. */
export function History({ versions, backHref }: { versions: Version[]; backHref: string }) {
  return (
    <section class="post-history" aria-labelledby="history-heading">
      <h2 id="history-heading">Edit history</h2>
      <p>
        <a href={backHref}>Back to the thread</a>
      </p>
      {versions.length <= 1 ? (
        <EmptyState title="No edits">
          <p>This post has not been edited.</p>
        </EmptyState>
      ) : (
        <ol class="revision-list">
          {versions.map((version, index) => {
            const older = versions[index + 1];
            return (
              <li class="revision panel">
                <h3>
                  {version.label} · {formatDate(version.at, undefined, true)}
                  {version.editorName && ` · ${version.editorName}`}
                </h3>
                {version.title !== null && (
                  <p>
                    <strong>Title:</strong> {version.title}
                  </p>
                )}
                {older ? (
                  <Diff before={older.body} after={version.body} />
                ) : (
                  <pre class="revision-diff">{version.body}</pre>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
