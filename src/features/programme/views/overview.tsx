import { EmptyState, PageHeader } from "../../../ui/components/common.js";
import { RelativeTime } from "../../../ui/components/time.js";
import { stageLabels } from "../../communities/inputs.js";
import { stages } from "../../communities/tables.js";
import type { OverviewQuery } from "../inputs.js";
import { overviewStatuses } from "../inputs.js";
import type { OverviewRow, OverviewSummary } from "../queries.js";

export const statusLabels: Record<(typeof overviewStatuses)[number], string> = {
  active: "Active",
  dormant: "Dormant",
  closed: "Closed",
  proposed: "Proposed",
};

const sortLabels = { name: "Name", activity: "Last activity", members: "Members" } as const;

// "20 Nov 2026": short enough to stay on one line in a table cell.
const formatters = new Map<string, Intl.DateTimeFormat>();
function shortDate(date: Date, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(date);
}

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

/** "42 communities: 36 active, 4 dormant, 2 closed". */
export function summaryLine(summary: OverviewSummary): string {
  const parts = [`${summary.active.toLocaleString("en-GB")} active`];
  if (summary.dormant) parts.push(`${summary.dormant.toLocaleString("en-GB")} dormant`);
  if (summary.closed) parts.push(`${summary.closed.toLocaleString("en-GB")} closed`);
  if (summary.proposed) parts.push(`${summary.proposed.toLocaleString("en-GB")} proposed`);
  return `${plural(summary.total, "community", "communities")}: ${parts.join(", ")}`;
}

export function overviewSearch(query: OverviewQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.status) params.set("status", query.status);
  if (query.stage) params.set("stage", query.stage);
  if (query.sort !== "name") params.set("sort", query.sort);
  const text = params.toString();
  return text ? `?${text}` : "";
}

function StatusCell({ row, timeZone }: { row: OverviewRow; timeZone: string }) {
  const label = statusLabels[row.status as keyof typeof statusLabels] ?? row.status;
  return (
    <>
      <span class={`badge programme-status programme-status-${row.status}`}>{label}</span>
      {row.status === "dormant" && row.dormantSince && (
        <div class="muted date">since {shortDate(row.dormantSince, timeZone)}</div>
      )}
      {row.status === "closed" && row.closedAt && (
        <div class="muted date">since {shortDate(row.closedAt, timeZone)}</div>
      )}
      {row.visibility === "unlisted" && <div class="muted">Unlisted</div>}
    </>
  );
}

export function ProgrammeOverview({
  rows,
  summary,
  query,
  timeZone,
}: {
  rows: OverviewRow[];
  summary: OverviewSummary;
  query: OverviewQuery;
  timeZone: string;
}) {
  const filtered = Boolean(query.q || query.status || query.stage);
  return (
    <>
      <PageHeader
        title="Communities"
        lead="Every community in the organisation, including unlisted, proposed, dormant and closed ones."
        actions={
          <a class="button button-secondary" href={`/admin/communities.csv${overviewSearch(query)}`}>
            Download as CSV
          </a>
        }
      />
      <p class="programme-summary">
        <strong>{summaryLine(summary)}</strong>
      </p>
      {summary.dormant > 0 && query.status !== "dormant" && (
        <div class="notice notice-info">
          {summary.dormant === 1
            ? "1 community has had no activity for 90 days. "
            : `${summary.dormant} communities have had no activity for 90 days. `}
          <a href="/admin/communities?status=dormant">See the dormant communities</a>, then talk to their
          convenors or close them.
        </div>
      )}
      <form
        class="filters"
        method="get"
        action="/admin/communities"
        role="search"
        aria-label="Filter communities"
      >
        <div class="field">
          <label for="programme-q">Name</label>
          <input id="programme-q" type="search" name="q" value={query.q} />
        </div>
        <div class="field">
          <label for="programme-status">Status</label>
          <select id="programme-status" name="status">
            <option value="">Any status</option>
            {overviewStatuses.map((status) => (
              <option value={status} selected={status === query.status}>
                {statusLabels[status]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="programme-stage">Stage</label>
          <select id="programme-stage" name="stage">
            <option value="">Any stage</option>
            {stages.map((stage) => (
              <option value={stage} selected={stage === query.stage}>
                {stageLabels[stage]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="programme-sort">Sort by</label>
          <select id="programme-sort" name="sort">
            {Object.entries(sortLabels).map(([value, label]) => (
              <option value={value} selected={value === query.sort}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button class="button" type="submit">
          Show
        </button>
      </form>
      {filtered && (
        <p class="result-count" role="status">
          {plural(rows.length, "community matches", "communities match")}.{" "}
          <a href="/admin/communities">Clear the filters</a>
        </p>
      )}
      {rows.length === 0 ? (
        <EmptyState title={filtered ? "No community matches these filters" : "There are no communities yet"}>
          {filtered ? (
            <p>
              Try another status or stage, or <a href="/admin/communities">see every community</a>.
            </p>
          ) : (
            <p>
              Communities appear here once a proposal is approved or someone{" "}
              <a href="/communities/new">creates one</a>.
            </p>
          )}
        </EmptyState>
      ) : (
        <div class="table-wrap">
          <table class="stack-on-mobile programme-table">
            <caption class="visually-hidden">
              Communities, sorted by {sortLabels[query.sort].toLowerCase()}
            </caption>
            <thead>
              <tr>
                <th scope="col">Community</th>
                <th scope="col">Stage</th>
                <th scope="col">Status</th>
                <th scope="col" class="numeric">
                  Members
                </th>
                <th scope="col">Last activity</th>
                <th scope="col">Convenors</th>
                <th scope="col" class="numeric">
                  Pending requests
                </th>
                <th scope="col">Charter</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr class={row.status === "dormant" ? "programme-row-dormant" : undefined}>
                  <th scope="row">
                    <a href={`/communities/${row.slug}`}>{row.name}</a>
                  </th>
                  <td data-label="Stage">
                    {stageLabels[row.stage as keyof typeof stageLabels] ?? row.stage}
                  </td>
                  <td data-label="Status">
                    <StatusCell row={row} timeZone={timeZone} />
                  </td>
                  <td data-label="Members" class="numeric">
                    {row.memberCount.toLocaleString("en-GB")}
                  </td>
                  <td data-label="Last activity">
                    <RelativeTime date={row.lastActivityAt} timeZone={timeZone} />
                    <div class="muted date">{shortDate(row.lastActivityAt, timeZone)}</div>
                  </td>
                  <td data-label="Convenors">
                    {row.convenors.length === 0
                      ? "None"
                      : row.convenors.map((person, index) => (
                          <>
                            {index > 0 && ", "}
                            <a href={`/people/${person.handle}`}>{person.name}</a>
                          </>
                        ))}
                  </td>
                  <td data-label="Pending requests" class="numeric">
                    {row.pendingRequests}
                  </td>
                  <td data-label="Charter">{row.charterWritten ? "Written" : "Not yet"}</td>
                  <td data-label="Actions">
                    {row.status === "closed" ? (
                      <a href={`/admin/communities/${row.slug}/reopen`}>
                        Reopen…<span class="visually-hidden"> {row.name}</span>
                      </a>
                    ) : row.status === "proposed" ? (
                      ""
                    ) : (
                      <a href={`/admin/communities/${row.slug}/close`}>
                        Close…<span class="visually-hidden"> {row.name}</span>
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
