import type { FieldErrors, FormValues } from "../../../platform/http/form.js";
import { Button, CsrfField, ErrorSummary, TextArea } from "../../../ui/components/form.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { Community } from "../../communities/queries.js";
import type { Stage } from "../../communities/tables.js";
import { stageGuides, stageLabel } from "../checklists.js";

export const moveTitle = (community: { name: string; stage: Stage }, to: Stage) =>
  `Move ${community.name} from ${stageLabel(community.stage)} to ${stageLabel(to)}?`;

/** The confirmation page: what moving the stage does, an optional note, and the button. */
export function MoveConfirmation({
  ctx,
  community,
  to,
  values,
  errors,
}: {
  ctx: PageContext;
  community: Community;
  to: Stage;
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const guide = stageGuides.find((g) => g.stage === to);
  const back = `/communities/${community.slug}/lifecycle`;
  return (
    <div class="form">
      <ErrorSummary errors={errors} />
      <h1>{moveTitle(community, to)}</h1>
      {guide && (
        <p class="lead">
          {guide.label}: {guide.purpose}
        </p>
      )}
      <p>
        Today's date is recorded in the community's history with your name and your note. Its convenors and
        core team will be told. You can move the stage again later, forward or back; ticked actions are kept.
      </p>
      <form method="post" action={`${back}/move`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="stage" value={to} />
        <TextArea
          name="note"
          label="Note for the history (optional)"
          hint="For example, what the community did at this stage or why it is moving. Anyone signed in can read it."
          rows={4}
          maxLength={1000}
          values={values}
          errors={errors}
        />
        <div class="form-actions">
          <Button>Move to {stageLabel(to)}</Button>
          <a href={back}>Cancel and keep it at {stageLabel(community.stage)}</a>
        </div>
      </form>
    </div>
  );
}
