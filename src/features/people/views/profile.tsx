import { raw } from "hono/html";
import { renderMarkdown } from "../../../platform/markdown.js";
import { Avatar } from "../../../ui/components/avatar.js";
import { Tags } from "../../../ui/components/common.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { people } from "../tables.js";

type Person = typeof people.$inferSelect;

const mentoringText = { offer: "Offers mentoring", seek: "Looking for a mentor", neither: null } as const;
const roleText: Record<string, string> = {
  convenor: "Convenor",
  core: "Core team",
  sponsor: "Sponsor",
  member: "Member",
};

export function ProfileView({
  ctx,
  person,
  divisionName,
  divisionSlug,
  communities,
  canEdit,
}: {
  ctx: PageContext;
  person: Person;
  divisionName: string | null;
  divisionSlug: string | null;
  communities: { slug: string; name: string; role: string; state: string }[];
  canEdit: boolean;
}) {
  const mentoring = mentoringText[person.mentoring];
  return (
    <div class="layout-sidebar">
      <div class="stack">
        <div class="profile-head">
          <Avatar name={person.name} large />
          <div>
            <h1>{person.name}</h1>
            <p class="lead" style="margin:0">
              {[person.jobTitle, divisionName].filter(Boolean).join(" · ") || "No job title yet"}
              {person.pronouns && <span class="muted"> ({person.pronouns})</span>}
            </p>
          </div>
        </div>
        {canEdit && (
          <p>
            <a
              class="button button-secondary button-small"
              href={
                ctx.actor.kind === "person" && ctx.actor.id === person.id
                  ? "/me/profile"
                  : `/people/${person.handle}/edit`
              }
            >
              Edit profile
            </a>
          </p>
        )}
        <section class="panel" aria-labelledby="about-heading">
          <h2 id="about-heading">About</h2>
          {person.bio ? (
            <div class="prose">{raw(renderMarkdown(person.bio))}</div>
          ) : (
            <p class="muted">{person.name} has not written about themselves yet.</p>
          )}
        </section>
        <section class="panel" aria-labelledby="skills-heading">
          <h2 id="skills-heading">Skills</h2>
          {person.skills.length ? (
            <Tags tags={person.skills} hrefFor={(skill) => `/people?skill=${encodeURIComponent(skill)}`} />
          ) : (
            <p class="muted">No skills listed yet.</p>
          )}
          {person.canHelpWith && (
            <>
              <h3 style="margin-top:1rem">Can help with</h3>
              <p>{person.canHelpWith}</p>
            </>
          )}
          {person.wantsToLearn && (
            <>
              <h3>Wants to learn</h3>
              <p>{person.wantsToLearn}</p>
            </>
          )}
        </section>
      </div>
      <aside class="stack" aria-label="Details">
        <section class="panel">
          <h2>Details</h2>
          <dl class="facts">
            {divisionName && (
              <>
                <dt>Division</dt>
                <dd>
                  <a href={`/people?division=${divisionSlug}`}>{divisionName}</a>
                </dd>
              </>
            )}
            {person.location && (
              <>
                <dt>Location</dt>
                <dd>{person.location}</dd>
              </>
            )}
            <dt>Time zone</dt>
            <dd>{person.timeZone}</dd>
            {mentoring && (
              <>
                <dt>Mentoring</dt>
                <dd>{mentoring}</dd>
              </>
            )}
          </dl>
        </section>
        <section class="panel">
          <h2>Communities</h2>
          {communities.length ? (
            <ul class="people-list">
              {communities.map((community) => (
                <li>
                  <a href={`/communities/${community.slug}`}>{community.name}</a>{" "}
                  {community.role !== "member" && <span class="badge">{roleText[community.role]}</span>}
                  {community.state === "on_break" && <span class="badge badge-muted">On a break</span>}
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">Not in any community yet.</p>
          )}
        </section>
      </aside>
    </div>
  );
}
