import type { Context } from "hono";
import { Hono } from "hono";
import { html as htmlTag } from "hono/html";
import type { Child } from "hono/jsx";
import { AppError, notFound } from "../../platform/errors.js";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { setFlash } from "../../platform/http/flash.js";
import { type FieldErrors, type FormValues, fieldValue, parseForm } from "../../platform/http/form.js";
import { redirectAfterPost } from "../../platform/http/htmx.js";
import { decodeCursor } from "../../platform/http/pagination.js";
import { renderMarkdown } from "../../platform/markdown.js";
import { authorize, can, decide, type PersonActor } from "../../platform/policy.js";
import { Button, CsrfField, ErrorSummary, TextField } from "../../ui/components/form.js";
import { formatDate } from "../../ui/components/time.js";
import { renderPage } from "../../ui/render.js";
import { decisionHints, decisionLabels } from "../charter/inputs.js";
import { currentCharter } from "../charter/queries.js";
import type { DecisionProcess } from "../charter/tables.js";
import { type CommunityView, loadCommunityView } from "../communities/load.js";
import { findCommunityBySlug, membershipOf } from "../communities/queries.js";
import { CommunityShell, communityTitle } from "../communities/views/shell.js";
import { addDays, toLocal } from "../events/zoned-time.js";
import { resourceNow } from "./clock.js";
import {
  compareQuery,
  type ResourceInput,
  type RevisionInput,
  resourceInput,
  reviewInput,
  revisionInput,
  statusActions,
} from "./inputs.js";
import { resourceTarget } from "./load.js";
import {
  dueForReview,
  findResourceWithPeople,
  type LoadedResourceWithPeople,
  revisionHistory,
  revisionsByNumber,
} from "./queries.js";
import {
  changeStatus,
  createResource,
  markReviewed,
  ResourceConflict,
  resourceUrl,
  restoreRevision,
  saveRevision,
} from "./service.js";
import { AttachmentsSection, loadAttachments } from "./views/attachments-section.js";
import { CompareView } from "./views/compare.js";
import { DueForReview } from "./views/due-for-review.js";
import { HistoryView, RestoreConfirm } from "./views/history.js";
import { ConflictNotice } from "./views/resource-conflict.js";
import { ResourceForm, ResourcePreview } from "./views/resource-form.js";
import { type DecisionReminder, ResourcePage } from "./views/resource-page.js";
import { loadReuse, ReuseSection } from "./views/reuse-section.js";
import "../communities/policy.js";
import "./notifications.js";
import "./policy.js";

/** Resource ids are uuidv7; other paths under /resources/ belong to other pages. */
const ID = "{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}}";
const RESOURCE = `/resources/:id${ID}`;

export const clockOf = (c: Context<AppEnv>) => ({ now: resourceNow(), timeZone: c.get("config").timeZone });
const todayOf = (c: Context<AppEnv>) => toLocal(resourceNow(), c.get("config").timeZone).date;

export const previewOf = (text: string) => renderMarkdown(text.slice(0, 50_000));

/** The resource named by `:id` if the viewer may read it; someone else's draft is a 404, as if absent. */
async function loadReadable(c: Context<AppEnv>): Promise<LoadedResourceWithPeople> {
  const loaded = await findResourceWithPeople(c.get("db"), c.req.param("id") ?? "");
  if (!loaded) throw notFound("resource");
  const decision = decide(c.get("actor"), "resource.view", resourceTarget(loaded));
  if (!decision.allowed && loaded.resource.status === "draft") throw notFound("resource");
  authorize(c.get("actor"), "resource.view", resourceTarget(loaded));
  return loaded;
}

async function communityViewOf(c: Context<AppEnv>, slug: string): Promise<CommunityView> {
  const db = c.get("db");
  const actor = c.get("actor");
  const community = await findCommunityBySlug(db, slug);
  if (!community) throw notFound("community");
  const membership = actor.kind === "person" ? await membershipOf(db, community.id, actor.id) : null;
  return { community, membership, join: decide(actor, "community.join", community) };
}

/**
 * A page about one resource: inside its community's frame (Resources tab), or under the starter
 * toolkit for the programme's own items. `page` null: the resource page itself.
 */
