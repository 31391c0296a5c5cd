import type { Context } from "hono";
import { Hono } from "hono";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { setFlash } from "../../platform/http/flash.js";
import { type FieldErrors, type FormValues, fieldValue, parseForm } from "../../platform/http/form.js";
import { redirectAfterPost } from "../../platform/http/htmx.js";
import { authorize, can } from "../../platform/policy.js";
import { renderPage } from "../../ui/render.js";
import { resourceNow } from "./clock.js";
import { starterToolkit, todayIn, toolkitItemId } from "./finding-queries.js";
import { resourceInput } from "./inputs.js";
import { clockOf, draftOf, fieldErrorOf, previewOf } from "./pages.js";
import { createResource, resourceUrl } from "./service.js";
import { ResourceForm } from "./views/resource-form.js";
import { ToolkitPage } from "./views/toolkit-page.js";
import "./policy.js";

/** Whether /toolkit offers "Add an item" (the form at /toolkit/new). */
const TOOLKIT_FORM_READY = true;

/** The resource form, for a new starter toolkit item (a resource of no community). */
function renderNewItem(
  c: Context<AppEnv>,
  values?: FormValues,
  errors?: FieldErrors,
  preview: string | null = null,
) {
  return renderPage(
    c,
    {
      title: "Add an item – Starter toolkit",
      breadcrumbs: [{ label: "Starter toolkit", href: "/toolkit" }, { label: "Add an item" }],
      status: errors ? 422 : 200,
    },
    (ctx) => (
      <div class="narrow">
        <h1>Add an item to the starter toolkit</h1>
        <p>
          Everyone signed in can read the starter toolkit. The new item goes at the end; use “Edit order” on
          the toolkit page to move it.
        </p>
        <ResourceForm
          ctx={ctx}
          action="/toolkit/new"
          values={values}
          errors={errors}
          preview={preview}
          mode="new"
          cancelHref="/toolkit"
        />
      </div>
    ),
  );
}

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

  app.get("/toolkit/new", (c) => {
    authorize(requirePerson(c), "resource.create", null);
    return renderNewItem(c);
  });

  app.post("/toolkit/new", async (c) => {
    const actor = requirePerson(c);
    authorize(actor, "resource.create", null);
    const form = await parseForm(c, resourceInput);
    if (fieldValue(form.values, "action") === "preview")
      return renderNewItem(c, form.values, undefined, previewOf(fieldValue(form.values, "body")));
    if (!form.ok) return renderNewItem(c, form.values, form.errors);
    try {
      const resource = await createResource(c.get("db"), actor, null, draftOf(form.data), clockOf(c));
      setFlash(
        c,
        resource.status === "draft"
          ? "Your draft is saved. It joins the starter toolkit when you publish it."
          : "It is published in the starter toolkit.",
      );
      return redirectAfterPost(c, resourceUrl(resource.id));
    } catch (error) {
      return renderNewItem(c, form.values, fieldErrorOf(error));
    }
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
