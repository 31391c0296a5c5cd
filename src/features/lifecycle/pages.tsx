import type { Context } from "hono";
import { Hono } from "hono";
import { AppError } from "../../platform/errors.js";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { setFlash } from "../../platform/http/flash.js";
import { type FieldErrors, type FormValues, parseForm } from "../../platform/http/form.js";
import { isHtmx, redirectAfterPost } from "../../platform/http/htmx.js";
import { authorize, can, type PersonActor } from "../../platform/policy.js";
import { renderPage } from "../../ui/render.js";
import { type CommunityView, loadCommunityView } from "../communities/load.js";
import { CommunityShell, communityCrumbs, communityTitle } from "../communities/views/shell.js";
import { stageGuides, stageLabel } from "./checklists.js";
import { moveInput, stageField, tickInput } from "./inputs.js";
import { lifecycleOf, ticksOf } from "./queries.js";
import { itemOr404, moveStage, sameStageError, setTick } from "./service.js";
import { ChecklistRow, LifecyclePage, ProgressCount } from "./views/lifecycle.js";
import { MoveConfirmation, moveTitle } from "./views/move.js";
import "./policy.js";

const lifecyclePath = (slug: string) => `/communities/${slug}/lifecycle`;

async function renderLifecycle(
  c: Context<AppEnv>,
  actor: PersonActor,
  view: CommunityView,
  move: { values?: FormValues; errors?: FieldErrors } = {},
) {
  const { community } = view;
  const lifecycle = await lifecycleOf(c.get("db"), community);
  const abilities = {
    canTick: can(actor, "lifecycle.tick", community),
    canMove: can(actor, "lifecycle.move", community),
  };
  return renderPage(
    c,
    {
      title: communityTitle(community, "Lifecycle"),
      breadcrumbs: communityCrumbs(community, "Lifecycle"),
      status: move.errors ? 422 : 200,
    },
    (ctx) => (
      <CommunityShell ctx={ctx} view={view} tab={null}>
        <LifecyclePage
          ctx={ctx}
          community={community}
          lifecycle={lifecycle}
          abilities={abilities}
          timeZone={c.get("config").timeZone}
          moveValues={move.values}
          moveErrors={move.errors}
        />
      </CommunityShell>
    ),
  );
}

function moveCrumbs(community: { slug: string; name: string }) {
  return [
    { label: "Communities", href: "/communities" },
    { label: community.name, href: `/communities/${community.slug}` },
    { label: "Lifecycle", href: lifecyclePath(community.slug) },
    { label: "Move stage" },
  ];
}

/** A community's lifecycle: its stage, the checklists, ticking items off, and moving the stage. */
export function lifecyclePages() {
  const app = new Hono<AppEnv>();

  app.get("/communities/:slug/lifecycle", async (c) => {
    const actor = requirePerson(c);
    const view = await loadCommunityView(c);
    authorize(actor, "lifecycle.view", view.community);
    return renderLifecycle(c, actor, view);
  });

  app.post("/communities/:slug/lifecycle/checklist/:item", async (c) => {
    const actor = requirePerson(c);
    const view = await loadCommunityView(c);
    const { community } = view;
    const item = itemOr404(c.req.param("item"));
    const form = await parseForm(c, tickInput);
    if (!form.ok)
      throw new AppError(422, "invalid_tick", "Say whether the item is done: send ticked=true or false.");
    await setTick(c.get("db"), actor, community, item.key, form.data.ticked);
    if (isHtmx(c)) {
      // Just the item, and the stage's count out of band, for htmx to swap in place.
      const ticks = await ticksOf(c.get("db"), community.id);
      const stageItems = stageGuides.find((guide) => guide.stage === item.stage)?.items ?? [];
      return c.html(
        <>
          <ChecklistRow
            csrfToken={c.get("csrfToken")}
            community={community}
            item={{ ...item, tick: ticks.get(item.key) ?? null }}
            canTick={true}
            timeZone={c.get("config").timeZone}
          />
          <ProgressCount
            stage={item.stage}
            done={stageItems.filter((i) => ticks.has(i.key)).length}
            total={stageItems.length}
            oob
          />
        </>,
      );
    }
    setFlash(c, form.data.ticked ? `Marked “${item.title}” as done.` : `Marked “${item.title}” as not done.`);
    return redirectAfterPost(c, `${lifecyclePath(community.slug)}#checklist-${item.key.replace(/\./g, "-")}`);
  });

  app.get("/communities/:slug/lifecycle/move", async (c) => {
    const actor = requirePerson(c);
    const view = await loadCommunityView(c);
    const { community } = view;
    authorize(actor, "lifecycle.move", community);
    const values: FormValues = { stage: c.req.query("stage") ?? "" };
    const chosen = stageField.safeParse(values.stage);
    if (!chosen.success)
      return renderLifecycle(c, actor, view, { values, errors: { stage: "Choose the stage to move to" } });
    if (chosen.data === community.stage) {
      return renderLifecycle(c, actor, view, {
        values,
        errors: { stage: sameStageError(community, chosen.data).userMessage },
      });
    }
    return renderPage(
      c,
      { title: moveTitle(community, chosen.data), breadcrumbs: moveCrumbs(community) },
      (ctx) => <MoveConfirmation ctx={ctx} community={community} to={chosen.data} />,
    );
  });

  app.post("/communities/:slug/lifecycle/move", async (c) => {
    const actor = requirePerson(c);
    const view = await loadCommunityView(c);
    const { community } = view;
    authorize(actor, "lifecycle.move", community);
    const form = await parseForm(c, moveInput);
    const stage = stageField.safeParse(form.values.stage);
    if (!stage.success) {
      return renderLifecycle(c, actor, view, {
        values: form.values,
        errors: { stage: "Choose the stage to move to" },
      });
    }
    const again = (errors: FieldErrors) =>
      renderPage(
        c,
        { title: moveTitle(community, stage.data), breadcrumbs: moveCrumbs(community), status: 422 },
        (ctx) => (
          <MoveConfirmation
            ctx={ctx}
            community={community}
            to={stage.data}
            values={form.values}
            errors={errors}
          />
        ),
      );
    if (!form.ok) return again(form.errors);
    try {
      await moveStage(c.get("db"), actor, community, form.data);
    } catch (error) {
      if (error instanceof AppError && error.code === "same_stage")
        return renderLifecycle(c, actor, view, {
          values: form.values,
          errors: { stage: error.userMessage },
        });
      throw error;
    }
    setFlash(c, `${community.name} has moved to the ${stageLabel(form.data.stage)} stage.`);
    return redirectAfterPost(c, lifecyclePath(community.slug));
  });

  return app;
}
