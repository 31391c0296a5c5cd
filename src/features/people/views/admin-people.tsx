import type { Page } from "../../../platform/http/pagination.js";
import { EmptyState, PageHeader, Pagination } from "../../../ui/components/common.js";
import { CsrfField } from "../../../ui/components/form.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { PersonSummary } from "../queries.js";

const roleLabels = { admin: "Administrator", programme: "Programme team", member: "Member" } as const;

export function AdminPeople({
  ctx,
  page,
  q,
  url,
}: {
  ctx: PageContext;
  page: Page<PersonSummary>;
  q: string;
  url: URL;
}) {
  return (
    <>
      <PageHeader
        title="People and roles"
        lead="Administrators run the site; the programme team approves and supports communities; everyone else is a member."
      />
      <form class="filters" method="get" action="/admin/people" role="search" aria-label="Find people">
        <div class="field field-wide">
          <label for="admin-q">Name or job title</label>
          <input id="admin-q" type="search" name="q" value={q} />
        </div>
        <button class="button" type="submit">
          Search
        </button>
      </form>
      {page.items.length === 0 ? (
        <EmptyState title="Nobody matches that search">
          <p>Try part of a name.</p>
        </EmptyState>
      ) : (
        <div class="table-wrap">
          <table class="stack-on-mobile">
            <caption class="visually-hidden">People and their site roles</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Division</th>
                <th scope="col">Site role</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((person) => (
                <tr>
                  <td>
                    <a href={`/people/${person.handle}`}>{person.name}</a>
                    <div class="muted">{person.jobTitle}</div>
                  </td>
                  <td data-label="Division">{person.divisionName ?? "—"}</td>
                  <td data-label="Site role">
                    <form class="inline-form" method="post" action={`/admin/people/${person.handle}/role`}>
                      <CsrfField token={ctx.csrfToken} />
                      <input type="hidden" name="q" value={q} />
                      <label class="visually-hidden" for={`role-${person.handle}`}>
                        Site role for {person.name}
                      </label>
                      <select id={`role-${person.handle}`} name="role">
                        {Object.entries(roleLabels).map(([value, label]) => (
                          <option value={value} selected={value === person.siteRole}>
                            {label}
                          </option>
                        ))}
                      </select>
                      <button class="button button-secondary button-small" type="submit">
                        Change role<span class="visually-hidden"> for {person.name}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} baseUrl={url} />
    </>
  );
}