async function renderResourcePage(
  c: Context<AppEnv>,
  loaded: LoadedResourceWithPeople,
  page: string | null,
  body: (ctx: Parameters<Parameters<typeof renderPage>[2]>[0], headingLevel: 1 | 2) => Child,
  status?: 200 | 409 | 422,
) {
  const { resource, community } = loaded;
  const resourceCrumb = page
    ? [{ label: resource.title, href: resourceUrl(resource.id) }, { label: page }]
    : [];
  if (!community) {
    return renderPage(
      c,
      {
        title: `${page ? `${page} – ` : ""}${resource.title} – Starter toolkit`,
        breadcrumbs: [
          { label: "Starter toolkit", href: "/toolkit" },
          ...(page ? resourceCrumb : [{ label: resource.title }]),
        ],
        status,
      },
      (ctx) =>
        page ? (
          <>
            <h1>
              {page}: {resource.title}
            </h1>
            {body(ctx, 1)}
          </>
        ) : (
          body(ctx, 1)
        ),
    );
  }
  const view = await communityViewOf(c, community.slug);
  return renderPage(
    c,
    {
      title: communityTitle(community, page ? `${page} – ${resource.title}` : resource.title),
      breadcrumbs: [
        { label: "Communities", href: "/communities" },
        { label: community.name, href: `/communities/${community.slug}` },
        { label: "Resources", href: `/communities/${community.slug}/resources` },
        ...(page ? resourceCrumb : [{ label: resource.title }]),
      ],
      status,
    },
    (ctx) => (
      <CommunityShell ctx={ctx} view={view} tab="resources">
        {page && (
          <h2 class="resource-subpage-title">
            {page}: <a href={resourceUrl(resource.id)}>{resource.title}</a>
          </h2>
        )}
        {body(ctx, 2)}
      </CommunityShell>
    ),
  );
}

/** The charter's decision process, as a reminder beside "Endorse". */
async function decisionReminder(
  c: Context<AppEnv>,
  communityId: string | null,
): Promise<DecisionReminder | null> {
  if (!communityId) return null;
  const charter = await currentCharter(c.get("db"), communityId);
  if (!charter) return null;
  const process = charter.decisionProcess as DecisionProcess;
  return {
    label: decisionLabels[process] ?? process,
    hint: decisionHints[process] ?? "",
    notes: charter.decisionNotes,
  };
}

export const draftOf = (data: ResourceInput) => ({
  kind: data.kind,
  title: data.title,
  summary: data.summary,
  body: data.body,
  externalUrl: data.externalUrl,
  tags: data.tags,
  reviewBy: data.reviewBy,
  note: data.note,
  publish: data.intent === "publish",
});

const revisionDraftOf = (data: RevisionInput) => ({
  kind: data.kind,
  title: data.title,
  summary: data.summary,
  body: data.body,
  externalUrl: data.externalUrl,
  tags: data.tags,
  note: data.note,
  reviewBy: data.reviewBy,
  baseRevision: data.revision,
});

/** A service's 422 about one field, as a form error; anything else is rethrown. */
export function fieldErrorOf(error: unknown): FieldErrors {
  if (error instanceof AppError && error.status === 422 && error.detail?.field)
    return { [String(error.detail.field)]: error.userMessage };
  throw error;
}

