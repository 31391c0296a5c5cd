import type { FieldErrors, FormValues } from "../../../platform/http/form.js";
import { Button, CsrfField, ErrorSummary, TextField } from "../../../ui/components/form.js";
import type { PageContext } from "../../../ui/page-context.js";
import { NewPasswordFields } from "./new-password-fields.js";

export function ForgotPasswordView({
  ctx,
  values,
  errors,
}: {
  ctx: PageContext;
  values?: FormValues;
  errors?: FieldErrors;
}) {
  return (
    <div class="form">
      <ErrorSummary errors={errors} />
      <h1>Reset your password</h1>
      <p class="lead">
        Enter the email address of your {ctx.orgName} account. We will send you a link to choose a new
        password.
      </p>
      <form method="post" action="/forgot-password" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="email"
          label="Email address"
          type="email"
          autocomplete="email"
          values={values}
          errors={errors}
        />
        <div class="form-actions">
          <Button>Send reset link</Button>
          {ctx.actor.kind === "anonymous" && <a href="/sign-in">Back to sign in</a>}
        </div>
      </form>
    </div>
  );
}

/** The same answer whether or not the address has an account, so the page reveals nothing. */
export function ResetLinkSentView({ ctx, mailIsSent }: { ctx: PageContext; mailIsSent: boolean }) {
  return (
    <div class="form">
      <h1>Check your email</h1>
      <p class="lead">
        If an account exists for that address, we have sent a link to choose a new password. The link works
        once, within one hour.
      </p>
      {mailIsSent ? (
        <p>
          Nothing after a few minutes? Check your spam folder, or{" "}
          <a href="/forgot-password">ask for another link</a>.
        </p>
      ) : (
        <div class="notice notice-info">
          This site does not send email yet. Ask an administrator to find your message in the email outbox and
          pass the link on to you.
        </div>
      )}
      {ctx.actor.kind === "anonymous" && (
        <p>
          <a href="/sign-in">Back to sign in</a>
        </p>
      )}
    </div>
  );
}

export function ResetPasswordView({
  ctx,
  token,
  errors,
}: {
  ctx: PageContext;
  token: string;
  errors?: FieldErrors;
}) {
  return (
    <div class="form">
      <ErrorSummary errors={errors} />
      <h1>Choose a new password</h1>
      <p class="lead">After this, you sign in with the new password on every device.</p>
      <form method="post" action="/reset-password" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="token" value={token} />
        <NewPasswordFields label="New password" errors={errors} />
        <div class="form-actions">
          <Button>Change password</Button>
        </div>
      </form>
    </div>
  );
}

export function ResetLinkInvalidView({ ctx }: { ctx: PageContext }) {
  return (
    <div class="form">
      <h1>This reset link does not work</h1>
      <p class="lead">
        The link has expired or has already been used: each link works once, within one hour of asking for it.
        Ask for a new one and use the link in the newest email.
      </p>
      <div class="form-actions">
        <a class="button" href="/forgot-password">
          Ask for a new link
        </a>
        {ctx.actor.kind === "anonymous" && <a href="/sign-in">Back to sign in</a>}
      </div>
    </div>
  );
}
