import type { Child } from "hono/jsx";

/** What the grid needs of a placed session. */
export interface GridSession {
  id: string;
  title: string;
  room: number | null;
  slot: number | null;
  proposerName?: string | null;
}

/**
 * The schedule as a table: slots down the side, rooms across the top. At narrow widths each row
 * stacks, and every cell says its room.
 */
export function ScheduleGrid({
  rooms,
  slots,
  sessions,
  caption,
  captionHidden = false,
}: {
  rooms: string[];
  slots: string[];
  sessions: GridSession[];
  caption: string;
  /** When a heading right above already names the table. */
  captionHidden?: boolean;
}) {
  const inCell = new Map(
    sessions.filter((s) => s.room !== null && s.slot !== null).map((s) => [`${s.room}:${s.slot}`, s]),
  );
  return (
    <RoomSlotTable
      wrapClass="board-grid-wrap"
      tableClass="board-grid"
      caption={caption}
      captionHidden={captionHidden}
      rooms={rooms}
      slots={slots}
      cell={(room, r, _slot, s) => {
        const session = inCell.get(`${r}:${s}`);
        return (
          <td data-label={room} class={session ? undefined : "board-cell-empty"}>
            {session ? (
              <>
                <span class="board-session-title">{session.title}</span>
                {session.proposerName && (
                  <span class="muted board-session-by"> with {session.proposerName}</span>
                )}
              </>
            ) : (
              <span class="muted">No session</span>
            )}
          </td>
        );
      }}
    />
  );
}

/**
 * A table of slots down the side and rooms across the top, shared by the schedule and the form
 * that places sessions in it. `cell` draws the `<td>` for a room in a slot.
 */
export function RoomSlotTable(props: {
  wrapClass?: string;
  tableClass: string;
  caption: string;
  captionHidden: boolean;
  rooms: string[];
  slots: string[];
  cell: (room: string, r: number, slot: string, s: number) => Child;
}) {
  const { rooms, slots } = props;
  return (
    <div class={props.wrapClass ? `table-wrap ${props.wrapClass}` : "table-wrap"}>
      <table class={`${props.tableClass} stack-on-mobile`}>
        <caption class={props.captionHidden ? "visually-hidden" : undefined}>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            {rooms.map((room) => (
              <th scope="col">{room}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {slots.map((slot, s) => (
            <tr>
              <th scope="row">{slot}</th>
              {rooms.map((room, r) => props.cell(room, r, slot, s))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
