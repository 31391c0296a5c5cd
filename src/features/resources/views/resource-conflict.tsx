import type { RevisionWithAuthor } from "../queries.js";
import type { ComparableContent } from "./compare.js";
import { DiffLegend, FieldDiffs } from "./compare.js";
import { RevisionByline } from "./history.js";

/**
 * Shown above the edit form when someone else saved while this person was editing: what they
 * changed (their revision against the one this editor started from) beside what this editor typed.
 */
export function ConflictNotice({
  resourceId,
  base,
  theirs,
  mine,
}: {
  resourceId: string;
  base: RevisionWithAuthor | null;
  theirs: RevisionWithAuthor;
  mine: ComparableContent;
}) {
  return (
    <section class="notice resource-conflict" role="alert" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">Someone else saved this resource while you were editing</h2>
      <p>
        Revision {theirs.number} was saved by <RevisionByline revision={theirs} />
        {theirs.note ? <> with the note “{theirs.note}”</> : null}. Your changes have not been saved, and
        nothing of theirs has been overwritten. Your text is still in the form below.
      </p>
      <p>Choose what to do:</p>
      <ul>
        <li>
          <strong>Keep theirs</strong>:{" "}
          <a href={`/resources/${resourceId}`}>discard my changes and read theirs</a>.
        </li>
        <li>
          <strong>Save mine on top of theirs</strong>: bring in anything of theirs you want to keep, then
          press “Save changes”. Your save will become revision {theirs.number + 1}.
        </li>
      </ul>
      <DiffLegend />
      <div class="resource-conflict-sides">
        <section class="panel" aria-labelledby="conflict-theirs">
          <h3 id="conflict-theirs">Their change{base ? ` (since revision ${base.number})` : ""}</h3>
          {base ? (
            <FieldDiffs before={base} after={theirs} headingLevel={4} />
          ) : (
            <p>Their text is now current.</p>
          )}
        </section>
        <section class="panel" aria-labelledby="conflict-mine">
          <h3 id="conflict-mine">Your change{base ? ` (since revision ${base.number})` : ""}</h3>
          {base ? (
            <FieldDiffs before={base} after={mine} headingLevel={4} />
          ) : (
            <p>Your text is in the form below.</p>
          )}
        </section>
      </div>
    </section>
  );
}
