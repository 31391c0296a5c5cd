import type { Page } from "../../../platform/http/pagination.js";
import { EmptyState, Pagination } from "../../../ui/components/common.js";
import { formatDate } from "../../../ui/components/time.js";
import { kindLabels } from "../inputs.js";
import type { DueResource } from "../queries.js";

const day = (date: string) => formatDate(new Date(`${date}T12:00:00Z`));

/** Published and endorsed resources past, or within 30 days of, their review date. */
export function DueForReview({
  page,
  today,
  until,
  url,
}: {
  page: Page<DueResource>;
  today: string;
  until: string;
  url: URL;
}) {
  return (
    <section aria-labelledby="due-heading">
      <h2 id="due-heading">Resources due for review</h2>
      <p class="muted">
        Published and endorsed resources whose review date has passed or falls before {day(until)}, the most
        overdue first. Their owners are reminded once the date passes.
      </p>
      {page.items.length === 0 && !page.previous ? (
        <EmptyState title="Nothing is due for review">
          <p>Every resource has a review date more than 30 days away.</p>
        </EmptyState>
      ) : (
        <div class="table-wrap">
          <table class="resources-due-table">
            <caption class="visually-hidden">Resources due for review</caption>
            <thead>
              <tr>
                <th scope="col">Resource</th>
                <th scope="col">Owner</th>
                <th scope="col">Review by</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((item) => (
                <tr>
                  <th scope="row">
                    <a href={`/resources/${item.id}`}>{item.title}</a>
                    <span class="resources-due-kind">{kindLabels[item.kind]}</span>
                  </th>
                  <td>
                    {item.owner ? <a href={`/people/${item.owner.handle}`}>{item.owner.name}</a> : "No owner"}
                  </td>
                  <td>
                    {item.reviewBy && <time datetime={item.reviewBy}>{day(item.reviewBy)}</time>}{" "}
                    {item.reviewBy && item.reviewBy < today ? (
                      <span class="badge resource-due">Overdue</span>
                    ) : (
                      <span class="badge badge-muted">Soon</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} baseUrl={url} />
    </section>
  );
}
