import { raw } from "hono/html";
import type { FieldErrors, FormValues } from "../../../platform/http/form.js";
import { fieldValue } from "../../../platform/http/form.js";
import { renderMarkdown } from "../../../platform/markdown.js";
import { Button, CsrfField, ErrorSummary, RadioGroup, TextArea } from "../../../ui/components/form.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { Community } from "../../communities/queries.js";
import { invitedRoleNames } from "./actions.js";

export type JoinMode = "join" | "request" | "accept";

export const involvementOptions = [
  {
    value: "follow",
    label: "Follow the round-up only",
    hint: "Get the community's news now and then, with no need to take part.",
  },
  {
    value: "take_part",
    label: "Take part",
    hint: "Join discussions and events when they suit you.",
  },
  {
    value: "help_run",
    label: "Help run things",
    hint: "Help organise events, welcome new members and look after shared resources.",
  },
];

const headings: Record<JoinMode, (name: string) => string> = {
  join: (name) => `Join ${name}`,
  request: (name) => `Ask to join ${name}`,
  accept: (name) => `Accept your invitation to ${name}`,
};

const buttons: Record<JoinMode, string> = {
  join: "Join community",
  request: "Send request",
  accept: "Accept invitation",
};

export const joinErrorLabels = {
  acceptCodeOfConduct: "Code of conduct",
  answer: "Your answer",
  involvement: "How involved you want to be",
};

/** The page that asks someone to read the code of conduct and choose how involved to be. */
export function JoinPage({
  ctx,
  community,
  mode,
  codeOfConduct,
  invitedRole,
  invitedBy,
  values,
  errors,
}: {
  ctx: PageContext;
  community: Community;
  mode: JoinMode;
  codeOfConduct: string;
  invitedRole?: string;
  invitedBy?: string | null;
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const base = `/communities/${community.slug}`;
  const question = community.joiningQuestion.trim();
  const cocError = errors?.acceptCodeOfConduct;
  const accepted = fieldValue(values, "acceptCodeOfConduct") === "yes";
  return (
    <div class="form join-page">
      <ErrorSummary errors={errors} labels={joinErrorLabels} />
      <h1>{headings[mode](community.name)}</h1>
      {mode === "request" && (
        <p class="lead">
          The convenors of {community.name} review each request. You will hear from them in Convene, and your
          request is shown on the community's page until they answer.
        </p>
      )}
      {mode === "accept" && (
        <p class="lead">
          {invitedBy ? `${invitedBy} invited you` : "You are invited"} to join as{" "}
          {invitedRoleNames[invitedRole ?? "member"]}.
        </p>
      )}
      {mode === "join" && (
        <p class="lead">{community.tagline || `Anyone in the organisation can join ${community.name}.`}</p>
      )}
      <form method="post" action={`${base}/join`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <section class="join-section" aria-labelledby="code-of-conduct-title">
          <h2 id="code-of-conduct-title">Code of conduct</h2>
          {codeOfConduct ? (
            <>
              <div class="join-code panel prose">{raw(renderMarkdown(codeOfConduct))}</div>
              <div class={cocError ? "field field-error" : "field"}>
                {cocError && (
                  <span class="error-message" id="field-acceptCodeOfConduct-error">
                    <span class="visually-hidden">Error: </span>
                    {cocError}
                  </span>
                )}
                <div class="choice">
                  <input
                    type="checkbox"
                    id="field-acceptCodeOfConduct"
                    name="acceptCodeOfConduct"
                    value="yes"
                    checked={accepted}
                    aria-invalid={cocError ? "true" : undefined}
                    aria-describedby={cocError ? "field-acceptCodeOfConduct-error" : undefined}
                  />
                  <label for="field-acceptCodeOfConduct">I have read and accept the code of conduct</label>
                </div>
              </div>
            </>
          ) : (
            <p class="muted">
              {community.name} has not written a code of conduct yet. Please treat everyone with respect.
            </p>
          )}
        </section>
        {mode === "request" && question && (
          <TextArea
            name="answer"
            label={question}
            hint="Up to 1,000 characters. Only the convenors and the programme team read your answer."
            rows={4}
            maxLength={1000}
            values={values}
            errors={errors}
          />
        )}
        <RadioGroup
          name="involvement"
          label="How involved do you want to be?"
          hint="You can change this at any time."
          options={involvementOptions}
          values={values}
          errors={errors}
        />
        <div class="form-actions">
          <Button>{buttons[mode]}</Button>
          <a href={base}>Back to {community.name}</a>
        </div>
      </form>
    </div>
  );
}

/** A confirmation page for an act that undoes something: says what will happen, then asks. */
export function ConfirmPage({
  ctx,
  title,
  lead,
  action,
  button,
  cancelHref,
  cancelLabel,
}: {
  ctx: PageContext;
  title: string;
  lead: string;
  action: string;
  button: string;
  cancelHref: string;
  cancelLabel: string;
}) {
  return (
    <div class="form">
      <h1>{title}</h1>
      <p class="lead">{lead}</p>
      <form method="post" action={action}>
        <CsrfField token={ctx.csrfToken} />
        <div class="form-actions">
          <Button variant="danger">{button}</Button>
          <a href={cancelHref}>{cancelLabel}</a>
        </div>
      </form>
    </div>
  );
}
