import type { EventSummary } from "../finding-queries.js";
import { addDays, toLocal } from "../zoned-time.js";
import { dayLabel, localDate, monthLabel } from "./event-card.js";

const weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const shortMonth = new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" });

/** The month before or after "2026-12". */
export function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(year, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}

/** The dates of a month's grid: whole weeks, Monday to Sunday, covering the month. */
export function monthGrid(month: string): string[][] {
  const first = `${month}-01`;
  const mondayOffset = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7;
  let day = addDays(first, -mondayOffset);
  const weeks: string[][] = [];
  do {
    const week: string[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(day);
      day = addDays(day, 1);
    }
    weeks.push(week);
  } while (day.slice(0, 7) === month);
  return weeks;
}

/** Events by the viewer's local date of their start. */
export function byLocalDate(events: EventSummary[], zone: string): Map<string, EventSummary[]> {
  const days = new Map<string, EventSummary[]>();
  for (const event of events) {
    const date = localDate(event, zone);
    days.set(date, [...(days.get(date) ?? []), event]);
  }
  return days;
}

/**
 * A month as a table of weeks. On a narrow screen the table's rows and cells stack (CSS) and days
 * without events are hidden, so it reads as a list of the days that have something on.
 */
export function MonthCalendar({
  month,
  events,
  zone,
  today,
  hrefFor,
}: {
  month: string;
  events: EventSummary[];
  zone: string;
  /** The viewer's local date today. */
  today: string;
  hrefFor: (month: string) => string;
}) {
  const days = byLocalDate(events, zone);
  const weeks = monthGrid(month);
  const previous = shiftMonth(month, -1);
  const next = shiftMonth(month, 1);
  return (
    <div class="month">
      <nav class="month-nav" aria-label="Months">
        <a href={hrefFor(previous)} rel="prev">
          ← {monthLabel(previous)}
        </a>
        <h2 class="month-title">{monthLabel(month)}</h2>
        <a href={hrefFor(next)} rel="next">
          {monthLabel(next)} →
        </a>
      </nav>
      <table class="month-calendar">
        <caption class="visually-hidden">Events in {monthLabel(month)}, one row per week</caption>
        <thead>
          <tr>
            {weekdayNames.map((name) => (
              <th scope="col">
                <abbr title={name}>{name.slice(0, 3)}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr>
              {week.map((date) => {
                const list = days.get(date) ?? [];
                const classes = [
                  "month-day",
                  date.slice(0, 7) !== month ? "month-day-outside" : "",
                  date === today ? "month-day-today" : "",
                  list.length === 0 ? "month-day-empty" : "",
                ].filter(Boolean);
                const weekday = weekdayNames[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]!;
                return (
                  <td class={classes.join(" ")} aria-current={date === today ? "date" : undefined}>
                    <p class="month-day-label">
                      <time datetime={date} title={dayLabel(date)}>
                        <span class="month-day-long">{weekday} </span>
                        <span class="month-day-number">{Number(date.slice(8))}</span>
                        <span class="month-day-long">
                          {" "}
                          {shortMonth.format(new Date(`${date}T12:00:00Z`))}
                        </span>
                      </time>
                      {date === today && <strong class="month-today"> Today</strong>}
                    </p>
                    {list.length > 0 && (
                      <ul class="month-events">
                        {list.map((event) => (
                          <li class={event.status === "cancelled" ? "month-event-cancelled" : undefined}>
                            <a href={`/events/${event.id}`}>
                              <time datetime={event.startsAt.toISOString()}>
                                {toLocal(event.startsAt, zone).time}
                              </time>{" "}
                              {event.status === "cancelled" && (
                                <span class="badge badge-cancelled">Cancelled</span>
                              )}{" "}
                              {event.title}
                            </a>
                          </li>
                        ))}
                      </ul>
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
