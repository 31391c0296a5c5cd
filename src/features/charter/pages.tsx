import type { Context } from "hono";
import { Hono } from "hono";
import { AppError, notFound } from "../../platform/errors.js";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { setFlash } from "../../platform/http/flash.js";
import { type FieldErrors, type FormValues, parseForm } from "../../platform/http/form.js";
import { redirectAfterPost } from "../../platform/http/htmx.js";
import { decodeCursor } from "../../platform/http/pagination.js";
import { authorize, can } from "../../platform/policy.js";
import { renderPage } from "../../ui/render.js";
import { type CommunityView, loadCommunityView } from "../communities/load.js";
import { CommunityShell, communityCrumbs, communityTitle } from "../communities/views/shell.js";
import { charterInput, starterCharter } from "./inputs.js";
import {
  type CharterVersionWithAuthor,
  charterHistory,
  currentCharterWithAuthor,
  versionAndPrevious,
} from "./queries.js";
import { CharterConflict, saveCharter } from "./service.js";
import { CharterEditor, CharterHistory, CharterPage, CharterVersionPage } from "./views/charter.js";
import "./policy.js";

const charterCrumbs = (community: { slug: string; name: string }, page: string) => [
  ...communityCrumbs(community, "Charter").slice(0, 2),
  { label: "Charter", href: `/communities/${community.slug}/charter` },
  { label: page },
];

function valuesOf(charter: CharterVersionWithAuthor | null): FormValues {
  if (!charter) return { ...starterCharter };
  return {
    mission: charter.mission,
    membershipCriteria: charter.membershipCriteria,
    codeOfConduct: charter.codeOfConduct,
    tools: charter.tools,
    meetingRhythm: charter.meetingRhythm,
    decisionProcess: charter.decisionProcess,
    decisionNotes: charter.decisionNotes,
    summary: "",
  };
}

function renderEditor(
  c: Context<AppEnv>,
  view: CommunityView,
  options: {
    values: FormValues;
    errors?: FieldErrors;
    baseVersion: number;
    conflict?: CharterVersionWithAuthor | null;
    status?: 200 | 409 | 422;
  },
) {
  const { community } = view;
  const title = options.baseVersion === 0 ? "Write the charter" : "Edit the charter";
  return renderPage(
    c,
    {
      title: communityTitle(community, title),
      breadcrumbs: charterCrumbs(community, options.baseVersion === 0 ? "Write" : "Edit"),
      status: options.status,
    },
    (ctx) => (
      <CommunityShell ctx={ctx} view={view} tab="charter">
        <CharterEditor
          ctx={ctx}
          community={community}
          values={options.values}
          errors={options.errors}
          baseVersion={options.baseVersion}
          conflict={options.conflict}
        />
      </CommunityShell>
    ),
  );
}

/** A community's charter: read, edit, history. */
export function charterPages() {
  const app = new Hono<AppEnv>();

  app.get("/communities/:slug/charter", async (c) => {
    const actor = c.get("actor");
    const view = await loadCommunityView(c);
    const { community } = view;
    authorize(actor, "community.view", community);
    const charter = await currentCharterWithAuthor(c.get("db"), community.id);
    return renderPage(
      c,
      { title: communityTitle(community, "Charter"), breadcrumbs: communityCrumbs(community, "Charter") },
      (ctx) => (
        <CommunityShell ctx={ctx} view={view} tab="charter">
          <CharterPage
            community={community}
            charter={charter}
            canEdit={can(actor, "charter.edit", community)}
          />
        </CommunityShell>
      ),
    );
  });

  app.get("/communities/:slug/charter/edit", async (c) => {
    const actor = requirePerson(c);
    const view = await loadCommunityView(c);
    authorize(actor, "charter.edit", view.community);
    const charter = await currentCharterWithAuthor(c.get("db"), view.community.id);
    return renderEditor(c, view, { values: valuesOf(charter), baseVersion: charter?.version ?? 0 });
  });

  app.post("/communities/:slug/charter/edit", async (c) => {
    const actor = requirePerson(c);
    const view = await loadCommunityView(c);
    const { community } = view;
    authorize(actor, "charter.edit", community);
    const form = await parseForm(c, charterInput);
    const submittedBase = Number.parseInt(String(form.values.baseVersion ?? "0"), 10);
    const baseVersion = Number.isFinite(submittedBase) && submittedBase >= 0 ? submittedBase : 0;
    if (!form.ok)
      return renderEditor(c, view, { values: form.values, errors: form.errors, baseVersion, status: 422 });
    try {
      const saved = await saveCharter(c.get("db"), actor, community, { ...form.data, baseVersion });
      setFlash(c, `Version ${saved.version} of the charter has been saved.`);
      return redirectAfterPost(c, `/communities/${community.slug}/charter`);
    } catch (error) {
      if (error instanceof CharterConflict) {
        // The next save starts from the version they have now been shown.
        const conflict = await currentCharterWithAuthor(c.get("db"), community.id);
        return renderEditor(c, view, {
          values: form.values,
          baseVersion: error.latest.version,
          conflict: conflict ?? { ...error.latest, authorHandle: null },
          status: 409,
        });
      }
      if (error instanceof AppError && error.status === 422 && error.detail?.field)
        return renderEditor(c, view, {
          values: form.values,
          errors: { [String(error.detail.field)]: error.userMessage },
          baseVersion,
          status: 422,
        });
      throw error;
    }
  });

  app.get("/communities/:slug/charter/history", async (c) => {
    const actor = c.get("actor");
    const view = await loadCommunityView(c);
    const { community } = view;
    authorize(actor, "community.view", community);
    const cursor = decodeCursor(c.req.query("cursor"));
    const page = await charterHistory(c.get("db"), community.id, cursor, 20);
    const url = new URL(c.req.url);
    return renderPage(
      c,
      {
        title: communityTitle(community, "Charter history"),
        breadcrumbs: charterCrumbs(community, "History"),
      },
      (ctx) => (
        <CommunityShell ctx={ctx} view={view} tab="charter">
          <CharterHistory community={community} page={page} url={url} />
        </CommunityShell>
      ),
    );
  });

  app.get("/communities/:slug/charter/versions/:version", async (c) => {
    const actor = c.get("actor");
    const number = Number(c.req.param("version"));
    const view = await loadCommunityView(c);
    const { community } = view;
    authorize(actor, "community.view", community);
    if (!Number.isInteger(number) || number < 1 || number > 1_000_000)
      throw notFound("version of the charter");
    const db = c.get("db");
    const [{ current, previous }, latest] = await Promise.all([
      versionAndPrevious(db, community.id, number),
      currentCharterWithAuthor(db, community.id),
    ]);
    if (!current) throw notFound("version of the charter");
    return renderPage(
      c,
      {
        title: communityTitle(community, `Charter version ${number}`),
        breadcrumbs: charterCrumbs(community, `Version ${number}`),
      },
      (ctx) => (
        <CommunityShell ctx={ctx} view={view} tab="charter">
          <CharterVersionPage
            community={community}
            version={current}
            previous={previous}
            latestVersion={latest?.version ?? number}
          />
        </CommunityShell>
      ),
    );
  });

  return app;
}
