import type { FieldErrors } from "../../../platform/http/form.js";
import type { Page } from "../../../platform/http/pagination.js";
import { Avatar } from "../../../ui/components/avatar.js";
import { EmptyState, LiveFilters, Pagination } from "../../../ui/components/common.js";
import { CsrfField, ErrorSummary } from "../../../ui/components/form.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { Community } from "../../communities/queries.js";
import type { RosterFilters, RosterRow } from "../queries.js";
import { communityRoles, involvementLabels, roleLabels } from "../roster-inputs.js";
import { formatDay } from "../roster-service.js";
import { involvements } from "../tables.js";

export interface MembersTabProps {
  ctx: PageContext;
  community: Community;
  page: Page<RosterRow>;
  filters: RosterFilters;
  divisions: { slug: string; name: string }[];
  url: URL;
  canExport: boolean;
  canManage: boolean;
  canViewLeaving: boolean;
  errors?: FieldErrors;
}

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

/** The Members tab: who is in the community, searchable, with role controls for convenors. */
export function MembersTab(props: MembersTabProps) {
  const { community, filters, page } = props;
  const base = `/communities/${community.slug}`;
  const filtered = Boolean(filters.q || filters.role || filters.involvement || filters.division);
  return (
    <div class="stack roster">
      <ErrorSummary errors={props.errors} />
      <div class="roster-head">
        <div>
          <h2>Members</h2>
          <p class="muted">
            {plural(community.memberCount, "member", "members")}, including anyone on a break.
          </p>
        </div>
        {(props.canExport || props.canViewLeaving) && (
          <ul class="roster-links">
            {props.canExport && (
              <li>
                <a href={`${base}/members.csv`} download>
                  Download as CSV
                </a>
              </li>
            )}
            {props.canViewLeaving && (
              <li>
                <a href={`${base}/members/leaving`}>Why people leave</a>
              </li>
            )}
          </ul>
        )}
      </div>
      <LiveFilters action={`${base}/members`} label="Find members">
        <div class="field field-wide">
          <label for="members-q">Name or skill</label>
          <input id="members-q" type="search" name="q" value={filters.q} maxlength={100} />
        </div>
        <div class="field">
          <label for="members-role">Role</label>
          <select id="members-role" name="role">
            <option value="">All roles</option>
            {communityRoles.map((role) => (
              <option value={role} selected={role === filters.role}>
                {roleLabels[role]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="members-involvement">Involvement</label>
          <select id="members-involvement" name="involvement">
            <option value="">Any involvement</option>
            {involvements.map((involvement) => (
              <option value={involvement} selected={involvement === filters.involvement}>
                {involvementLabels[involvement]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="members-division">Division</label>
          <select id="members-division" name="division">
            <option value="">All divisions</option>
            {props.divisions.map((division) => (
              <option value={division.slug} selected={division.slug === filters.division}>
                {division.name}
              </option>
            ))}
          </select>
        </div>
        <button class="button" type="submit">
          Search
        </button>
        {filtered && <a href={`${base}/members`}>Clear</a>}
      </LiveFilters>
      <div id="results">
        {page.items.length === 0 ? (
          <EmptyState title={filtered ? "Nobody matches that search" : "Nobody has joined yet"}>
            <p>
              {filtered
                ? "Try part of a name, a broader skill, or clear the filters."
                : "Members appear here as soon as they join."}
            </p>
          </EmptyState>
        ) : (
          <div class="table-wrap">
            <table class="stack-on-mobile roster-table">
              <caption class="visually-hidden">
                Members of {community.name}
                {filtered ? " matching your search" : ""}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Role</th>
                  <th scope="col">Division</th>
                  <th scope="col">Skills</th>
                  <th scope="col">Involvement</th>
                  {props.canManage && <th scope="col">Manage</th>}
                </tr>
              </thead>
              <tbody>
                {page.items.map((member) => (
                  <MemberRow {...props} member={member} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} baseUrl={props.url} />
      </div>
    </div>
  );
}

function MemberRow(props: MembersTabProps & { member: RosterRow }) {
  const { member, community, ctx } = props;
  const base = `/communities/${community.slug}/members/${member.handle}`;
  const fieldName = `role-${member.handle}`;
  const error = props.errors?.[fieldName];
  const isSelf = ctx.actor.kind === "person" && ctx.actor.id === member.personId;
  return (
    <tr>
      <td>
        <div class="person-row">
          <Avatar name={member.name} />
          <span class="who">
            <a href={`/people/${member.handle}`}>{member.name}</a>
            {member.jobTitle && <span>{member.jobTitle}</span>}
            {member.state === "on_break" && (
              <span class="badge badge-muted roster-break">
                On a break{member.breakUntil ? ` until ${formatDay(member.breakUntil)}` : ""}
              </span>
            )}
          </span>
        </div>
      </td>
      <td data-label="Role">{roleLabels[member.role]}</td>
      <td data-label="Division">{member.divisionName ?? <span class="muted">Not given</span>}</td>
      <td data-label="Skills">
        {member.skills.length ? (
          <ul class="tags">
            {member.skills.slice(0, 3).map((skill) => (
              <li>
                <span class="tag">{skill}</span>
              </li>
            ))}
            {member.skills.length > 3 && <li class="muted">and {member.skills.length - 3} more</li>}
          </ul>
        ) : (
          <span class="muted">None listed</span>
        )}
      </td>
      <td data-label="Involvement">{involvementLabels[member.involvement]}</td>
      {props.canManage && (
        <td data-label="Manage">
          <div class={error ? "roster-manage field-error" : "roster-manage"}>
            {error && (
              <span class="error-message" id={`field-${fieldName}-error`}>
                <span class="visually-hidden">Error: </span>
                {error}
              </span>
            )}
            <form class="inline-form" method="post" action={`${base}/role`}>
              <CsrfField token={ctx.csrfToken} />
              <label class="visually-hidden" for={`field-${fieldName}`}>
                Role for {member.name}
              </label>
              <select
                id={`field-${fieldName}`}
                name="role"
                aria-invalid={error ? "true" : undefined}
                aria-describedby={error ? `field-${fieldName}-error` : undefined}
              >
                {communityRoles.map((role) => (
                  <option value={role} selected={role === member.role}>
                    {roleLabels[role]}
                  </option>
                ))}
              </select>
              <button class="button button-secondary button-small" type="submit">
                Change role<span class="visually-hidden"> for {member.name}</span>
              </button>
            </form>
            {!isSelf && (
              <a class="roster-remove" href={`${base}/remove`}>
                Remove<span class="visually-hidden"> {member.name}</span>
              </a>
            )}
          </div>
        </td>
      )}
    </tr>
  );
}

/** Shown in the Members tab to signed-in people who may not see the list. */
export function MembersHidden({ reason }: { reason: string }) {
  return (
    <div class="stack">
      <h2>Members</h2>
      <p class="notice notice-info">{reason}</p>
    </div>
  );
}
