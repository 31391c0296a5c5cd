import type { FieldErrors, FormValues } from "../../../platform/http/form.js";
import { Button, CsrfField, ErrorSummary, TextArea } from "../../../ui/components/form.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { Community } from "../../communities/queries.js";

export function LeaveForm({
  ctx,
  community,
  values,
  errors,
}: {
  ctx: PageContext;
  community: Community;
  values?: FormValues;
  errors?: FieldErrors;
}) {
  return (
    <div class="form">
      <ErrorSummary errors={errors} />
      <h1>Leave {community.name}?</h1>
      <p class="lead">
        You will stop getting its news and it will no longer be listed on your profile. What you wrote stays,
        and you can join again at any time.
      </p>
      <form method="post" action={`/communities/${community.slug}/leave`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextArea
          name="reason"
          label="Why are you leaving? (optional)"
          hint="Convenors only see reasons grouped together, never who gave them."
          rows={3}
          values={values}
          errors={errors}
        />
        <div class="form-actions">
          <Button variant="danger">Leave community</Button>
          <a href={`/communities/${community.slug}`}>Stay in the community</a>
        </div>
      </form>
    </div>
  );
}
