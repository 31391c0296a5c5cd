import { raw } from "hono/html";
import { renderMarkdown } from "../../../platform/markdown.js";
import { Avatar } from "../../../ui/components/avatar.js";
import { Tags } from "../../../ui/components/common.js";
import { formatDate, RelativeTime } from "../../../ui/components/time.js";
import type { PageContext } from "../../../ui/page-context.js";
import { stageLabels, typeLabels } from "../inputs.js";
import type { ActivityLine, Community } from "../queries.js";

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

const rolePhrases: Record<string, string> = {
  convenor: "a convenor",
  core: "part of the core team",
  sponsor: "a sponsor",
  member: "a member",
};

const fieldNames: Record<string, string> = {
  name: "name",
  tagline: "tagline",
  description: "description",
  type: "type",
  practiceAreas: "practice areas",
  joinPolicy: "how people join",
  joiningQuestion: "joining question",
  visibility: "directory listing",
  contentAccess: "who can read its content",
  mailingListUrl: "mailing list",
  chatUrl: "chat group",
  websiteUrl: "website",
  contactEmail: "contact email",
};

function listOf(words: string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

const stageName = (value: unknown) => stageLabels[value as keyof typeof stageLabels] ?? "a new";

/** One line of recent activity as a sentence: "Sam Patel updated the charter (version 3)". */
export function ActivitySentence({ event, slug }: { event: ActivityLine; slug: string }) {
  const data = event.data ?? {};
  const who = event.actorHandle ? (
    <a href={`/people/${event.actorHandle}`}>{event.actorName}</a>
  ) : (
    <>Someone</>
  );
  switch (event.verb) {
    case "community.created":
      return <>{who} started the community</>;
    // Titles are not repeated here: a thread hidden later must not live on in the activity list.
    case "thread.created":
      return (
        <>
          {who}{" "}
          <a href={`/communities/${slug}/discussions/${event.objectId}`}>
            {data.kind === "question"
              ? "asked a question"
              : data.kind === "announcement"
                ? "made an announcement"
                : "started a discussion"}
          </a>
        </>
      );
    case "answer.accepted":
      return (
        <>
          {who} accepted{" "}
          <a
            href={`/communities/${slug}/discussions/${String(data.threadId ?? "")}#reply-${String(data.replyId ?? "")}`}
          >
            an answer
          </a>
        </>
      );
    case "event.created":
      return (
        <>
          {who} planned{" "}
          <a href={`/events/${event.objectId}`}>
            {Number(data.occurrences) > 1 ? "a series of events" : "an event"}
          </a>
        </>
      );
    case "resource.published":
      return (
        <>
          {who} shared <a href={`/resources/${event.objectId}`}>a resource</a>
        </>
      );
    case "resource.endorsed":
      return (
        <>
          {who} endorsed <a href={`/resources/${event.objectId}`}>a resource</a> as agreed practice
        </>
      );
    case "community.joined":
      return <>{who} joined</>;
    case "membership.invitation_accepted":
      return <>{who} accepted an invitation and joined</>;
    case "membership.role_changed":
      return (
        <>
          {who} made a member {rolePhrases[String(data.to)] ?? "a member"}
        </>
      );
    case "charter.updated": {
      const version = Number(data.version);
      return Number.isInteger(version) && version > 0 ? (
        <>
          {who} {version === 1 ? "wrote" : "updated"} the{" "}
          <a href={`/communities/${slug}/charter/versions/${version}`}>charter (version {version})</a>
        </>
      ) : (
        <>{who} updated the charter</>
      );
    }
    case "community.stage_changed":
      return (
        <>
          {who} moved the community to the {stageName(data.to)} stage
        </>
      );
    case "community.updated": {
      const fields = Array.isArray(data.fields)
        ? data.fields.map((f) => fieldNames[String(f)]).filter((f): f is string => Boolean(f))
        : [];
      return fields.length > 0 && fields.length <= 3 ? (
        <>
          {who} changed the {listOf(fields)}
        </>
      ) : (
        <>{who} updated the community's details</>
      );
    }
    case "lifecycle.item_ticked":
      return (
        <>
          {who} ticked off an item on the {stageName(data.stage)} checklist
        </>
      );
    case "community.dormant":
      return <>The community was marked dormant after a quiet spell</>;
    case "community.revived":
      return <>The community became active again</>;
    case "community.reopened":
      return <>{who} reopened the community</>;
    case "community.closed":
      return <>{who} closed the community</>;
    default:
      return <>{who} did something in the community</>;
  }
}

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

const dateOnly = (value: string) => formatDate(new Date(`${value}T12:00:00Z`));

export interface CommunityPageProps {
  ctx: PageContext;
  community: Community;
  leaders: PersonLine[];
  members: PersonLine[];
  canSeeMembers: boolean;
  activity?: ActivityLine[];
  canSeeActivity?: boolean;
  activityRefusal?: string;
  canManage?: boolean;
}

export function CommunityPage({
  ctx,
  community,
  leaders,
  members,
  canSeeMembers,
  activity = [],
  canSeeActivity = false,
  activityRefusal,
  canManage = false,
}: CommunityPageProps) {
  const base = `/communities/${community.slug}`;
  const convenors = leaders.filter((p) => p.role !== "sponsor");
  const sponsors = leaders.filter((p) => p.role === "sponsor");
  const channels = [
    { label: "Mailing list", href: community.mailingListUrl },
    { label: "Chat group", href: community.chatUrl },
    { label: "Website", href: community.websiteUrl },
  ].filter((channel) => /^https?:\/\//i.test(channel.href));
  const signedIn = ctx.actor.kind === "person";
  return (
    <div class="layout-sidebar community-overview">
      <div class="stack">
        {community.status === "dormant" && (
          <p class="notice notice-info">
            <strong>This community has gone quiet.</strong> Nothing had happened here for 90 days
            {community.dormantSince && (
              <>
                {" "}
                by{" "}
                <time datetime={community.dormantSince.toISOString()}>
                  {formatDate(community.dormantSince)}
                </time>
              </>
            )}
            . Any new activity brings it back.
          </p>
        )}
        {community.status === "closed" && (community.closingNote || community.closedAt) && (
          <section class="panel community-closed" aria-labelledby="closed-heading">
            <h2 id="closed-heading">
              Closed
              {community.closedAt && (
                <>
                  {" "}
                  on <time datetime={community.closedAt.toISOString()}>{formatDate(community.closedAt)}</time>
                </>
              )}
            </h2>
            {community.closingNote ? (
              <div class="prose">{raw(renderMarkdown(community.closingNote))}</div>
            ) : (
              <p class="muted">No closing note was left.</p>
            )}
          </section>
        )}
        <section class="panel" aria-labelledby="about-heading">
          <h2 id="about-heading">About this community</h2>
          {community.description ? (
            <div class="prose">{raw(renderMarkdown(community.description))}</div>
          ) : (
            <p class="muted">The convenors have not written a description yet.</p>
          )}
          {community.practiceAreas.length > 0 && (
            <>
              <h3 class="small-heading">Practice areas</h3>
              <Tags
                tags={community.practiceAreas}
                hrefFor={(area) => `/communities?area=${encodeURIComponent(area)}`}
              />
            </>
          )}
        </section>
        <section class="panel" aria-labelledby="coming-up-heading">
          <h2 id="coming-up-heading">Coming up</h2>
          <p class="muted">
            Events will show here when the community plans them. See the{" "}
            <a href={`${base}/events`}>Events tab</a>.
          </p>
        </section>
        <section class="panel" aria-labelledby="activity-heading">
          <h2 id="activity-heading">Recent activity</h2>
          {!canSeeActivity ? (
            signedIn ? (
              <p class="muted">{activityRefusal ?? "Only members can see what is happening here."}</p>
            ) : (
              <p class="muted">
                <a href={`/sign-in?next=${encodeURIComponent(base)}`}>Sign in</a> to see what is happening
                here.
              </p>
            )
          ) : activity.length ? (
            <ul class="activity-list">
              {activity.map((event) => (
                <li>
                  <span>
                    <ActivitySentence event={event} slug={community.slug} />
                  </span>{" "}
                  <span class="muted activity-when">
                    <RelativeTime date={event.occurredAt} />
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">Nothing has happened yet.</p>
          )}
        </section>
        <section class="panel" aria-labelledby="members-heading">
          <h2 id="members-heading">Recently joined</h2>
          {!canSeeMembers ? (
            !signedIn ? (
              <p class="muted">
                <a href={`/sign-in?next=${encodeURIComponent(base)}`}>Sign in</a> to see who is in this
                community.
              </p>
            ) : (
              <p class="muted">Only members can see who else has joined.</p>
            )
          ) : members.length ? (
            <>
              <ul class="people-list">
                {members.map((person) => (
                  <PersonItem person={person} />
                ))}
              </ul>
              <p class="panel-more">
                <a href={`${base}/members`}>
                  {community.memberCount === 1
                    ? "See the member list"
                    : `See all ${community.memberCount} members`}
                </a>
              </p>
            </>
          ) : (
            <p class="muted">Nobody has joined yet. Be the first.</p>
          )}
        </section>
      </div>
      <aside class="stack" aria-label="Community details">
        {canManage && (
          <nav class="panel manage-panel" aria-labelledby="manage-heading">
            <h2 id="manage-heading">Manage</h2>
            <ul class="link-list">
              <li>
                <a href={`${base}/settings`}>Settings</a>
              </li>
              <li>
                <a href={`${base}/lifecycle`}>Lifecycle</a>
              </li>
              <li>
                <a href={`${base}/moderation`}>Moderation queue</a>
              </li>
              <li>
                <a href={`${base}/requests`}>Requests and invitations</a>
              </li>
              <li>
                <a href={`${base}/members`}>Members</a>
              </li>
            </ul>
          </nav>
        )}
        <section class="panel" aria-labelledby="details-heading">
          <h2 id="details-heading">Details</h2>
          <dl class="facts">
            <dt>Members</dt>
            <dd>{community.memberCount}</dd>
            <dt>Type</dt>
            <dd>{typeLabels[community.type]}</dd>
            <dt>Stage</dt>
            <dd>
              {stageLabels[community.stage]}
              <br />
              <a href={`${base}/lifecycle`}>See the lifecycle</a>
            </dd>
            {community.status !== "active" && (
              <>
                <dt>Status</dt>
                <dd>
                  {
                    { proposed: "Proposed", active: "Active", dormant: "Dormant", closed: "Closed" }[
                      community.status
                    ]
                  }
                  {community.status === "closed" && community.closedAt && (
                    <>
                      {" "}
                      on{" "}
                      <time datetime={community.closedAt.toISOString()}>
                        {formatDate(community.closedAt)}
                      </time>
                    </>
                  )}
                </dd>
              </>
            )}
            {community.activeSince && (
              <>
                <dt>Active since</dt>
                <dd>
                  <time datetime={community.activeSince}>{dateOnly(community.activeSince)}</time>
                </dd>
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
            <dt>Content</dt>
            <dd>{community.contentAccess === "members" ? "Members only" : "Open to all staff"}</dd>
          </dl>
        </section>
        <section class="panel" aria-labelledby="contacts-heading">
          <h2 id="contacts-heading">Convenors and contacts</h2>
          {!signedIn ? (
            <p class="muted">
              <a href={`/sign-in?next=${encodeURIComponent(base)}`}>Sign in</a> to see the convenors.
            </p>
          ) : convenors.length ? (
            <ul class="people-list">
              {convenors.map((person) => (
                <PersonItem person={person} />
              ))}
            </ul>
          ) : (
            <p class="muted">No convenor has been named yet.</p>
          )}
          {community.contactEmail && (
            <p class="contact-email">
              Email: <a href={`mailto:${community.contactEmail}`}>{community.contactEmail}</a>
            </p>
          )}
          {signedIn && sponsors.length > 0 && (
            <>
              <h3 class="small-heading">{sponsors.length === 1 ? "Sponsor" : "Sponsors"}</h3>
              <ul class="people-list">
                {sponsors.map((person) => (
                  <PersonItem person={person} />
                ))}
              </ul>
            </>
          )}
        </section>
        {channels.length > 0 && (
          <section class="panel" aria-labelledby="channels-heading">
            <h2 id="channels-heading">Where we talk</h2>
            <ul class="link-list channels">
              {channels.map((channel) => (
                <li>
                  <a href={channel.href} rel="noopener noreferrer">
                    {channel.label}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}
      </aside>
    </div>
  );
}
