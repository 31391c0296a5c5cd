import { can } from "../../../platform/policy.js";
import { formatDate } from "../../../ui/components/time.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { CommunityView } from "../../communities/load.js";
import "../policy.js";

const roleBadges: Record<string, string> = {
  convenor: "You are convenor",
  core: "You are in the core team",
  sponsor: "You are a sponsor",
  member: "You are a member",
};

export const invitedRoleNames: Record<string, string> = {
  convenor: "a convenor",
  core: "a core member",
  sponsor: "a sponsor",
  member: "a member",
};

/** A date column ("2026-03-01") shown as people read it ("1 March 2026"). */
export function formatDay(day: string): string {
  return formatDate(new Date(`${day}T12:00:00Z`), "UTC");
}

/**
 * The viewer's membership state and the one next thing they can do, shown in the header of every
 * community page: sign in, join, ask to join, answer an invitation, see a pending request, or
 * (for members) their role, their membership and leaving.
 */
export function MembershipActions({ ctx, view }: { ctx: PageContext; view: CommunityView }) {
  const { community, membership } = view;
  const base = `/communities/${community.slug}`;
  const reviewLink = can(ctx.actor, "membership.review", community) ? (
    <a class="membership-review-link" href={`${base}/requests`}>
      Requests and invitations
    </a>
  ) : null;
  const state = membership?.state ?? null;

  if (state === "active" || state === "on_break") {
    return (
      <div class="membership-actions">
        <p class="membership-status">
          {state === "on_break" && membership?.breakUntil ? (
            <span class="badge badge-muted">On a break until {formatDay(membership.breakUntil)}</span>
          ) : (
            <span class="badge">{roleBadges[membership?.role ?? "member"]}</span>
          )}
        </p>
        <div class="inline-form">
          <a class="button button-secondary button-small" href={`${base}/membership`}>
            Your membership
          </a>
          <a class="button button-secondary button-small" href={`${base}/leave`}>
            Leave community
          </a>
        </div>
        {reviewLink}
      </div>
    );
  }

  if (community.status === "closed")
    return reviewLink ? <div class="membership-actions">{reviewLink}</div> : null;

  if (state === "invited" && membership) {
    return (
      <div class="membership-actions membership-invited">
        <p class="membership-status">
          <strong>You are invited to join as {invitedRoleNames[membership.role]}</strong>
        </p>
        <div class="inline-form">
          <a class="button button-small" href={`${base}/join`}>
            Accept
          </a>
          <a class="button button-secondary button-small" href={`${base}/invitation/decline`}>
            Decline
          </a>
        </div>
        {reviewLink}
      </div>
    );
  }

  if (state === "requested") {
    return (
      <div class="membership-actions">
        <p class="membership-status">
          <span class="badge badge-muted">Request sent</span>
        </p>
        <a class="button button-secondary button-small" href={`${base}/request/withdraw`}>
          Withdraw request
        </a>
        {reviewLink}
      </div>
    );
  }

  if (community.status === "proposed") {
    return <p class="muted membership-actions">Proposed: not open to members yet.</p>;
  }

  if (ctx.actor.kind === "anonymous") {
    return (
      <div class="membership-actions">
        <a class="button" href={`/sign-in?next=${encodeURIComponent(`${base}`)}`}>
          Sign in to join
        </a>
      </div>
    );
  }

  if (community.joinPolicy === "open") {
    return (
      <div class="membership-actions">
        <a class="button" href={`${base}/join`}>
          Join community
        </a>
        {reviewLink}
      </div>
    );
  }
  if (community.joinPolicy === "request") {
    return (
      <div class="membership-actions">
        <a class="button" href={`${base}/join`}>
          Request to join
        </a>
        <p class="muted membership-note">The convenors review each request.</p>
        {reviewLink}
      </div>
    );
  }
  return (
    <div class="membership-actions">
      <p class="muted membership-note">Invite only: ask one of the convenors if you would like to join.</p>
      {reviewLink}
    </div>
  );
}
