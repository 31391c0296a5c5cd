import { CsrfField } from "../../../ui/components/form.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { CommunityView } from "../../communities/load.js";

const roleLabels: Record<string, string> = {
  convenor: "convenor",
  core: "in the core team",
  sponsor: "sponsor",
  member: "a member",
};

/** The viewer's membership state and the one next thing they can do, shown in the community header. */
export function MembershipActions({ ctx, view }: { ctx: PageContext; view: CommunityView }) {
  const { community, membership, join } = view;
  const current = membership && (membership.state === "active" || membership.state === "on_break");
  if (current) {
    return (
      <div class="inline-form">
        <span class="badge">You are {roleLabels[membership.role]}</span>
        <a class="button button-secondary button-small" href={`/communities/${community.slug}/leave`}>
          Leave community
        </a>
      </div>
    );
  }
  if (join.allowed) {
    return (
      <form class="inline-form" method="post" action={`/communities/${community.slug}/join`}>
        <CsrfField token={ctx.csrfToken} />
        <button class="button" type="submit">
          Join community
        </button>
      </form>
    );
  }
  if (ctx.actor.kind === "anonymous") {
    return (
      <a class="button" href={`/sign-in?next=/communities/${community.slug}`}>
        Sign in to join
      </a>
    );
  }
  return <p class="muted">{join.reason}</p>;
}
