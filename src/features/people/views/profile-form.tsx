import type { FieldErrors, FormValues } from "../../../platform/http/form.js";
import {
  Button,
  CsrfField,
  ErrorSummary,
  type Option,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from "../../../ui/components/form.js";
import type { PageContext } from "../../../ui/page-context.js";

const labels = {
  name: "Name",
  jobTitle: "Job title",
  divisionId: "Division",
  location: "Location",
  timeZone: "Time zone",
  pronouns: "Pronouns",
  bio: "About you",
  skills: "Skills",
  canHelpWith: "Can help with",
  wantsToLearn: "Wants to learn",
  mentoring: "Mentoring",
};

/** Ticked unless the person opted out: a submitted form sends "no" and, when ticked, "yes". */
function suggestAsExpert(values: FormValues): boolean {
  const value = values.suggestAsExpert;
  return value === undefined || [value].flat().includes("yes");
}

export function ProfileForm({
  ctx,
  action,
  values,
  errors,
  divisions,
  timeZones,
}: {
  ctx: PageContext;
  action: string;
  values: FormValues;
  errors?: FieldErrors;
  divisions: Option[];
  timeZones: string[];
}) {
  return (
    <div class="form">
      <ErrorSummary errors={errors} labels={labels} />
      <h1>Edit profile</h1>
      <p class="lead">
        Colleagues find people to ask by what they do and what they know. A few words here go a long way.
      </p>
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="name" label={labels.name} autocomplete="name" values={values} errors={errors} />
        <TextField
          name="jobTitle"
          label={labels.jobTitle}
          autocomplete="organization-title"
          values={values}
          errors={errors}
        />
        <SelectField
          name="divisionId"
          label={labels.divisionId}
          options={divisions}
          blank="Not set"
          values={values}
          errors={errors}
        />
        <TextField
          name="location"
          label={labels.location}
          hint="A building, campus or city."
          values={values}
          errors={errors}
        />
        <SelectField
          name="timeZone"
          label={labels.timeZone}
          hint="Event times are shown to you in this zone."
          options={timeZones.map((zone) => ({ value: zone, label: zone.replace(/_/g, " ") }))}
          values={values}
          errors={errors}
        />
        <TextField
          name="pronouns"
          label={labels.pronouns}
          hint="Optional, for example she/her or they/them."
          values={values}
          errors={errors}
        />
        <TextArea
          name="bio"
          label={labels.bio}
          hint="What you work on and what you care about. You can use Markdown."
          values={values}
          errors={errors}
        />
        <TextField
          name="skills"
          label={labels.skills}
          hint="Separate skills with commas, for example: payroll, recruitment, Excel."
          values={values}
          errors={errors}
        />
        <TextArea
          name="canHelpWith"
          label={labels.canHelpWith}
          rows={3}
          hint="Questions colleagues could bring to you."
          values={values}
          errors={errors}
        />
        <TextArea name="wantsToLearn" label={labels.wantsToLearn} rows={3} values={values} errors={errors} />
        <RadioGroup
          name="mentoring"
          label={labels.mentoring}
          options={[
            { value: "offer", label: "I can mentor someone" },
            { value: "seek", label: "I would like a mentor" },
            { value: "neither", label: "Neither for now" },
          ]}
          values={values}
          errors={errors}
        />
        <div class="field">
          <input type="hidden" name="suggestAsExpert" value="no" />
          <div class="choice">
            <input
              type="checkbox"
              id="field-suggestAsExpert"
              name="suggestAsExpert"
              value="yes"
              checked={suggestAsExpert(values)}
              aria-describedby="field-suggestAsExpert-hint"
            />
            <label for="field-suggestAsExpert">Suggest me in the expert finder</label>
          </div>
          <p class="hint" id="field-suggestAsExpert-hint">
            Colleagues who ask "who can advise on this?" may see your name, with the skills and answers that
            suggest you.
          </p>
        </div>
        <div class="form-actions">
          <Button>Save profile</Button>
          <a href={`/people/${ctx.actor.kind === "person" ? ctx.actor.handle : ""}`}>Cancel</a>
        </div>
      </form>
    </div>
  );
}
