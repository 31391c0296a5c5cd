import { raw } from "hono/html";
import { renderMarkdown } from "../../../platform/markdown.js";
import { Avatar } from "../../../ui/components/avatar.js";
import { Tags } from "../../../ui/components/common.js";
import { formatDate } from "../../../ui/components/time.js";
import type { PageContext } from "../../../ui/page-context.js";
import { stageLabels, typeLabels } from "../inputs.js";
import type { Community } from "../queries.js";

export interface PersonLine {
  handle: string;
  name: string;
  jobTitle: string;
  role: string;
  divisionName?: string | null;
}

const roleLabels: Record<string, string> = {
  convenor: "Convenor",
  core: "Core team",
  sponsor: "Sponsor",
  member: "Member",
};

function PersonItem({ person }: { person: PersonLine }) {
  return (
    <li class="person-row">
      <Avatar name={person.name} />
      <span class="who">
        <a href={`/people/${person.handle}`}>{person.name}</a>
        <span>{[roleLabels[person.role], person.jobTitle].filter(Boolean).join(" · ")}</span>
      </span>
    </li>
  );
}

export function CommunityPage({
  ctx,
  community,
  leaders,
  members,
  canSeeMembers,
}: {
  ctx: PageContext;
  community: Community;
  leaders: PersonLine[];
  members: PersonLine[];
  canSeeMembers: boolean;
}) {
  return (
    <div class="layout-sidebar">
      <div class="stack">
        <section class="panel" aria-labelledby="about-heading">
          <h2 id="about-heading">About this community</h2>
          {community.description ? (
            <div class="prose">{raw(renderMarkdown(community.description))}</div>
          ) : (
            <p class="muted">The convenors have not written a description yet.</p>
          )}
        </section>
        <section class="panel" aria-labelledby="members-heading">
          <h2 id="members-heading">Recently joined</h2>
          {!canSeeMembers ? (
            ctx.actor.kind === "anonymous" ? (
              <p class="muted">
                <a href={`/sign-in?next=/communities/${community.slug}`}>Sign in</a> to see who is in this
                community.
              </p>
            ) : (
              <p class="muted">Only members can see who else has joined.</p>
            )
          ) : members.length ? (
            <ul class="people-list">
              {members.map((person) => (
                <PersonItem person={person} />
              ))}
            </ul>
          ) : (
            <p class="muted">Nobody has joined yet. Be the first.</p>
          )}
        </section>
      </div>
      <aside class="stack" aria-label="Community details">
        <section class="panel">
          <h2>Details</h2>
          <dl class="facts">
            <dt>Members</dt>
            <dd>{community.memberCount}</dd>
            <dt>Type</dt>
            <dd>{typeLabels[community.type]}</dd>
            <dt>Stage</dt>
            <dd>{stageLabels[community.stage]}</dd>
            {community.activeSince && (
              <>
                <dt>Active since</dt>
                <dd>{formatDate(new Date(`${community.activeSince}T12:00:00Z`))}</dd>
              </>
            )}
            <dt>Joining</dt>
            <dd>
              {
                { open: "Open to all staff", request: "Request to join", invite: "Invite only" }[
                  community.joinPolicy
                ]
              }
            </dd>
            {community.status !== "active" && (
              <>
                <dt>Status</dt>
                <dd>{community.status}</dd>
              </>
            )}
          </dl>
          <h3 style="margin-top:1rem">Practice areas</h3>
          <Tags
            tags={community.practiceAreas}
            hrefFor={(area) => `/communities?q=${encodeURIComponent(area)}`}
          />
        </section>
        <section class="panel">
          <h2>Contacts</h2>
          {ctx.actor.kind === "anonymous" ? (
            <p class="muted">Sign in to see the convenors.</p>
          ) : leaders.length ? (
            <ul class="people-list">
              {leaders.map((person) => (
                <PersonItem person={person} />
              ))}
            </ul>
          ) : (
            <p class="muted">No convenor has been named yet.</p>
          )}
        </section>
      </aside>
    </div>
  );
}
