import { Hono } from "hono";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { can } from "../../platform/policy.js";
import { renderPage } from "../../ui/render.js";
import { resourceNow } from "./clock.js";
import { starterToolkit, todayIn, toolkitItemId } from "./finding-queries.js";
import { ToolkitPage } from "./views/toolkit-page.js";
import "./policy.js";

/**
 * Whether /toolkit offers "Add an item". Off until the resource form accepts starter toolkit
 * items (a resource with no community); the programme team can still edit the existing ones.
 */
const TOOLKIT_FORM_READY = false;

/** The starter toolkit at /toolkit, and stable addresses for its items. */
export function toolkitPages() {
  const app = new Hono<AppEnv>();

  app.get("/toolkit", async (c) => {
    const actor = requirePerson(c);
    const toolkit = await starterToolkit(c.get("db"), actor);
    return renderPage(c, { title: "Starter toolkit", breadcrumbs: [{ label: "Starter toolkit" }] }, () => (
      <ToolkitPage
        toolkit={toolkit}
        today={todayIn(resourceNow())}
        canArrange={can(actor, "collection.manage", null)}
        canAdd={TOOLKIT_FORM_READY && can(actor, "resource.create", null)}
      />
    ));
  });

  // /toolkit/<slug> stays valid whatever the item's id; unknown slugs fall through (to a 404, or another router's /toolkit/new).
  app.get("/toolkit/:slug", async (c, next) => {
    requirePerson(c);
    const slug = c.req.param("slug");
    const id = /^[a-z0-9-]{1,100}$/.test(slug) ? await toolkitItemId(c.get("db"), slug) : null;
    if (!id) return next();
    return c.redirect(`/resources/${id}`, 302);
  });

  return app;
}
