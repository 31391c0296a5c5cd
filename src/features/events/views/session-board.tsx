import { type BoardProposal, boardOf } from "../board-queries.js";
import { boardUrl, scheduleUrl } from "../board-service.js";
import { ScheduleGrid } from "./board-grid.js";
import type { SectionInput, SectionProps } from "./section.js";

// The unconference's part of the event page: the published schedule and the way to the board.

export type SessionBoardData = {
  proposals: BoardProposal[];
  votesUsed: number;
} | null;

/** Only unconferences have a board; one query for the rest. */
export async function loadSessionBoard(input: SectionInput): Promise<SessionBoardData> {
  const { event } = input.loaded;
  if (event.type !== "unconference") return null;
  const viewerId = input.actor.kind === "person" ? input.actor.id : null;
  return boardOf(input.db, event.id, viewerId);
}

export function SessionBoard({ loaded, data, canManage }: SectionProps<SessionBoardData>) {
  if (!data) return null;
  const { event } = loaded;
  const published =
    event.schedulePublishedAt !== null && event.boardRooms.length > 0 && event.boardSlots.length > 0;
  const count = data.proposals.length;
  return (
    <section class="session-board panel" id="session-board" aria-labelledby="session-board-title">
      <h2 id="session-board-title">Sessions</h2>
      {published ? (
        <ScheduleGrid
          rooms={event.boardRooms}
          slots={event.boardSlots}
          sessions={data.proposals}
          caption="Schedule"
        />
      ) : (
        <p class="muted">
          People going propose sessions and vote for the ones they want. The schedule appears here once the
          organisers publish it.
        </p>
      )}
      <ul class="link-list">
        <li>
          <a href={boardUrl(event.id)}>
            {count === 0
              ? "Open the session board"
              : `See the ${count === 1 ? "1 proposed session" : `${count} proposed sessions`} and vote`}
          </a>
        </li>
        {canManage && (
          <li>
            <a href={scheduleUrl(event.id)}>Lay out the schedule</a>
          </li>
        )}
      </ul>
    </section>
  );
}
