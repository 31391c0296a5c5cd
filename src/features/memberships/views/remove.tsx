import type { FieldErrors, FormValues } from "../../../platform/http/form.js";
import { Button, CsrfField, ErrorSummary, TextArea } from "../../../ui/components/form.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { Community } from "../../communities/queries.js";
import type { RosterRow } from "../queries.js";
import { roleWords } from "../roster-inputs.js";

/** The confirmation page before a convenor removes someone: what happens, and the reason they will read. */
export function RemoveMemberForm({
  ctx,
  community,
  member,
  values,
  errors,
}: {
  ctx: PageContext;
  community: Community;
  member: RosterRow;
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const back = `/communities/${community.slug}/members`;
  return (
    <div class="form">
      <ErrorSummary errors={errors} />
      <h1>
        Remove {member.name} from {community.name}?
      </h1>
      <p class="lead">
        {member.name} is {roleWords[member.role]} of {community.name}
        {member.jobTitle ? ` (${member.jobTitle})` : ""}.
      </p>
      <p>If you remove them:</p>
      <ul>
        <li>they stop being a member straight away and no longer get the community's news;</li>
        <li>they are told, with the reason you give below;</li>
        <li>what they wrote stays where it is;</li>
        <li>the removal and your reason are kept in the audit log.</li>
      </ul>
      <p class="muted">
        Removal does not stop someone joining again if anyone can join; change how people join in the
        community's settings if you need to.
      </p>
      <form method="post" action={`${back}/${member.handle}/remove`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextArea
          name="reason"
          label="Reason for removing them"
          hint={`${member.name} will see this. Be clear and kind; up to 500 characters.`}
          rows={4}
          maxLength={500}
          values={values}
          errors={errors}
        />
        <div class="form-actions">
          <Button variant="danger">Remove member</Button>
          <a href={back}>Cancel and go back to the members</a>
        </div>
      </form>
    </div>
  );
}
