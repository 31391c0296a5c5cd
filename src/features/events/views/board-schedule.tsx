import type { FieldErrors, FormValues } from "../../../platform/http/form.js";
import { fieldValue } from "../../../platform/http/form.js";
import {
  Button,
  CsrfField,
  ErrorSummary,
  fieldId,
  TextArea,
  TextField,
} from "../../../ui/components/form.js";
import type { PageContext } from "../../../ui/page-context.js";
import { cellField, MAX_VOTES } from "../board-inputs.js";
import type { BoardProposal } from "../board-queries.js";
import { RoomSlotTable } from "./board-grid.js";

const votes = (n: number) => (n === 1 ? "1 vote" : `${n} votes`);

/** The organisers' three forms: rooms and slots, sessions in cells, and publishing. */
export function ScheduleForms({
  ctx,
  action,
  rooms,
  slots,
  votesPerPerson,
  proposals,
  published,
  values,
  errors,
}: {
  ctx: PageContext;
  action: string;
  rooms: string[];
  slots: string[];
  votesPerPerson: number;
  proposals: BoardProposal[];
  published: boolean;
  /** What was typed in the form that failed, if any. */
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const form = fieldValue(values, "action");
  const gridValues: FormValues =
    form === "grid" && values
      ? values
      : { rooms: rooms.join("\n"), slots: slots.join("\n"), votesPerPerson: String(votesPerPerson) };
  const placedIn = new Map(
    proposals
      .filter((p) => p.room !== null && p.slot !== null)
      .map((p) => [cellField(p.room!, p.slot!), p.id]),
  );
  const cellValue = (field: string) =>
    form === "place" && values ? fieldValue(values, field) : (placedIn.get(field) ?? "");
  const labels = Object.fromEntries(
    rooms.flatMap((room, r) => slots.map((slot, s) => [cellField(r, s), `${room} at ${slot}`])),
  );
  return (
    <>
      <ErrorSummary
        errors={errors}
        labels={{ rooms: "Rooms", slots: "Slots", votesPerPerson: "Votes", publish: "Publishing", ...labels }}
      />
      <form method="post" action={action} class="form board-grid-form" novalidate>
        <h2>Rooms, slots and votes</h2>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="action" value="grid" />
        <div class="board-grid-fields">
          <TextArea
            name="rooms"
            label="Rooms"
            hint="One room a line, for example “Main hall”."
            rows={5}
            values={gridValues}
            errors={form === "grid" ? errors : undefined}
          />
          <TextArea
            name="slots"
            label="Slots"
            hint="One time slot a line, in order, for example “10:00–10:45”."
            rows={5}
            values={gridValues}
            errors={form === "grid" ? errors : undefined}
          />
        </div>
        <p class="hint">Removing a room or slot takes the sessions placed in it off the schedule.</p>
        <TextField
          name="votesPerPerson"
          label="Votes each person may spend"
          hint={`From 1 to ${MAX_VOTES}. Lowering it keeps the votes already given.`}
          values={gridValues}
          errors={form === "grid" ? errors : undefined}
        />
        <div class="form-actions">
          <Button variant="secondary">Save rooms, slots and votes</Button>
        </div>
      </form>

      {rooms.length > 0 && slots.length > 0 && (
        <form method="post" action={action} class="form board-place-form" novalidate>
          <h2>Place sessions</h2>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="action" value="place" />
          {proposals.length === 0 ? (
            <p class="muted">No sessions have been proposed yet.</p>
          ) : (
            <RoomSlotTable
              tableClass="board-place"
              caption="Choose a session for each room and slot"
              captionHidden
              rooms={rooms}
              slots={slots}
              cell={(room, r, slot, s) => {
                const field = cellField(r, s);
                const error = form === "place" ? errors?.[field] : undefined;
                const current = cellValue(field);
                return (
                  <td data-label={room} class={error ? "field-error" : undefined}>
                    <label class="visually-hidden" for={fieldId(field)}>
                      {room} at {slot}
                    </label>
                    {error && (
                      <span class="error-message" id={`${fieldId(field)}-error`}>
                        <span class="visually-hidden">Error: </span>
                        {error}
                      </span>
                    )}
                    <select
                      id={fieldId(field)}
                      name={field}
                      aria-invalid={error ? "true" : undefined}
                      aria-describedby={error ? `${fieldId(field)}-error` : undefined}
                    >
                      <option value="">No session</option>
                      {proposals.map((p) => (
                        <option value={p.id} selected={p.id === current}>
                          {p.title} ({votes(p.voteCount)})
                        </option>
                      ))}
                    </select>
                  </td>
                );
              }}
            />
          )}
          <div class="form-actions">
            <Button>Save the schedule</Button>
          </div>
        </form>
      )}

      <form method="post" action={action} class="form board-publish-form" id={fieldId("publish")}>
        <h2>Publishing</h2>
        <CsrfField token={ctx.csrfToken} />
        {published ? (
          <>
            <p>The schedule is published: it shows on the event page and the board.</p>
            <input type="hidden" name="action" value="unpublish" />
            <Button variant="secondary">Unpublish the schedule</Button>
          </>
        ) : (
          <>
            <p>Only organisers can see the schedule until you publish it. Then it shows on the event page.</p>
            <input type="hidden" name="action" value="publish" />
            <Button>Publish the schedule</Button>
          </>
        )}
      </form>
    </>
  );
}
