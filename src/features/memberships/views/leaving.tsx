import type { Community } from "../../communities/queries.js";
import { type LeavingSummary, REASONS_THRESHOLD } from "../queries.js";

const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
/** "March 2026" for "2026-03". */
export const monthName = (month: string) => monthFormat.format(new Date(`${month}-01T00:00:00Z`));

/** Leaving in aggregate: a count per month and the reasons, never names or days. */
export function LeavingReasons({ community, summary }: { community: Community; summary: LeavingSummary }) {
  const most = Math.max(1, ...summary.months.map((m) => m.count));
  return (
    <div class="stack roster-leaving">
      <p>
        <a href={`/communities/${community.slug}/members`}>← Back to the members</a>
      </p>
      <section class="panel" aria-labelledby="leaving-heading">
        <h2 id="leaving-heading">Why people leave</h2>
        <p>
          {summary.total === 0
            ? "Nobody has left in the last 12 months."
            : `${summary.total} ${summary.total === 1 ? "person" : "people"} left in the last 12 months.`}{" "}
          People a convenor removed are not counted here.
        </p>
        <div class="table-wrap">
          <table class="roster-months">
            <caption>People who left {community.name}, by month</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">People who left</th>
                <th scope="col" class="roster-bar-col">
                  <span class="visually-hidden">Chart</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.months.map((m) => (
                <tr>
                  <th scope="row">{monthName(m.month)}</th>
                  <td>{m.count}</td>
                  <td class="roster-bar-col" aria-hidden="true">
                    {m.count > 0 && (
                      <span class="roster-bar" style={`width:${Math.round((m.count / most) * 100)}%`} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section class="panel" aria-labelledby="reasons-heading">
        <h2 id="reasons-heading">The reasons they gave</h2>
        {summary.reasonsHidden ? (
          <p class="notice notice-info">
            {summary.total === 0
              ? "There are no reasons to show."
              : `Reasons are shown once at least ${REASONS_THRESHOLD} people have left in 12 months. With fewer, a reason could point to the person who gave it.`}
          </p>
        ) : summary.reasons.length === 0 ? (
          <p class="muted">Nobody who left gave a reason.</p>
        ) : (
          <>
            <p class="muted">
              Newest first, with the month only and never the name of the person who gave it.
            </p>
            <ul class="roster-reasons">
              {summary.reasons.map((r) => (
                <li>
                  <blockquote>{r.reason}</blockquote>
                  <span class="muted">{monthName(r.month)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
