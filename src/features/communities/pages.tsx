import { Hono } from "hono";
import { AppError } from "../../platform/errors.js";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { setFlash } from "../../platform/http/flash.js";
import { type FormValues, parseForm } from "../../platform/http/form.js";
import { redirectAfterPost } from "../../platform/http/htmx.js";
import { can, decide } from "../../platform/policy.js";
import { renderPage } from "../../ui/render.js";
import { communityInput } from "./inputs.js";
import { loadCommunityView } from "./load.js";
import { leadersOf, recentActivity, recentMembers } from "./queries.js";
import { createCommunity } from "./service.js";
import { CommunityPage } from "./views/community.js";
import { CommunityForm } from "./views/forms.js";
import { CommunityShell, communityCrumbs, communityTitle } from "./views/shell.js";
import "./policy.js";

const blankCommunity: FormValues = { type: "professional", joinPolicy: "open", visibility: "listed" };

export function communityPages() {
  const app = new Hono<AppEnv>();

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
    const view = await loadCommunityView(c);
    const { community } = view;
    const canSeeMembers = can(actor, "community.viewMembers", community);
    const activityDecision = decide(actor, "community.viewContent", community);
    const [leaders, members, activity] = await Promise.all([
      actor.kind === "person" ? leadersOf(db, community.id) : [],
      canSeeMembers ? recentMembers(db, community.id) : [],
      activityDecision.allowed ? recentActivity(db, community.id, 10) : [],
    ]);
    return renderPage(
      c,
      { title: communityTitle(community), breadcrumbs: communityCrumbs(community) },
      (ctx) => (
        <CommunityShell ctx={ctx} view={view} tab="overview">
          <CommunityPage
            ctx={ctx}
            community={community}
            leaders={leaders}
            members={members}
            canSeeMembers={canSeeMembers}
            activity={activity}
            canSeeActivity={activityDecision.allowed}
            activityRefusal={activityDecision.allowed ? undefined : activityDecision.reason}
            canManage={can(actor, "community.manage", community)}
          />
        </CommunityShell>
      ),
    );
  });

  return app;
}
