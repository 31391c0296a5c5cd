import type { Context } from "hono";
import { notFound } from "../../platform/errors.js";
import type { AppEnv } from "../../platform/http/context.js";
import { type Decision, decide } from "../../platform/policy.js";
import { type Community, findCommunityBySlug, membershipOf } from "./queries.js";
import "./policy.js";

type MembershipRow = NonNullable<Awaited<ReturnType<typeof membershipOf>>>;

/** What every page inside a community needs: the community, the viewer's own membership, and the join decision. */
export interface CommunityView {
  community: Community;
  /** The viewer's membership row in any state (requested, invited, active, on_break, left), or null. */
  membership: MembershipRow | null;
  join: Decision;
}

/** Loads the community named by the `:slug` route parameter, or throws a 404. */
export async function loadCommunityView(c: Context<AppEnv>): Promise<CommunityView> {
  const db = c.get("db");
  const actor = c.get("actor");
  const community = await findCommunityBySlug(db, c.req.param("slug") ?? "");
  if (!community) throw notFound("community");
  const membership = actor.kind === "person" ? await membershipOf(db, community.id, actor.id) : null;
  return { community, membership, join: decide(actor, "community.join", community) };
}
