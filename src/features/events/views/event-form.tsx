import { raw } from "hono/html";
import type { FieldErrors, FormValues } from "../../../platform/http/form.js";
import { fieldValue } from "../../../platform/http/form.js";
import {
  Button,
  CsrfField,
  ErrorSummary,
  fieldId,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from "../../../ui/components/form.js";
import type { PageContext } from "../../../ui/page-context.js";
import { eventFormats, eventTypes } from "../tables.js";
import { eventFormatLabels, eventTypeLabels } from "./event-summary.js";

const labels: Record<string, string> = {
  type: "Kind of activity",
  title: "Title",
  description: "Description",
  date: "Date",
  startTime: "Start time",
  endTime: "End time",
  timeZone: "Time zone",
  format: "Format",
  location: "Location",
  onlineLink: "Online link",
  capacity: "Places",
  accessibility: "Accessibility",
  coHosts: "Co-hosting communities",
  organisers: "Co-organisers",
  repeat: "Repeat",
  occurrences: "Number of events",
  scope: "Which events to change",
};

const commonZones = [
  "Europe/London",
  "Europe/Dublin",
  "Europe/Paris",
  "Europe/Berlin",
  "America/New_York",
  "America/Los_Angeles",
  "Asia/Kolkata",
  "Asia/Singapore",
  "Australia/Sydney",
  "UTC",
];

/** The rendered description; `html` is already sanitised by renderMarkdown. */
function DescriptionPreview({ html }: { html: string | null }) {
  if (html === null) return null;
  return (
    <div class="post-preview" aria-live="polite">
      <h2 class="post-preview-heading">Preview of the description</h2>
      <div class="prose">{html ? raw(html) : <p class="muted">Nothing to preview yet.</p>}</div>
    </div>
  );
}

/** A text box for hours and minutes, framed like the shared fields. */
function TimeField({
  name,
  label,
  values,
  errors,
}: {
  name: string;
  label: string;
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const error = errors?.[name];
  return (
    <div class={error ? "field field-error" : "field"}>
      <label for={fieldId(name)}>{label}</label>
      <span class="hint" id={`${fieldId(name)}-hint`}>
        For example 18:30
      </span>
      {error && (
        <span class="error-message" id={`${fieldId(name)}-error`}>
          <span class="visually-hidden">Error: </span>
          {error}
        </span>
      )}
      <input
        id={fieldId(name)}
        name={name}
        type="time"
        value={fieldValue(values, name)}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={[`${fieldId(name)}-hint`, error ? `${fieldId(name)}-error` : ""]
          .filter(Boolean)
          .join(" ")}
      />
    </div>
  );
}

export interface EventFormProps {
  ctx: PageContext;
  action: string;
  values?: FormValues;
  errors?: FieldErrors;
  preview: string | null;
  /** The organisation's own zone, offered besides the common ones. */
  orgTimeZone: string;
  coHostChoices: { id: string; name: string }[];
  mode: "create" | "edit";
  /** Editing an occurrence of a series: ask whether later ones change too. */
  inSeries: boolean;
  cancelHref: string;
}

/** Plan or edit an event. Works without JavaScript; the preview is a second submit button. */
export function EventForm(props: EventFormProps) {
  const { ctx, values, errors } = props;
  const zone = fieldValue(values, "timeZone") || "Europe/London";
  const zones = [...new Set([...commonZones, props.orgTimeZone, zone])];
  const chosen = new Set(
    values?.coHosts === undefined ? [] : Array.isArray(values.coHosts) ? values.coHosts : [values.coHosts],
  );
  return (
    <form method="post" action={props.action} class="form event-form" novalidate>
      <CsrfField token={ctx.csrfToken} />
      <ErrorSummary errors={errors} labels={labels} />
      {props.mode === "edit" && props.inSeries && (
        <RadioGroup
          name="scope"
          label="Which events should change?"
          options={[
            { value: "this", label: "Only this event" },
            {
              value: "following",
              label: "This and following events",
              hint: "What you change here is copied to every later event in the series; each keeps its own date.",
            },
          ]}
          values={values}
          value={fieldValue(values, "scope") ? undefined : "this"}
          errors={errors}
        />
      )}
      <SelectField
        name="type"
        label="Kind of activity"
        options={eventTypes.map((t) => ({ value: t, label: eventTypeLabels[t] }))}
        values={values}
        errors={errors}
      />
      <TextField
        name="title"
        label="Title"
        hint="3 to 150 characters."
        maxLength={150}
        values={values}
        errors={errors}
      />
      <TextArea
        name="description"
        label="Description (optional)"
        hint="What it is about and who it is for. Markdown works: **bold**, _italic_, lists and links."
        rows={8}
        maxLength={20000}
        values={values}
        errors={errors}
      />
      <DescriptionPreview html={props.preview} />
      <fieldset class="event-when">
        <legend>When</legend>
        <TextField
          name="date"
          label="Date"
          type="date"
          hint="Pick it, or type it as year-month-day, for example 2026-03-03."
          values={values}
          errors={errors}
        />
        <div class="event-times">
          <TimeField name="startTime" label="Start time" values={values} errors={errors} />
          <TimeField name="endTime" label="End time" values={values} errors={errors} />
        </div>
        <p class="hint">An end time earlier than the start time means the event ends the next day.</p>
        <SelectField
          name="timeZone"
          label="Time zone"
          hint="The times above are in this zone. People see the event in it."
          options={zones.map((z) => ({ value: z, label: z }))}
          value={zone}
          errors={errors}
        />
      </fieldset>
      {props.mode === "create" && (
        <>
          <RadioGroup
            name="repeat"
            label="Does it repeat?"
            options={[
              { value: "none", label: "No, it happens once" },
              { value: "weekly", label: "Every week" },
              { value: "fortnightly", label: "Every two weeks" },
              {
                value: "monthly_date",
                label: "Every month on the same date",
                hint: "In shorter months, on the last day.",
              },
              {
                value: "monthly_weekday",
                label: "Every month on the same weekday",
                hint: "For example the first Tuesday, if the date above is a first Tuesday.",
              },
              {
                value: "monthly_last_weekday",
                label: "Every month on the last of that weekday",
                hint: "For example the last Friday, if the date above is a Friday.",
              },
            ]}
            values={values}
            value={fieldValue(values, "repeat") ? undefined : "none"}
            errors={errors}
          />
          <TextField
            name="occurrences"
            label="Number of events (for a series)"
            hint="From 2 to 24, the first one included."
            values={values}
            errors={errors}
          />
        </>
      )}
      <RadioGroup
        name="format"
        label="Format"
        options={eventFormats.map((f) => ({ value: f, label: eventFormatLabels[f] }))}
        values={values}
        value={fieldValue(values, "format") ? undefined : "in_person"}
        errors={errors}
      />
      <TextField
        name="location"
        label="Location"
        hint="The building and room. Needed for in-person and hybrid events."
        maxLength={300}
        values={values}
        errors={errors}
      />
      <TextField
        name="onlineLink"
        label="Online link"
        type="url"
        hint="Starting with https://. Needed for online and hybrid events. Only people going and the organisers see it."
        maxLength={500}
        values={values}
        errors={errors}
      />
      <TextField
        name="capacity"
        label="Places (optional)"
        hint="A whole number. Leave empty for no limit. When it is full, people can join a waiting list."
        values={values}
        errors={errors}
      />
      <TextArea
        name="accessibility"
        label="Accessibility (optional)"
        hint="Step-free access, captions, quiet room, who to ask about adjustments."
        rows={3}
        maxLength={2000}
        values={values}
        errors={errors}
      />
      {props.coHostChoices.length > 0 && (
        <div class={errors?.coHosts ? "field field-error" : "field"}>
          <fieldset aria-describedby={`${fieldId("coHosts")}-hint`}>
            <legend>Co-hosting communities (optional)</legend>
            <span class="hint" id={`${fieldId("coHosts")}-hint`}>
              The event also shows in their events, and their members can see it.
            </span>
            {errors?.coHosts && (
              <span class="error-message" id={`${fieldId("coHosts")}-error`}>
                <span class="visually-hidden">Error: </span>
                {errors.coHosts}
              </span>
            )}
            <div class="choices">
              {props.coHostChoices.map((c, i) => (
                <div class="choice">
                  <input
                    type="checkbox"
                    id={i === 0 ? fieldId("coHosts") : `${fieldId("coHosts")}-${c.id}`}
                    name="coHosts"
                    value={c.id}
                    checked={chosen.has(c.id)}
                  />
                  <label for={i === 0 ? fieldId("coHosts") : `${fieldId("coHosts")}-${c.id}`}>{c.name}</label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
      )}
      <TextField
        name="organisers"
        label="Co-organisers (optional)"
        hint="People who may change this event besides the convenors and core members, by handle: @sam-lee, @ana-okafor"
        values={values}
        errors={errors}
      />
      <div class="form-actions">
        <Button>{props.mode === "create" ? "Create event" : "Save changes"}</Button>
        <Button variant="secondary" name="action" value="preview">
          Preview description
        </Button>
        <a href={props.cancelHref}>Cancel</a>
      </div>
    </form>
  );
}
