import type { FieldErrors, FormValues } from "../../../platform/http/form.js";
import { fieldValue } from "../../../platform/http/form.js";
import { Button, CsrfField, ErrorSummary, RadioGroup, TextArea } from "../../../ui/components/form.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { EventRow } from "../load.js";
import { EventWhen } from "./event-summary.js";

const people = (n: number) => (n === 1 ? "1 person" : `${n} people`);

/** The confirmation page: what cancelling does and who will be told. */
export function EventCancelForm({
  ctx,
  event,
  laterCount,
  values,
  errors,
}: {
  ctx: PageContext;
  event: EventRow;
  /** Scheduled occurrences after this one in its series. */
  laterCount: number;
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const told = event.goingCount + event.waitlistCount;
  return (
    <div class="event-narrow event-cancel">
      <h1>Cancel “{event.title}”?</h1>
      <p class="lead">
        <EventWhen startsAt={event.startsAt} endsAt={event.endsAt} timeZone={event.timeZone} />
      </p>
      <p>
        {told === 0
          ? "Nobody has said they are going yet, so nobody needs to be told."
          : `${people(event.goingCount)} going and ${people(event.waitlistCount)} on the waiting list will be told it is cancelled, with your reason.`}{" "}
        The event stays on Convene marked “Cancelled”, so links to it keep working, and calendars that
        subscribed to it show it as cancelled.
      </p>
      <form method="post" action={`/events/${event.id}/cancel`} class="form" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <ErrorSummary errors={errors} labels={{ reason: "Reason", scope: "Which events" }} />
        {laterCount > 0 && (
          <RadioGroup
            name="scope"
            label="Which events should be cancelled?"
            options={[
              { value: "this", label: "Only this event" },
              {
                value: "following",
                label: `This and the ${laterCount} following ${laterCount === 1 ? "event" : "events"} in the series`,
                hint: "People going to any of them are told.",
              },
            ]}
            values={values}
            value={fieldValue(values, "scope") ? undefined : "this"}
            errors={errors}
          />
        )}
        <TextArea
          name="reason"
          label="Reason (optional)"
          hint="Shown on the event page and sent to the people told, for example: the speaker is unwell."
          rows={3}
          maxLength={1000}
          values={values}
          errors={errors}
        />
        <div class="form-actions">
          <Button variant="danger">Cancel the event</Button>
          <a href={`/events/${event.id}`}>Keep it and go back</a>
        </div>
      </form>
    </div>
  );
}
