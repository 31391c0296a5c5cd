import type { FieldErrors, FormValues } from "../../../platform/http/form.js";
import {
  Button,
  CsrfField,
  ErrorSummary,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from "../../../ui/components/form.js";
import type { PageContext } from "../../../ui/page-context.js";
import { joinPolicyLabels, typeLabels } from "../inputs.js";

const labels = {
  name: "Name",
  slug: "Web address",
  tagline: "Tagline",
  description: "Description",
  type: "Type",
  practiceAreas: "Practice areas",
  joinPolicy: "How people join",
  visibility: "Directory listing",
};

export function CommunityForm({
  ctx,
  values,
  errors,
}: {
  ctx: PageContext;
  values: FormValues;
  errors?: FieldErrors;
}) {
  return (
    <div class="form">
      <ErrorSummary errors={errors} labels={labels} />
      <h1>Create a community</h1>
      <p class="lead">
        You will be its first convenor. You can invite a core team and write its charter next.
      </p>
      <form method="post" action="/communities/new" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="name"
          label={labels.name}
          hint="For example: Research Administrators Network."
          values={values}
          errors={errors}
        />
        <TextField
          name="slug"
          label={labels.slug}
          hint="Optional. Lower-case words joined by hyphens; made from the name if left blank."
          values={values}
          errors={errors}
        />
        <TextField
          name="tagline"
          label={labels.tagline}
          hint="One line that says who it is for."
          values={values}
          errors={errors}
        />
        <TextArea
          name="description"
          label={labels.description}
          hint="What the community does and why someone would join. You can use Markdown."
          values={values}
          errors={errors}
        />
        <SelectField
          name="type"
          label={labels.type}
          options={Object.entries(typeLabels).map(([value, label]) => ({ value, label }))}
          values={values}
          errors={errors}
        />
        <TextField
          name="practiceAreas"
          label={labels.practiceAreas}
          hint="Separate them with commas, for example: payroll, recruitment."
          values={values}
          errors={errors}
        />
        <RadioGroup
          name="joinPolicy"
          label={labels.joinPolicy}
          options={Object.entries(joinPolicyLabels).map(([value, label]) => ({ value, label }))}
          values={values}
          errors={errors}
        />
        <RadioGroup
          name="visibility"
          label={labels.visibility}
          options={[
            { value: "listed", label: "Listed in the community directory" },
            { value: "unlisted", label: "Unlisted: only people with the link find it" },
          ]}
          values={values}
          errors={errors}
        />
        <div class="form-actions">
          <Button>Create community</Button>
          <a href="/communities">Cancel</a>
        </div>
      </form>
    </div>
  );
}