/** Writing, the resource page, editing with conflicts, history, compare, restore, status and reviews. */
export function resourcePages() {
  const app = new Hono<AppEnv>();

  // Writing.
  function renderNew(
    c: Context<AppEnv>,
    view: CommunityView,
    values?: FormValues,
    errors?: FieldErrors,
    preview: string | null = null,
  ) {
    const { community } = view;
    return renderPage(
      c,
      {
        title: communityTitle(community, "Add a resource"),
        breadcrumbs: [
          { label: "Communities", href: "/communities" },
          { label: community.name, href: `/communities/${community.slug}` },
          { label: "Resources", href: `/communities/${community.slug}/resources` },
          { label: "Add a resource" },
        ],
        status: errors ? 422 : 200,
      },
      (ctx) => (
        <CommunityShell ctx={ctx} view={view} tab="resources">
          <div class="narrow">
            <h2>Add a resource</h2>
            <p>
              Share something that helps people do the work: a tip-sheet, a guide, a template or a link.
              Others in the community can improve it; every save is kept in its history.
            </p>
            <ResourceForm
              ctx={ctx}
              action={`/communities/${community.slug}/resources/new`}
              values={values}
              errors={errors}
              preview={preview}
              mode="new"
              cancelHref={`/communities/${community.slug}/resources`}
            />
          </div>
        </CommunityShell>
      ),
    );
  }

  app.get("/communities/:slug/resources/new", async (c) => {
    const view = await loadCommunityView(c);
    authorize(requirePerson(c), "resource.create", view.community);
    return renderNew(c, view);
  });

  app.post("/communities/:slug/resources/new", async (c) => {
    const view = await loadCommunityView(c);
    const actor = requirePerson(c);
    authorize(actor, "resource.create", view.community);
    const form = await parseForm(c, resourceInput);
    if (fieldValue(form.values, "action") === "preview")
      return renderNew(c, view, form.values, undefined, previewOf(fieldValue(form.values, "body")));
    if (!form.ok) return renderNew(c, view, form.values, form.errors);
    try {
      const resource = await createResource(
        c.get("db"),
        actor,
        view.community,
        draftOf(form.data),
        clockOf(c),
      );
      setFlash(
        c,
        resource.status === "draft"
          ? "Your draft is saved. Only you and the convenors can see it."
          : "Your resource is published.",
      );
      return redirectAfterPost(c, resourceUrl(resource.id));
    } catch (error) {
      return renderNew(c, view, form.values, fieldErrorOf(error));
    }
  });

  app.post("/resources/preview", async (c) => {
    requirePerson(c);
    const body = await c.req.parseBody();
    const text = typeof body.body === "string" ? body.body : "";
    return c.html(htmlTag`${<ResourcePreview html={previewOf(text)} />}`);
  });

  // The resource page.
  app.get(RESOURCE, async (c) => {
    const loaded = await loadReadable(c);
    const actor = c.get("actor");
    const target = resourceTarget(loaded);
    const input = { db: c.get("db"), loaded, actor, now: resourceNow() };
    const [attachments, reuse, decision] = await Promise.all([
      loadAttachments(input),
      loadReuse(input),
      can(actor, "resource.endorse", target) ? decisionReminder(c, loaded.resource.communityId) : null,
    ]);
    const permissions = {
      edit: can(actor, "resource.edit", target),
      curate: can(actor, "resource.curate", target),
      endorse: can(actor, "resource.endorse", target),
    };
    return renderResourcePage(c, loaded, null, (ctx, headingLevel) => (
      <ResourcePage
        ctx={ctx}
        loaded={loaded}
        today={todayOf(c)}
        can={permissions}
        decision={decision}
        headingLevel={headingLevel}
        sections={
          <>
            <AttachmentsSection ctx={ctx} loaded={loaded} data={attachments} />
            <ReuseSection ctx={ctx} loaded={loaded} data={reuse} />
          </>
        }
      />
    ));
  });

  // Editing, with conflicts caught.
  async function renderEdit(
    c: Context<AppEnv>,
    loaded: LoadedResourceWithPeople,
    options: {
      values: FormValues;
      revision: number;
      errors?: FieldErrors;
      preview?: string | null;
      conflict?: Child;
      status?: 200 | 409 | 422;
    },
  ) {
    const url = resourceUrl(loaded.resource.id);
    return renderResourcePage(
      c,
      loaded,
      "Edit",
      (ctx) => (
        <div class="form-wide">
          {options.conflict}
          <ResourceForm
            ctx={ctx}
            action={`${url}/edit`}
            values={options.values}
            errors={options.errors}
            preview={options.preview ?? null}
            mode="edit"
            revision={options.revision}
            cancelHref={url}
          />
        </div>
      ),
      options.status ?? (options.errors ? 422 : 200),
    );
  }

  const loadEditable = async (c: Context<AppEnv>) => {
    const actor = requirePerson(c);
    const loaded = await loadReadable(c);
    authorize(actor, "resource.edit", resourceTarget(loaded));
    return { actor, loaded };
  };

  app.get(`${RESOURCE}/edit`, async (c) => {
    const { loaded } = await loadEditable(c);
    const { resource } = loaded;
    return renderEdit(c, loaded, {
      revision: resource.revision,
      values: {
        kind: resource.kind,
        title: resource.title,
        summary: resource.summary,
        body: resource.body,
        externalUrl: resource.externalUrl,
        tags: resource.tags.join(", "),
        reviewBy: resource.reviewBy ?? "",
        note: "",
      },
    });
  });

  app.post(`${RESOURCE}/edit`, async (c) => {
    const { actor, loaded } = await loadEditable(c);
    const form = await parseForm(c, revisionInput);
    const submitted = Number.parseInt(fieldValue(form.values, "revision"), 10);
    const revision = Number.isInteger(submitted) && submitted >= 1 ? submitted : loaded.resource.revision;
    if (fieldValue(form.values, "action") === "preview")
      return renderEdit(c, loaded, {
        values: form.values,
        revision,
        preview: previewOf(fieldValue(form.values, "body")),
      });
    if (!form.ok) return renderEdit(c, loaded, { values: form.values, errors: form.errors, revision });
    try {
      const saved = await saveRevision(
        c.get("db"),
        actor,
        loaded.resource.id,
        revisionDraftOf(form.data),
        clockOf(c),
      );
      setFlash(c, `Your changes are saved as revision ${saved.revision.number}.`);
      return redirectAfterPost(c, resourceUrl(loaded.resource.id));
    } catch (error) {
      if (error instanceof ResourceConflict) return renderConflict(c, loaded, form.values, form.data, error);
      return renderEdit(c, loaded, { values: form.values, errors: fieldErrorOf(error), revision });
    }
  });

  async function renderConflict(
    c: Context<AppEnv>,
    loaded: LoadedResourceWithPeople,
    values: FormValues,
    data: RevisionInput,
    error: ResourceConflict,
  ) {
    const theirs = error.latest;
    const found = await revisionsByNumber(c.get("db"), loaded.resource.id, [data.revision]);
    const base = found.get(data.revision) ?? null;
    // The next save starts from the revision they have now been shown; their note is theirs to write again.
    return renderEdit(c, loaded, {
      values: { ...values, revision: String(theirs.number) },
      revision: theirs.number,
      status: 409,
      conflict: <ConflictNotice resourceId={loaded.resource.id} base={base} theirs={theirs} mine={data} />,
    });
  }

  // History, compare and restore.
  app.get(`${RESOURCE}/history`, async (c) => {
    const loaded = await loadReadable(c);
    const page = await revisionHistory(
      c.get("db"),
      loaded.resource.id,
      decodeCursor(c.req.query("cursor")),
      20,
    );
    const canRestore = can(c.get("actor"), "resource.edit", resourceTarget(loaded));
    return renderResourcePage(c, loaded, "History", () => (
      <HistoryView
        resourceId={loaded.resource.id}
        page={page}
        current={loaded.resource.revision}
        url={new URL(c.req.url)}
        canRestore={canRestore}
      />
    ));
  });

  app.get(`${RESOURCE}/compare`, async (c) => {
    const loaded = await loadReadable(c);
    const query = compareQuery.safeParse(c.req.query());
    if (!query.success) throw notFound("revision");
    const { from, to } = query.data;
    const found = await revisionsByNumber(c.get("db"), loaded.resource.id, [from, to]);
    const before = found.get(from);
    const after = found.get(to);
    if (!before || !after) throw notFound("revision");
    return renderResourcePage(c, loaded, "Compare", () => (
      <CompareView
        resourceId={loaded.resource.id}
        from={before}
        to={after}
        current={loaded.resource.revision}
      />
    ));
  });

  const revisionNumber = (c: Context<AppEnv>) => {
    const n = Number(c.req.param("number"));
    if (!Number.isInteger(n) || n < 1 || n > 1_000_000) throw notFound("revision");
    return n;
  };

  app.get(`${RESOURCE}/revisions/:number/restore`, async (c) => {
    const { loaded } = await loadEditable(c);
    const number = revisionNumber(c);
    const revision = (await revisionsByNumber(c.get("db"), loaded.resource.id, [number])).get(number);
    if (!revision) throw notFound("revision");
    return renderResourcePage(c, loaded, "Restore", (ctx) => (
      <RestoreConfirm
        ctx={ctx}
        resourceId={loaded.resource.id}
        revision={revision}
        current={loaded.resource.revision}
      />
    ));
  });

  app.post(`${RESOURCE}/revisions/:number/restore`, async (c) => {
    const { actor, loaded } = await loadEditable(c);
    const number = revisionNumber(c);
    try {
      const saved = await restoreRevision(c.get("db"), actor, loaded.resource.id, number, clockOf(c));
      setFlash(c, `Revision ${number} is restored, as revision ${saved.revision.number}.`);
    } catch (error) {
      if (!(error instanceof AppError && error.status === 409)) throw error;
      setFlash(c, error.userMessage);
    }
    return redirectAfterPost(c, resourceUrl(loaded.resource.id));
  });

  // Status.
  const statusDone: Record<(typeof statusActions)[number], string> = {
    publish: "It is published.",
    archive: "It is archived. It stays readable here but is no longer listed.",
    unarchive: "It is back from the archive.",
    endorse: "It is endorsed as the community’s agreed good practice.",
    unendorse: "The endorsement is withdrawn.",
  };

  app.post(`${RESOURCE}/status`, async (c) => {
    const actor = requirePerson(c);
    const loaded = await loadReadable(c);
    const body = await c.req.parseBody();
    const action = statusActions.find((a) => a === body.action);
    if (!action) throw new AppError(422, "unprocessable", "Choose what to do with the resource.");
    try {
      await changeStatus(c.get("db"), actor, loaded.resource.id, action, clockOf(c));
      setFlash(c, statusDone[action]);
    } catch (error) {
      if (!(error instanceof AppError && error.status === 409)) throw error;
      setFlash(c, error.userMessage);
    }
    return redirectAfterPost(c, resourceUrl(loaded.resource.id));
  });

  // Reviews.
  function renderReview(
    c: Context<AppEnv>,
    loaded: LoadedResourceWithPeople,
    values?: FormValues,
    errors?: FieldErrors,
  ) {
    const url = resourceUrl(loaded.resource.id);
    return renderResourcePage(
      c,
      loaded,
      "Mark as reviewed",
      (ctx) => (
        <form method="post" action={`${url}/review`} class="form narrow" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <ErrorSummary errors={errors} labels={{ reviewBy: "Next review by" }} />
          <p>Records that you checked it is still right, and sets the next review date.</p>
          <TextField
            name="reviewBy"
            label="Next review by (optional)"
            type="date"
            hint="Left empty: a year from today."
            values={values}
            errors={errors}
          />
          <div class="form-actions">
            <Button>Mark as reviewed</Button>
            <a href={url}>Cancel</a>
          </div>
        </form>
      ),
      errors ? 422 : 200,
    );
  }

  const loadCuratable = async (
    c: Context<AppEnv>,
  ): Promise<{ actor: PersonActor; loaded: LoadedResourceWithPeople }> => {
    const actor = requirePerson(c);
    const loaded = await loadReadable(c);
    authorize(actor, "resource.curate", resourceTarget(loaded));
    return { actor, loaded };
  };

  app.get(`${RESOURCE}/review`, async (c) => {
    const { loaded } = await loadCuratable(c);
    return renderReview(c, loaded);
  });

  app.post(`${RESOURCE}/review`, async (c) => {
    const { actor, loaded } = await loadCuratable(c);
    const form = await parseForm(c, reviewInput);
    if (!form.ok) return renderReview(c, loaded, form.values, form.errors);
    try {
      const row = await markReviewed(c.get("db"), actor, loaded.resource.id, form.data.reviewBy, clockOf(c));
      setFlash(
        c,
        `Marked as reviewed. The next review is due by ${row.reviewBy ? formatDate(new Date(`${row.reviewBy}T12:00:00Z`)) : "a year from now"}.`,
      );
      return redirectAfterPost(c, resourceUrl(loaded.resource.id));
    } catch (error) {
      if (error instanceof AppError && error.status === 409) {
        setFlash(c, error.userMessage);
        return redirectAfterPost(c, resourceUrl(loaded.resource.id));
      }
      return renderReview(c, loaded, form.values, fieldErrorOf(error));
    }
  });

  // The convenors' list of what is due for review.
  app.get("/communities/:slug/resources/due", async (c) => {
    const view = await loadCommunityView(c);
    const { community } = view;
    authorize(requirePerson(c), "collection.manage", community);
    const today = todayOf(c);
    const until = addDays(today, 30);
    const page = await dueForReview(
      c.get("db"),
      community.id,
      until,
      decodeCursor(c.req.query("cursor")),
      25,
    );
    return renderPage(
      c,
      {
        title: communityTitle(community, "Due for review"),
        breadcrumbs: [
          { label: "Communities", href: "/communities" },
          { label: community.name, href: `/communities/${community.slug}` },
          { label: "Resources", href: `/communities/${community.slug}/resources` },
          { label: "Due for review" },
        ],
      },
      (ctx) => (
        <CommunityShell ctx={ctx} view={view} tab="resources">
          <DueForReview page={page} today={today} until={until} url={new URL(c.req.url)} />
        </CommunityShell>
      ),
    );
  });

  return app;
}
