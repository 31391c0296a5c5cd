import type { Page } from "../../../platform/http/pagination.js";
import { Avatar } from "../../../ui/components/avatar.js";
import { EmptyState, LiveFilters, PageHeader, Pagination } from "../../../ui/components/common.js";
import type { PersonSummary } from "../queries.js";

export function PeopleDirectory({
  page,
  filters,
  divisions,
  url,
}: {
  page: Page<PersonSummary>;
  filters: { q: string; skill: string; division: string };
  divisions: { slug: string; name: string }[];
  url: URL;
}) {
  const filtered = Boolean(filters.q || filters.skill || filters.division);
  return (
    <>
      <PageHeader
        title="People"
        lead="Find colleagues by name, skill or division, and see what they can help with."
        actions={
          <a class="button button-secondary" href="/experts">
            Who can advise on…?
          </a>
        }
      />
      <LiveFilters action="/people" label="Find people">
        <div class="field field-wide">
          <label for="people-q">Name, job title or skill</label>
          <input id="people-q" type="search" name="q" value={filters.q} />
        </div>
        <div class="field">
          <label for="people-skill">Skill</label>
          <input id="people-skill" type="text" name="skill" value={filters.skill} />
        </div>
        <div class="field">
          <label for="people-division">Division</label>
          <select id="people-division" name="division">
            <option value="">All divisions</option>
            {divisions.map((division) => (
              <option value={division.slug} selected={division.slug === filters.division}>
                {division.name}
              </option>
            ))}
          </select>
        </div>
        <button class="button" type="submit">
          Search
        </button>
        {filtered && <a href="/people">Clear</a>}
      </LiveFilters>
      <div id="results">
        {page.items.length === 0 ? (
          <EmptyState title={filtered ? "Nobody matches that search" : "Nobody is here yet"}>
            <p>
              {filtered
                ? "Try a shorter name, a broader skill, or all divisions."
                : "People appear here once they create an account."}
            </p>
          </EmptyState>
        ) : (
          <ul class="grid" aria-label="People">
            {page.items.map((person) => (
              <li class="card">
                <div class="person-row">
                  <Avatar name={person.name} />
                  <div class="who">
                    <h2 style="font-size:1.05rem;margin:0">
                      <a href={`/people/${person.handle}`}>{person.name}</a>
                    </h2>
                    <span>{[person.jobTitle, person.divisionName].filter(Boolean).join(" · ")}</span>
                  </div>
                </div>
                {person.skills.length > 0 && <p>{person.skills.slice(0, 5).join(", ")}</p>}
              </li>
            ))}
          </ul>
        )}
        <Pagination page={page} baseUrl={url} />
      </div>
    </>
  );
}
