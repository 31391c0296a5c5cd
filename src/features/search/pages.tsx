import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../platform/http/context.js";
import { activeRoleIn, can } from "../../platform/policy.js";
import { Avatar } from "../../ui/components/avatar.js";
import { EmptyState, PageHeader } from "../../ui/components/common.js";
import { renderPage } from "../../ui/render.js";
import { searchCommunities } from "../communities/directory-queries.js";
import { CommunityCard } from "../communities/views/card.js";
import { searchPeople } from "../people/queries.js";
import "../people/policy.js";

const searchQuery = z.object({ q: z.string().trim().max(200).catch("") });

/** One search box over what exists so far: communities, and people for signed-in colleagues. */
export function searchPages() {
  const app = new Hono<AppEnv>();

  app.get("/search", async (c) => {
    const actor = c.get("actor");
    const db = c.get("db");
    const { q } = searchQuery.parse(c.req.query());
    const seePeople = can(actor, "person.view", null);
    const [found, people] = q
      ? await Promise.all([
          searchCommunities(
            db,
            actor,
            { q, type: "", sort: "activity", mine: "", cursor: undefined },
            null,
            6,
          ),
          seePeople ? searchPeople(db, { q, skill: "", division: "" }, null, 8) : null,
        ])
      : [null, null];
    const nothing = found && found.items.length === 0 && (!people || people.items.length === 0);
    return renderPage(c, { title: q ? `Search: ${q}` : "Search" }, () => (
      <>
        <PageHeader
          title="Search"
          lead="Find communities by name or practice area, and colleagues by name, job or skill."
        />
        <form class="filters" method="get" action="/search" role="search" aria-label="Search Convene">
          <div class="field field-wide">
            <label for="search-q">Search for</label>
            <input id="search-q" type="search" name="q" value={q} />
          </div>
          <button class="button" type="submit">
            Search
          </button>
        </form>
        {!q && (
          <p class="muted">Try a practice area such as “payroll”, “accessibility” or “project management”.</p>
        )}
        {nothing && (
          <EmptyState title={`Nothing matches “${q}”`}>
            <p>
              Try fewer or broader words, or browse the <a href="/communities">community directory</a>.
            </p>
          </EmptyState>
        )}
        {found && found.items.length > 0 && (
          <section aria-labelledby="search-communities" class="stack" style="margin-bottom:2rem">
            <h2 id="search-communities">Communities</h2>
            <ul class="grid">
              {found.items.map((community) => (
                <CommunityCard community={community} isMember={activeRoleIn(actor, community.id) !== null} />
              ))}
            </ul>
            {found.next && <a href={`/communities?q=${encodeURIComponent(q)}`}>All matching communities</a>}
          </section>
        )}
        {people && people.items.length > 0 && (
          <section aria-labelledby="search-people" class="stack">
            <h2 id="search-people">People</h2>
            <ul class="people-list">
              {people.items.map((person) => (
                <li class="person-row">
                  <Avatar name={person.name} />
                  <span class="who">
                    <a href={`/people/${person.handle}`}>{person.name}</a>
                    <span>{[person.jobTitle, person.divisionName].filter(Boolean).join(" · ")}</span>
                  </span>
                </li>
              ))}
            </ul>
            {people.next && <a href={`/people?q=${encodeURIComponent(q)}`}>All matching people</a>}
          </section>
        )}
        {q && !seePeople && (
          <p class="muted">
            <a href={`/sign-in?next=${encodeURIComponent(`/search?q=${q}`)}`}>Sign in</a> to search for
            colleagues too.
          </p>
        )}
      </>
    ));
  });

  return app;
}
