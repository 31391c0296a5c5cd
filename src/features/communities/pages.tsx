import { Hono } from "hono";
import { AppError, notFound } from "../../platform/errors.js";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { setFlash } from "../../platform/http/flash.js";
import { type FormValues, parseForm } from "../../platform/http/form.js";
import { redirectAfterPost } from "../../platform/http/htmx.js";
import { decodeCursor } from "../../platform/http/pagination.js";
import { activeRoleIn, can, decide } from "../../platform/policy.js";
import { renderPage } from "../../ui/render.js";
import { joinCommunity, leaveCommunity } from "../memberships/service.js";
import { communityInput, directoryQuery, leaveInput } from "./inputs.js";
import { findCommunityBySlug, leadersOf, recentMembers, searchCommunities } from "./queries.js";
import { createCommunity } from "./service.js";
import { CommunityPage } from "./views/community.js";
import { CommunityDirectory } from "./views/directory.js";
import { CommunityForm, LeaveForm } from "./views/forms.js";
import "./policy.js";

const blankCommunity: FormValues = { type: "professional", joinPolicy: "open", visibility: "listed" };

export function communityPages() {
  const app = new Hono<AppEnv>();

  app.get("/communities", async (c) => {
    const actor = c.get("actor");
    const query = directoryQuery.parse(c.req.query());
    const page = await searchCommunities(c.get("db"), actor, query, decodeCursor(query.cursor));
    return renderPage(c, { title: query.mine ? "Your communities" : "Communities" }, () => (
      <CommunityDirectory
        actor={actor}
        page={page}
        query={query}
        url={new URL(c.req.url)}
        canCreate={can(actor, "community.create", null)}
      />
    ));
  });

  app.get("/communities/new", (c) => {
    const actor = requirePerson(c);
    const decision = decide(actor, "community.create", null);
    if (!decision.allowed) throw new AppError(403, "forbidden", decision.reason);
    return renderPage(
      c,
      {
        title: "Create a community",
        breadcrumbs: [{ label: "Communities", href: "/communities" }, { label: "Create" }],
      },
      (ctx) => <CommunityForm ctx={ctx} values={blankCommunity} />,
    );
  });

  app.post("/communities/new", async (c) => {
    const actor = requirePerson(c);
    const form = await parseForm(c, communityInput);
    const again = (errors: Record<string, string>) =>
      renderPage(c, { title: "Create a community", status: 422 }, (ctx) => (
        <CommunityForm ctx={ctx} values={form.values} errors={errors} />
      ));
    if (!form.ok) return again(form.errors);
    try {
      const community = await createCommunity(c.get("db"), actor, form.data);
      setFlash(c, `${community.name} has been created and you are its convenor.`);
      return redirectAfterPost(c, `/communities/${community.slug}`);
    } catch (error) {
      if (error instanceof AppError && error.detail?.field)
        return again({ [String(error.detail.field)]: error.userMessage });
      throw error;
    }
  });

  app.get("/communities/:slug", async (c) => {
    const actor = c.get("actor");
    const db = c.get("db");
    const community = await findCommunityBySlug(db, c.req.param("slug"));
    if (!community) throw notFound("community");
    const canSeeMembers = can(actor, "community.viewMembers", community);
    const [leaders, members] = canSeeMembers
      ? await Promise.all([leadersOf(db, community.id), recentMembers(db, community.id)])
      : [[], []];
    const join = decide(actor, "community.join", community);
    return renderPage(
      c,
      {
        title: community.name,
        breadcrumbs: [{ label: "Communities", href: "/communities" }, { label: community.name }],
      },
      (ctx) => (
        <CommunityPage
          ctx={ctx}
          community={community}
          leaders={leaders}
          members={members}
          myRole={activeRoleIn(actor, community.id)}
          canJoin={join.allowed}
          joinRefusal={join.allowed ? null : join.reason}
          canSeeMembers={canSeeMembers}
        />
      ),
    );
  });

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
