import type { Child } from "hono/jsx";
import { EmptyState } from "../../../ui/components/common.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { CommunityView } from "../load.js";

/** What a tab says to someone who may not see the community's content: who can, and how to join. */
export function MembersOnlyTab({ ctx, view, what }: { ctx: PageContext; view: CommunityView; what: string }) {
  const { community, membership } = view;
  const here = `/communities/${community.slug}`;
  let next: Child;
  if (ctx.actor.kind === "anonymous") {
    next = (
      <p>
        <a href={`/sign-in?next=${encodeURIComponent(ctx.path)}`}>Sign in</a> to see them.
      </p>
    );
  } else if (membership?.state === "requested") {
    next = <p>You have asked to join. You will see them once a convenor approves your request.</p>;
  } else if (membership?.state === "invited") {
    next = <p>You are invited to join. Accept the invitation at the top of the page to see them.</p>;
  } else if (community.status === "closed") {
    next = <p>The community has closed and is not taking new members.</p>;
  } else if (community.status === "proposed") {
    next = <p>The community is still a proposal and is not open to members yet.</p>;
  } else if (community.joinPolicy === "open") {
    next = <p>Anyone on the staff can join: use “Join community” at the top of the page.</p>;
  } else if (community.joinPolicy === "request") {
    next = <p>Use “Request to join” at the top of the page. The convenors review each request.</p>;
  } else {
    next = (
      <p>
        Membership is by invitation. The convenors are named on the <a href={here}>community's overview</a>:
        ask one of them if you would like to take part.
      </p>
    );
  }
  const title =
    ctx.actor.kind === "anonymous" && community.contentAccess === "staff"
      ? `Sign in to see the ${what}`
      : `Only members can see the ${what}`;
  return (
    <div class="tab-empty">
      <EmptyState title={title}>
        {community.contentAccess === "members" && (
          <p>
            {community.name} shares its {what} with members only.
          </p>
        )}
        {next}
      </EmptyState>
    </div>
  );
}
