import type { FieldErrors, FormValues } from "../../../platform/http/form.js";
import { Button, CsrfField, ErrorSummary, TextArea, TextField } from "../../../ui/components/form.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { PersonSummary } from "../../people/queries.js";

export const proposalLabels = {
  name: "Name of the community",
  practiceAreas: "Practice areas",
  need: "The need it meets",
  audience: "Who it is for",
  foundingCore: "Founding core group",
  sponsor: "Suggested sponsor",
  plannedActivities: "Planned activities",
  note: "What you changed",
};

/** People found by the picker, each with buttons that add them to the form. */
export function PeopleResults({
  people,
  query,
  action,
}: {
  people: PersonSummary[] | null;
  query: string;
  action: string;
}) {
  return (
    <div id="people-results" aria-live="polite">
      {people !== null &&
        (people.length === 0 ? (
          <p class="muted">Nobody matches “{query}”.</p>
        ) : (
          <ul class="people-picker-results" aria-label="People found">
            {people.map((person) => (
              <li>
                <span class="people-picker-name">
                  <strong>{person.name}</strong>
                  <span class="muted">
                    {" "}
                    @{person.handle}
                    {person.jobTitle && ` – ${person.jobTitle}`}
                  </span>
                </span>
                <span class="people-picker-actions">
                  <button
                    type="submit"
                    class="button button-secondary button-small"
                    name="addCore"
                    value={person.handle}
                    hx-post={action}
                    hx-vals={JSON.stringify({ addCore: person.handle })}
                    hx-target="#people-picker"
                    hx-select="#people-picker"
                    hx-swap="outerHTML"
                  >
                    Add to founding group<span class="visually-hidden">: {person.name}</span>
                  </button>
                  <button
                    type="submit"
                    class="button button-secondary button-small"
                    name="setSponsor"
                    value={person.handle}
                    hx-post={action}
                    hx-vals={JSON.stringify({ setSponsor: person.handle })}
                    hx-target="#people-picker"
                    hx-select="#people-picker"
                    hx-swap="outerHTML"
                  >
                    Suggest as sponsor<span class="visually-hidden">: {person.name}</span>
                  </button>
                </span>
              </li>
            ))}
          </ul>
        ))}
    </div>
  );
}

/** The proposal form: new at /communities/propose, or the proposer's changes at /me/proposals/:id/edit. */
export function ProposalForm({
  ctx,
  action,
  values,
  errors,
  found,
  editing,
  notice,
}: {
  ctx: PageContext;
  action: string;
  values: FormValues;
  errors?: FieldErrors;
  found?: PersonSummary[] | null;
  editing?: boolean;
  notice?: string;
}) {
  const find = typeof values.find === "string" ? values.find : "";
  const searchUrl = `/communities/propose/people?for=${encodeURIComponent(action)}`;
  return (
    <form class="form proposal-form" method="post" action={action} novalidate>
      <CsrfField token={ctx.csrfToken} />
      {/* Pressing Enter in a field uses the form's first button: this one, which submits (or searches when the finder has text). */}
      <button type="submit" name="action" value="default" class="visually-hidden" tabindex={-1}>
        {editing ? "Resubmit proposal" : "Submit proposal"}
      </button>
      <ErrorSummary errors={errors} labels={proposalLabels} />
      {notice && (
        <div class="notice notice-info" role="status">
          {notice}
        </div>
      )}
      <TextField
        name="name"
        label={proposalLabels.name}
        hint="For example, “Research Software Engineering”."
        values={values}
        errors={errors}
        maxLength={80}
      />
      <TextField
        name="practiceAreas"
        label={proposalLabels.practiceAreas}
        hint="The work it is about, separated by commas: for example “research software, data pipelines”."
        values={values}
        errors={errors}
      />
      <TextArea
        name="need"
        label={proposalLabels.need}
        hint="What problem or opportunity would the community take on? Why now?"
        values={values}
        errors={errors}
        rows={5}
      />
      <TextArea
        name="audience"
        label={proposalLabels.audience}
        hint="The roles, teams or divisions you expect to take part."
        values={values}
        errors={errors}
        rows={3}
      />
      <div id="people-picker" class="people-picker">
        <TextArea
          name="foundingCore"
          label={proposalLabels.foundingCore}
          hint="The people who will help you run it, by handle (as in their profile address) or email address, separated by commas or on separate lines. You will be the convenor, so leave yourself out."
          values={values}
          errors={errors}
          rows={3}
        />
        <TextField
          name="sponsor"
          label={proposalLabels.sponsor}
          hint="Optional. A senior colleague who would support the community: their handle or email address."
          values={values}
          errors={errors}
        />
        <fieldset class="people-finder">
          <legend>Find people to add</legend>
          <div class="people-finder-row">
            <div class="field">
              <label for="field-find">Name, job title or skill</label>
              <input
                id="field-find"
                type="search"
                name="find"
                value={find}
                autocomplete="off"
                hx-get={searchUrl}
                hx-trigger="input changed delay:300ms, search"
                hx-target="#people-results"
                hx-swap="outerHTML"
              />
            </div>
            <button type="submit" class="button button-secondary" name="action" value="find">
              Find people
            </button>
          </div>
          <PeopleResults people={found ?? null} query={find} action={action} />
        </fieldset>
      </div>
      <TextArea
        name="plannedActivities"
        label={proposalLabels.plannedActivities}
        hint="Optional. What you would do in the first months: meetings, a shared guide, a show and tell…"
        values={values}
        errors={errors}
        rows={4}
      />
      {editing && (
        <TextArea
          name="note"
          label={proposalLabels.note}
          hint="Optional. A short note for the programme team about what you changed."
          values={values}
          errors={errors}
          rows={2}
        />
      )}
      <div class="form-actions">
        <Button name="action" value="submit">
          {editing ? "Resubmit proposal" : "Submit proposal"}
        </Button>
        <a href={editing ? action.replace(/\/edit$/, "") : "/communities"}>Cancel</a>
      </div>
    </form>
  );
}
