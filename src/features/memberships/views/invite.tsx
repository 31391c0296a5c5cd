import type { FieldErrors, FormValues } from "../../../platform/http/form.js";
import { Avatar } from "../../../ui/components/avatar.js";
import {
  Button,
  CsrfField,
  ErrorSummary,
  RadioGroup,
  TextArea,
  TextField,
} from "../../../ui/components/form.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { Community } from "../../communities/queries.js";
import type { PersonChoice } from "../joining-queries.js";

export const roleOptions = [
  { value: "member", label: "Member", hint: "Takes part like everyone else." },
  { value: "core", label: "Core team", hint: "Helps the convenors plan and run the community." },
  { value: "sponsor", label: "Sponsor", hint: "A senior supporter who champions the community." },
];

const labels = { person: "Person", role: "Role", message: "Message" };

/** Invite one person: their role and an optional message. Without a chosen person, asks for a handle or email. */
export function InviteForm({
  ctx,
  community,
  person,
  values,
  errors,
}: {
  ctx: PageContext;
  community: Community;
  person: PersonChoice | null;
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const base = `/communities/${community.slug}`;
  const personError = errors?.person;
  return (
    <div class="form">
      <ErrorSummary errors={errors} labels={labels} />
      <h1>{person ? `Invite ${person.name} to ${community.name}` : `Invite someone to ${community.name}`}</h1>
      <p class="lead">They get a notification and choose whether to accept. Nothing changes until they do.</p>
      <form method="post" action={`${base}/invitations`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {person ? (
          <div class={personError ? "field field-error" : "field"} id="field-person" tabindex={-1}>
            {personError && (
              <span class="error-message">
                <span class="visually-hidden">Error: </span>
                {personError}
              </span>
            )}
            <input type="hidden" name="person" value={person.handle} />
            <div class="person-row panel joining-invitee">
              <Avatar name={person.name} />
              <div class="who">
                <strong>{person.name}</strong>
                <span>
                  {[person.jobTitle, person.divisionName].filter(Boolean).join(", ") || `@${person.handle}`}
                </span>
              </div>
            </div>
          </div>
        ) : (
          <TextField
            name="person"
            label="Handle or email address"
            hint="The person's handle (from their profile address) or their work email address."
            values={values}
            errors={errors}
          />
        )}
        <RadioGroup
          name="role"
          label="Invite them as"
          options={roleOptions}
          values={values ?? { role: "member" }}
          errors={errors}
        />
        <TextArea
          name="message"
          label="Message (optional)"
          hint="Shown with the invitation. Up to 1,000 characters."
          rows={3}
          maxLength={1000}
          values={values}
          errors={errors}
        />
        <div class="form-actions">
          <Button>Send invitation</Button>
          <a href={`${base}/requests#invite`}>Cancel</a>
        </div>
      </form>
    </div>
  );
}
