import { Hono } from "hono";
import { AppError } from "../../platform/errors.js";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { setFlash } from "../../platform/http/flash.js";
import { type FieldErrors, type FormValues, parseForm } from "../../platform/http/form.js";
import { redirectAfterPost } from "../../platform/http/htmx.js";
import { authorize } from "../../platform/policy.js";
import { renderPage } from "../../ui/render.js";
import { settingsInput } from "./inputs.js";
import { type CommunityView, loadCommunityView } from "./load.js";
import type { Community } from "./queries.js";
import { updateCommunity } from "./settings-service.js";
import { CommunitySettingsForm } from "./views/settings.js";
import { CommunityShell, communityCrumbs, communityTitle } from "./views/shell.js";
import "./policy.js";

function settingsValues(community: Community): FormValues {
  return {
    name: community.name,
    tagline: community.tagline,
    description: community.description,
    type: community.type,
    practiceAreas: community.practiceAreas.join(", "),
    joinPolicy: community.joinPolicy,
    joiningQuestion: community.joiningQuestion,
    visibility: community.visibility,
    contentAccess: community.contentAccess,
    mailingListUrl: community.mailingListUrl,
    chatUrl: community.chatUrl,
    websiteUrl: community.websiteUrl,
    contactEmail: community.contactEmail,
  };
}

/** A community's settings: details, channels, joining and visibility (convenors). */
export function communitySettingsPages() {
  const app = new Hono<AppEnv>();

  const render = (
    c: Parameters<typeof renderPage>[0],
    view: CommunityView,
    values: FormValues,
    errors?: FieldErrors,
  ) =>
    renderPage(
      c,
      {
        title: communityTitle(view.community, "Settings"),
        breadcrumbs: communityCrumbs(view.community, "Settings"),
        status: errors ? 422 : 200,
      },
      (ctx) => (
        <CommunityShell ctx={ctx} view={view} tab={null}>
          <CommunitySettingsForm ctx={ctx} slug={view.community.slug} values={values} errors={errors} />
        </CommunityShell>
      ),
    );

  app.get("/communities/:slug/settings", async (c) => {
    const actor = requirePerson(c);
    const view = await loadCommunityView(c);
    authorize(actor, "community.manage", view.community);
    return render(c, view, settingsValues(view.community));
  });

  app.post("/communities/:slug/settings", async (c) => {
    const actor = requirePerson(c);
    const view = await loadCommunityView(c);
    authorize(actor, "community.manage", view.community);
    const form = await parseForm(c, settingsInput);
    if (!form.ok) return render(c, view, form.values, form.errors);
    try {
      const { community, changed } = await updateCommunity(c.get("db"), actor, view.community, form.data);
      setFlash(
        c,
        changed.length ? "The settings have been saved." : "Nothing had changed, so nothing was saved.",
      );
      return redirectAfterPost(c, `/communities/${community.slug}`);
    } catch (error) {
      if (error instanceof AppError && error.status === 422 && error.detail?.field)
        return render(c, view, form.values, { [String(error.detail.field)]: error.userMessage });
      throw error;
    }
  });

  return app;
}
