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
import { contentAccessLabels, joinPolicyLabels, typeLabels } from "../inputs.js";

export const settingsLabels = {
  name: "Name",
  tagline: "Tagline",
  description: "Description",
  type: "Type",
  practiceAreas: "Practice areas",
  joinPolicy: "How people join",
  joiningQuestion: "Joining question",
  visibility: "Directory listing",
  contentAccess: "Who can read what members share",
  mailingListUrl: "Mailing list",
  chatUrl: "Chat group",
  websiteUrl: "Website",
  contactEmail: "Contact email",
};

export function CommunitySettingsForm({
  ctx,
  slug,
  values,
  errors,
}: {
  ctx: PageContext;
  slug: string;
  values: FormValues;
  errors?: FieldErrors;
}) {
  const common = { values, errors };
  return (
    <div class="form form-wide settings-form">
      <ErrorSummary errors={errors} labels={settingsLabels} />
      <h2 class="form-title">Settings</h2>
      <p class="lead">
        Change how the community describes itself, who can join and where members talk. Its web address,
        /communities/{slug}, stays the same.
      </p>
      <form method="post" action={`/communities/${slug}/settings`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <fieldset class="settings-group">
          <legend>About the community</legend>
          <TextField name="name" label={settingsLabels.name} {...common} />
          <TextField
            name="tagline"
            label={settingsLabels.tagline}
            hint="One line that says who it is for."
            {...common}
          />
          <TextArea
            name="description"
            label={settingsLabels.description}
            hint="What the community does and why someone would join. You can use Markdown."
            rows={8}
            {...common}
          />
          <SelectField
            name="type"
            label={settingsLabels.type}
            options={Object.entries(typeLabels).map(([value, label]) => ({ value, label }))}
            {...common}
          />
          <TextField
            name="practiceAreas"
            label={settingsLabels.practiceAreas}
            hint="Separate them with commas, for example: payroll, recruitment."
            {...common}
          />
        </fieldset>
        <fieldset class="settings-group">
          <legend>Joining and visibility</legend>
          <RadioGroup
            name="joinPolicy"
            label={settingsLabels.joinPolicy}
            options={Object.entries(joinPolicyLabels).map(([value, label]) => ({ value, label }))}
            {...common}
          />
          <TextField
            name="joiningQuestion"
            label={settingsLabels.joiningQuestion}
            hint="Only used when people request to join. For example: What would you like to get from the community?"
            {...common}
          />
          <RadioGroup
            name="visibility"
            label={settingsLabels.visibility}
            options={[
              { value: "listed", label: "Listed in the community directory" },
              { value: "unlisted", label: "Unlisted: only people with the link find it" },
            ]}
            {...common}
          />
          <RadioGroup
            name="contentAccess"
            label={settingsLabels.contentAccess}
            hint="Discussions, events, resources, the member list and recent activity. The overview and charter are always open to staff."
            options={Object.entries(contentAccessLabels).map(([value, label]) => ({ value, label }))}
            {...common}
          />
        </fieldset>
        <fieldset class="settings-group">
          <legend>Channels and contact</legend>
          <p class="hint">Optional. Each one shows as a link on the community page.</p>
          <TextField
            name="mailingListUrl"
            type="url"
            label={settingsLabels.mailingListUrl}
            hint="The full address of the list's page, starting with https://"
            {...common}
          />
          <TextField
            name="chatUrl"
            type="url"
            label={settingsLabels.chatUrl}
            hint="For example, a link to the community's channel in your chat tool."
            {...common}
          />
          <TextField name="websiteUrl" type="url" label={settingsLabels.websiteUrl} {...common} />
          <TextField
            name="contactEmail"
            type="email"
            label={settingsLabels.contactEmail}
            hint="A shared inbox people can write to, if the community has one."
            {...common}
          />
        </fieldset>
        <div class="form-actions">
          <Button>Save settings</Button>
          <a href={`/communities/${slug}`}>Cancel</a>
        </div>
      </form>
    </div>
  );
}
