import type { FieldErrors, FormValues } from "../../../platform/http/form.js";
import { fieldValue } from "../../../platform/http/form.js";
import { EmptyState, PageHeader } from "../../../ui/components/common.js";
import { CsrfField, ErrorSummary, fieldId, TextArea } from "../../../ui/components/form.js";
import { formatDate } from "../../../ui/components/time.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { LoadedEvent } from "../load.js";
import type { Attendee } from "../rsvp-queries.js";
import { RsvpCounts } from "./rsvp-panel.js";

export interface AttendeeLists {
  going: Attendee[];
  waitlisted: Attendee[];
  declined: Attendee[];
  truncated: boolean;
}

const Person = ({ person }: { person: Attendee }) => <a href={`/people/${person.handle}`}>{person.name}</a>;

const When = ({ date, timeZone }: { date: Date; timeZone: string }) => (
  <time datetime={date.toISOString()}>{formatDate(date, timeZone, true)}</time>
);

function Going({ people, timeZone }: { people: Attendee[]; timeZone: string }) {
  if (people.length === 0)
    return (
      <EmptyState title="Nobody is going yet">
        <p>People who say they are going appear here.</p>
      </EmptyState>
    );
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">People going</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Answered</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr>
              <th scope="row">
                <Person person={p} />
              </th>
              <td>
                <When date={p.respondedAt} timeZone={timeZone} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Waitlist({ people, timeZone }: { people: Attendee[]; timeZone: string }) {
  if (people.length === 0) return <p class="muted">Nobody is on the waitlist.</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">The waitlist, first in the queue first</caption>
        <thead>
          <tr>
            <th scope="col">Position</th>
            <th scope="col">Name</th>
            <th scope="col">Joined the waitlist</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p, i) => (
            <tr>
              <td>{i + 1}</td>
              <th scope="row">
                <Person person={p} />
              </th>
              <td>{p.waitlistedAt && <When date={p.waitlistedAt} timeZone={timeZone} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NotGoing({ people }: { people: Attendee[] }) {
  if (people.length === 0) return <p class="muted">Nobody has said they cannot go.</p>;
  return (
    <ul class="attendee-names">
      {people.map((p) => (
        <li>
          <Person person={p} />
        </li>
      ))}
    </ul>
  );
}

/** The register: a checkbox per person going, and handles of people who came without saying so. */
function AttendanceForm({
  ctx,
  loaded,
  going,
  errors,
  values,
}: {
  ctx: PageContext;
  loaded: LoadedEvent;
  going: Attendee[];
  errors?: FieldErrors;
  values?: FormValues;
}) {
  const { event } = loaded;
  // On a failed save, keep what was ticked; otherwise show what was recorded.
  const ticked = values
    ? new Set([values.attended ?? []].flat())
    : new Set(going.filter((p) => p.attended).map((p) => p.personId));
  return (
    <section aria-labelledby="attendance-title" class="attendance">
      <h2 id="attendance-title">Who came</h2>
      {event.attendanceRecordedAt ? (
        <p class="hint">
          Attendance was last saved on{" "}
          <time datetime={event.attendanceRecordedAt.toISOString()}>
            {formatDate(event.attendanceRecordedAt, event.timeZone, true)}
          </time>
          . Saving again replaces it.
        </p>
      ) : (
        <p class="hint">Tick everyone who came, then save. You can correct it later.</p>
      )}
      <form method="post" action={`/events/${event.id}/attendance`} class="form">
        <CsrfField token={ctx.csrfToken} />
        {going.length > 0 ? (
          <fieldset class={errors?.attended ? "field field-error" : "field"} id={fieldId("attended")}>
            <legend>People who said they were going</legend>
            {errors?.attended && (
              <span class="error-message">
                <span class="visually-hidden">Error: </span>
                {errors.attended}
              </span>
            )}
            <div class="choices">
              {going.map((p) => (
                <div class="choice">
                  <input
                    type="checkbox"
                    id={`attended-${p.personId}`}
                    name="attended"
                    value={p.personId}
                    checked={ticked.has(p.personId)}
                  />
                  <label for={`attended-${p.personId}`}>{p.name}</label>
                </div>
              ))}
            </div>
          </fieldset>
        ) : (
          <p>Nobody said they were going. Add the people who came below.</p>
        )}
        <TextArea
          name="handles"
          label="Add people who came without saying so (optional)"
          hint="Their handles, as in their profile address (/people/handle), separated by commas or on separate lines."
          rows={3}
          errors={errors}
          value={fieldValue(values, "handles")}
        />
        <div class="form-actions">
          <button type="submit" class="button">
            Save attendance
          </button>
        </div>
      </form>
    </section>
  );
}

export function AttendeesPage({
  ctx,
  loaded,
  lists,
  now,
  errors,
  values,
}: {
  ctx: PageContext;
  loaded: LoadedEvent;
  lists: AttendeeLists;
  now: Date;
  errors?: FieldErrors;
  values?: FormValues;
}) {
  const { event } = loaded;
  const started = event.startsAt.getTime() <= now.getTime();
  const canRegister = started && event.status !== "cancelled";
  return (
    <>
      <ErrorSummary
        errors={errors}
        labels={{ handles: "Add people who came", attended: "People who said they were going" }}
      />
      <PageHeader
        title={`Attendees: ${event.title}`}
        lead={
          <>
            <time datetime={event.startsAt.toISOString()}>
              {formatDate(event.startsAt, event.timeZone, true)}
            </time>
            {event.status === "cancelled" && " (cancelled)"}
          </>
        }
        actions={
          <a class="button button-secondary" href={`/events/${event.id}/attendees.csv`}>
            Download as CSV
          </a>
        }
      />
      <RsvpCounts loaded={loaded} />
      {lists.truncated && (
        <p class="notice notice-info">
          This list is long: only the first 2,000 answers are shown. The CSV has them all.
        </p>
      )}
      {canRegister && (
        <AttendanceForm ctx={ctx} loaded={loaded} going={lists.going} errors={errors} values={values} />
      )}
      <section aria-labelledby="going-title">
        <h2 id="going-title">Going ({lists.going.length})</h2>
        <Going people={lists.going} timeZone={event.timeZone} />
      </section>
      <section aria-labelledby="waitlist-title">
        <h2 id="waitlist-title">Waitlist ({lists.waitlisted.length})</h2>
        <Waitlist people={lists.waitlisted} timeZone={event.timeZone} />
      </section>
      <section aria-labelledby="declined-title">
        <h2 id="declined-title">Not going ({lists.declined.length})</h2>
        <NotGoing people={lists.declined} />
      </section>
      <p>
        <a href={`/events/${event.id}`}>Back to the event</a>
      </p>
    </>
  );
}
