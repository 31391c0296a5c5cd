import { Hono } from "hono";
import { AppError, notFound } from "../../platform/errors.js";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { setFlash } from "../../platform/http/flash.js";
import { parseForm } from "../../platform/http/form.js";
import { redirectAfterPost } from "../../platform/http/htmx.js";
import { activeRoleIn } from "../../platform/policy.js";
import { renderPage } from "../../ui/render.js";
import { findCommunityBySlug } from "../communities/queries.js";
import { leaveInput } from "./inputs.js";
import { joinCommunity, leaveCommunity } from "./service.js";
import { LeaveForm } from "./views/leave.js";

/** Joining, requests, invitations, roles, breaks and leaving, as pages under /communities/:slug. */
export function membershipPages() {
  const app = new Hono<AppEnv>();

  app.post("/communities/:slug/join", async (c) => {
    const actor = requirePerson(c);
    const community = await findCommunityBySlug(c.get("db"), c.req.param("slug"));
    if (!community) throw notFound("community");
    await joinCommunity(c.get("db"), actor, community);
    setFlash(c, `Welcome to ${community.name}. You are now a member.`);
    return redirectAfterPost(c, `/communities/${community.slug}`);
  });

  app.get("/communities/:slug/leave", async (c) => {
    const actor = requirePerson(c);
    const community = await findCommunityBySlug(c.get("db"), c.req.param("slug"));
    if (!community) throw notFound("community");
    if (!activeRoleIn(actor, community.id)) return c.redirect(`/communities/${community.slug}`, 303);
    return renderPage(
      c,
      {
        title: `Leave ${community.name}`,
        breadcrumbs: [
          { label: "Communities", href: "/communities" },
          { label: community.name, href: `/communities/${community.slug}` },
          { label: "Leave" },
        ],
      },
      (ctx) => <LeaveForm ctx={ctx} community={community} />,
    );
  });

  app.post("/communities/:slug/leave", async (c) => {
    const actor = requirePerson(c);
    const community = await findCommunityBySlug(c.get("db"), c.req.param("slug"));
    if (!community) throw notFound("community");
    const form = await parseForm(c, leaveInput);
    const again = (errors: Record<string, string>) =>
      renderPage(c, { title: `Leave ${community.name}`, status: 422 }, (ctx) => (
        <LeaveForm ctx={ctx} community={community} values={form.values} errors={errors} />
      ));
    if (!form.ok) return again(form.errors);
    try {
      await leaveCommunity(c.get("db"), actor, community, form.data.reason);
    } catch (error) {
      if (error instanceof AppError && error.code === "last_convenor")
        return again({ reason: error.userMessage });
      throw error;
    }
    setFlash(c, `You have left ${community.name}.`);
    return redirectAfterPost(c, `/communities/${community.slug}`);
  });

  return app;
}
