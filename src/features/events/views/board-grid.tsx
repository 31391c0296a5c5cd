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
    <div class="table-wrap board-grid-wrap">
      <table class="board-grid stack-on-mobile">
        <caption class={captionHidden ? "visually-hidden" : undefined}>{caption}</caption>
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
              {rooms.map((room, r) => {
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
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
