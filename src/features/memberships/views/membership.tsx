import type { FieldErrors, FormValues } from "../../../platform/http/form.js";
import { Button, CsrfField, ErrorSummary, RadioGroup, TextField } from "../../../ui/components/form.js";
import { formatDate } from "../../../ui/components/time.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { Community } from "../../communities/queries.js";
import { involvementLabels, roleLabels } from "../roster-inputs.js";
import { formatDay } from "../roster-service.js";
import type { Involvement, MembershipState } from "../tables.js";
import { involvements } from "../tables.js";

const involvementHints: Record<Involvement, string> = {
  follow: "Read the round-up and dip in when something interests you.",
  take_part: "Join discussions and come to events.",
  help_run: "Help plan events, welcome people and keep things going.",
};

export interface OwnMembership {
  role: keyof typeof roleLabels;
  state: MembershipState;
  involvement: Involvement;
  joinedAt: Date;
  breakUntil: string | null;
}

/** "Your membership": how involved you want to be, breaks, and the way out. */
export function MembershipPage({
  ctx,
  community,
  membership,
  timeZone,
  earliest,
  latest,
  values,
  errors,
}: {
  ctx: PageContext;
  community: Community;
  membership: OwnMembership;
  timeZone: string;
  /** The first and last dates a break may end on ("YYYY-MM-DD"). */
  earliest: string;
  latest: string;
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const base = `/communities/${community.slug}/membership`;
  const onBreak = membership.state === "on_break";
  return (
    <div class="stack roster-membership">
      <ErrorSummary errors={errors} />
      <section class="panel" aria-labelledby="membership-heading">
        <h2 id="membership-heading">Your membership</h2>
        <dl class="facts">
          <dt>Role</dt>
          <dd>{roleLabels[membership.role]}</dd>
          <dt>Member since</dt>
          <dd>
            <time datetime={membership.joinedAt.toISOString()}>
              {formatDate(membership.joinedAt, timeZone)}
            </time>
          </dd>
          <dt>Status</dt>
          <dd>
            {onBreak
              ? `On a break${membership.breakUntil ? ` until ${formatDay(membership.breakUntil)}` : ""}`
              : "Active"}
          </dd>
        </dl>
      </section>

      {onBreak && (
        <section class="panel" aria-labelledby="break-heading">
          <h2 id="break-heading">You are on a break</h2>
          <p>
            You get no notifications from {community.name}
            {membership.breakUntil ? ` until the end of ${formatDay(membership.breakUntil)}` : ""}. You are
            still a member, and on the day after it ends you will be back automatically, with a summary of
            what happened.
          </p>
          <form method="post" action={`${base}/return`} class="inline-form">
            <CsrfField token={ctx.csrfToken} />
            <Button>Come back now</Button>
          </form>
        </section>
      )}

      <section class="panel" aria-labelledby="involvement-heading">
        <h2 id="involvement-heading">How involved you want to be</h2>
        <form method="post" action={`${base}/involvement`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <RadioGroup
            name="involvement"
            label={`Your involvement in ${community.name}`}
            hint="Convenors see this on the Members tab. Change it whenever you like."
            options={involvements.map((value) => ({
              value,
              label: involvementLabels[value],
              hint: involvementHints[value],
            }))}
            value={values?.involvement !== undefined ? String(values.involvement) : membership.involvement}
            errors={errors}
          />
          <div class="form-actions">
            <Button variant="secondary">Save involvement</Button>
          </div>
        </form>
      </section>

      <section class="panel" aria-labelledby="take-break-heading">
        <h2 id="take-break-heading">{onBreak ? "Change when your break ends" : "Take a break"}</h2>
        {!onBreak && (
          <p>
            Step back for a while without leaving: you get no notifications from {community.name} until the
            date you choose, and you stay a member.
          </p>
        )}
        <form method="post" action={`${base}/break`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextField
            name="until"
            type="date"
            label="Last day of your break"
            hint={`For example ${formatDay(earliest)}. A break can last up to a year, until ${formatDay(latest)}.`}
            values={values}
            value={values?.until === undefined ? (membership.breakUntil ?? "") : undefined}
            errors={errors}
          />
          <div class="form-actions">
            <Button variant="secondary">{onBreak ? "Change the date" : "Start your break"}</Button>
          </div>
        </form>
      </section>

      <section class="panel" aria-labelledby="leave-heading">
        <h2 id="leave-heading">Leave</h2>
        <p>
          If the community is no longer for you, you can leave. What you wrote stays, and you can come back
          later.
        </p>
        <p>
          <a href={`/communities/${community.slug}/leave`}>Leave {community.name}</a>
        </p>
      </section>
    </div>
  );
}
