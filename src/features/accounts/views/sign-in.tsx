import type { FieldErrors, FormValues } from "../../../platform/http/form.js";
import { Button, CsrfField, ErrorSummary, TextField } from "../../../ui/components/form.js";
import type { PageContext } from "../../../ui/page-context.js";
import { NewPasswordFields } from "./new-password-fields.js";

export interface SignInOptions {
  /** The label of the single sign-on button, when SSO is configured. */
  sso: string | null;
  password: boolean;
}

export function SignInView({
  ctx,
  values,
  errors,
  next,
  options,
}: {
  ctx: PageContext;
  values?: FormValues;
  errors?: FieldErrors;
  next: string;
  options: SignInOptions;
}) {
  return (
    <div class="form">
      <ErrorSummary errors={errors} />
      <h1>Sign in</h1>
      <p class="lead">
        Use your {ctx.orgName} account to join communities, ask questions and RSVP to events.
      </p>
      {options.sso && (
        <form
          method="post"
          action="/sign-in/sso"
          class={errors?.sso ? "sso field-error" : "sso"}
          id="field-sso"
        >
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="next" value={next} />
          {errors?.sso && (
            <p class="error-message" id="field-sso-error">
              <span class="visually-hidden">Error: </span>
              {errors.sso}
            </p>
          )}
          <Button>{options.sso}</Button>
        </form>
      )}
      {options.sso && options.password && <p class="divider">or sign in with a password</p>}
      {options.password && (
        <form method="post" action="/sign-in" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="next" value={next} />
          <TextField
            name="email"
            label="Email address"
            type="email"
            autocomplete="username"
            values={values}
            errors={errors}
          />
          <TextField
            name="password"
            label="Password"
            type="password"
            autocomplete="current-password"
            errors={errors}
          />
          <p>
            <a href="/forgot-password">Forgot your password?</a>
          </p>
          <div class="form-actions">
            <Button>Sign in</Button>
            <a href="/sign-up">Create an account</a>
          </div>
        </form>
      )}
    </div>
  );
}

export function SignUpView({
  ctx,
  values,
  errors,
  domains,
}: {
  ctx: PageContext;
  values?: FormValues;
  errors?: FieldErrors;
  domains: string[];
}) {
  return (
    <div class="form">
      <ErrorSummary errors={errors} />
      <h1>Create your account</h1>
      <p class="lead">
        An account lets you join {ctx.orgName}'s communities of practice, ask and answer questions, and find
        colleagues who can help.
      </p>
      <form method="post" action="/sign-up" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="name" label="Full name" autocomplete="name" values={values} errors={errors} />
        <TextField
          name="email"
          label="Work email address"
          type="email"
          autocomplete="email"
          hint={domains.length ? `Use your ${domains.map((d) => `@${d}`).join(" or ")} address.` : undefined}
          values={values}
          errors={errors}
        />
        <NewPasswordFields label="Password" errors={errors} />
        <div class="form-actions">
          <Button>Create account</Button>
          <a href="/sign-in">I already have an account</a>
        </div>
      </form>
    </div>
  );
}
