import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { AppError } from "../../platform/errors.js";
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
import { addableResources, collectionsOf, entriesOf } from "./collections-queries.js";
import {
  addToCollection,
  authorizeCollectionView,
  collectionInput,
  collectionPath,
  createCollection,
  deleteCollection,
  type LoadedCollection,
  loadCollection,
  loadCommunityCollection,
  moveInCollection,
  removeFromCollection,
  updateCollection,
} from "./collections-service.js";
import { STARTER_TOOLKIT_SLUG } from "./toolkit/install.js";
import { ManageCollection } from "./views/collection-manage.js";
import { CollectionBody, CollectionList } from "./views/collection-page.js";
import { CollectionForm } from "./views/collection-parts.js";

const listPath = (slug: string) => `/communities/${slug}/collections`;
const managePath = (id: string) => `/collections/${id}/edit`;
/** Where readers of a collection's kind go back to: its community's collections, or the starter toolkit. */
const homeOf = (loaded: LoadedCollection) =>
  loaded.community ? listPath(loaded.community.slug) : "/toolkit";

function collectionCrumbs(community: { slug: string; name: string }, page?: string) {
  const [communitiesCrumb] = communityCrumbs(community);
  return [
    communitiesCrumb!,
    { label: community.name, href: `/communities/${community.slug}` },
    page ? { label: "Collections", href: listPath(community.slug) } : { label: "Collections" },
    ...(page ? [{ label: page }] : []),
  ];
}

function manageCrumbs(loaded: LoadedCollection) {
  const title = loaded.collection.title;
  return loaded.community
    ? collectionCrumbs(loaded.community, title)
        .map((crumb) => (crumb.label === title ? { label: title, href: collectionPath(loaded) } : crumb))
        .concat({ label: "Arrange" })
    : loaded.collection.slug === STARTER_TOOLKIT_SLUG
      ? [{ label: "Starter toolkit", href: "/toolkit" }, { label: "Arrange" }]
      : [
          { label: "Starter toolkit", href: "/toolkit" },
          { label: title, href: collectionPath(loaded) },
          { label: "Arrange" },
        ];
}

async function renderManage(
  c: Context<AppEnv>,
  loaded: LoadedCollection,
  options: { values?: FormValues; errors?: FieldErrors } = {},
) {
  const db = c.get("db");
  const actor = c.get("actor");
  const [entries, addable] = await Promise.all([entriesOf(db, actor, loaded), addableResources(db, loaded)]);
  const { collection } = loaded;
  return renderPage(
    c,
    {
      title: `Arrange ${collection.title}${loaded.community ? ` – ${loaded.community.name}` : ""}`,
      breadcrumbs: manageCrumbs(loaded),
      status: options.errors ? 422 : 200,
    },
    (ctx) => (
      <ManageCollection
        ctx={ctx}
        loaded={loaded}
        entries={entries}
        addable={addable}
        viewHref={collectionPath(loaded)}
        values={options.values ?? { title: collection.title, description: collection.description }}
        errors={options.errors}
        now={new Date()}
      />
    ),
  );
}

function renderCreate(
  c: Context<AppEnv>,
  view: CommunityView | null,
  options: { values?: FormValues; errors?: FieldErrors } = {},
) {
  const status = options.errors ? 422 : 200;
  if (!view)
    return renderPage(
      c,
      {
        title: "Create a starter toolkit collection",
        breadcrumbs: [{ label: "Starter toolkit", href: "/toolkit" }, { label: "New collection" }],
        status,
      },
      (ctx) => (
        <div class="form-page">
          <h1>Create a starter toolkit collection</h1>
          <CollectionForm
            ctx={ctx}
            action="/collections/new"
            {...options}
            submit="Create the collection"
            cancelHref="/toolkit"
          />
        </div>
      ),
    );
  const { community } = view;
  return renderPage(
    c,
    {
      title: communityTitle(community, "New collection"),
      breadcrumbs: collectionCrumbs(community, "New collection"),
      status,
    },
    (ctx) => (
      <CommunityShell ctx={ctx} view={view} tab="resources">
        <h2>Create a collection</h2>
        <CollectionForm
          ctx={ctx}
          action={`${listPath(community.slug)}/new`}
          {...options}
          submit="Create the collection"
          cancelHref={listPath(community.slug)}
        />
      </CommunityShell>
    ),
  );
}

const itemInput = z.object({ resourceId: z.string().min(1, "Choose a resource to add").max(100) });
const moveInput = z.object({ direction: z.enum(["up", "down"]) });

/** A 422 on a field of the manage page, re-rendered there; anything else goes on. */
async function onManageError(c: Context<AppEnv>, loaded: LoadedCollection, error: unknown) {
  if (error instanceof AppError && error.status === 422 && error.detail?.field)
    return renderManage(c, loaded, { errors: { [String(error.detail.field)]: error.userMessage } });
  throw error;
}

/** Collections of resources: community pages, the by-id management pages shared with the starter toolkit. */
export function collectionPages() {
  const app = new Hono<AppEnv>();

  app.get("/communities/:slug/collections", async (c) => {
    const actor = c.get("actor");
    const view = await loadCommunityView(c);
    const { community } = view;
    authorize(actor, "community.viewContent", community);
    const page = await collectionsOf(c.get("db"), community.id, decodeCursor(c.req.query("cursor")));
    const canManage = can(actor, "collection.manage", community);
    return renderPage(
      c,
      { title: communityTitle(community, "Collections"), breadcrumbs: collectionCrumbs(community) },
      (ctx) => (
        <CommunityShell ctx={ctx} view={view} tab="resources">
          <CollectionList
            page={page}
            baseUrl={new URL(c.req.url)}
            hrefFor={(collection) => `${listPath(community.slug)}/${collection.slug}`}
            newHref={canManage ? `${listPath(community.slug)}/new` : null}
          />
        </CommunityShell>
      ),
    );
  });

  app.get("/communities/:slug/collections/new", async (c) => {
    const actor = requirePerson(c);
    const view = await loadCommunityView(c);
    authorize(actor, "collection.manage", view.community);
    return renderCreate(c, view);
  });

  app.post("/communities/:slug/collections/new", async (c) => {
    const actor = requirePerson(c);
    const view = await loadCommunityView(c);
    authorize(actor, "collection.manage", view.community);
    const form = await parseForm(c, collectionInput);
    if (!form.ok) return renderCreate(c, view, { values: form.values, errors: form.errors });
    const created = await createCollection(c.get("db"), actor, view.community, form.data);
    setFlash(c, `The collection “${created.collection.title}” is created. Add resources to it.`);
    return redirectAfterPost(c, managePath(created.collection.id));
  });

  app.get("/communities/:slug/collections/:collectionSlug", async (c) => {
    const actor = c.get("actor");
    const view = await loadCommunityView(c);
    const { community } = view;
    authorize(actor, "community.viewContent", community);
    const db = c.get("db");
    const loaded = await loadCommunityCollection(db, community.id, c.req.param("collectionSlug"));
    const entries = await entriesOf(db, actor, loaded);
    const title = loaded.collection.title;
    return renderPage(
      c,
      { title: communityTitle(community, title), breadcrumbs: collectionCrumbs(community, title) },
      (ctx) => (
        <CommunityShell ctx={ctx} view={view} tab="resources">
          <CollectionBody
            loaded={loaded}
            entries={entries}
            now={new Date()}
            headingLevel={2}
            manageHref={can(actor, "collection.manage", community) ? managePath(loaded.collection.id) : null}
          />
        </CommunityShell>
      ),
    );
  });

  // The starter toolkit's collections (community null): created here, shown by the toolkit pages.
  app.get("/collections/new", async (c) => {
    authorize(requirePerson(c), "collection.manage", null);
    return renderCreate(c, null);
  });

  app.post("/collections/new", async (c) => {
    const actor = requirePerson(c);
    authorize(actor, "collection.manage", null);
    const form = await parseForm(c, collectionInput);
    if (!form.ok) return renderCreate(c, null, { values: form.values, errors: form.errors });
    const created = await createCollection(c.get("db"), actor, null, form.data);
    setFlash(c, `The collection “${created.collection.title}” is created. Add resources to it.`);
    return redirectAfterPost(c, managePath(created.collection.id));
  });

  /** A collection by id: community ones live at their community's address; the toolkit's are shown here. */
  app.get("/collections/:id", async (c) => {
    const actor = c.get("actor");
    const db = c.get("db");
    const loaded = await loadCollection(db, c.req.param("id"));
    authorizeCollectionView(actor, loaded.community);
    if (loaded.community) return c.redirect(collectionPath(loaded), 301);
    const entries = await entriesOf(db, actor, loaded);
    return renderPage(
      c,
      {
        title: `${loaded.collection.title} – Starter toolkit`,
        breadcrumbs: [{ label: "Starter toolkit", href: "/toolkit" }, { label: loaded.collection.title }],
      },
      () => (
        <CollectionBody
          loaded={loaded}
          entries={entries}
          now={new Date()}
          headingLevel={1}
          manageHref={can(actor, "collection.manage", null) ? managePath(loaded.collection.id) : null}
        />
      ),
    );
  });

  app.get("/collections/:id/edit", async (c) => {
    const actor = requirePerson(c);
    const loaded = await loadCollection(c.get("db"), c.req.param("id"));
    authorize(actor, "collection.manage", loaded.community);
    return renderManage(c, loaded);
  });

  app.post("/collections/:id/edit", async (c) => {
    const actor = requirePerson(c);
    const db = c.get("db");
    const loaded = await loadCollection(db, c.req.param("id"));
    authorize(actor, "collection.manage", loaded.community);
    const form = await parseForm(c, collectionInput);
    if (!form.ok) return renderManage(c, loaded, { values: form.values, errors: form.errors });
    await updateCollection(db, actor, loaded, form.data);
    setFlash(c, "The title and description are saved.");
    return redirectAfterPost(c, managePath(loaded.collection.id));
  });

  app.post("/collections/:id/items", async (c) => {
    const actor = requirePerson(c);
    const db = c.get("db");
    const loaded = await loadCollection(db, c.req.param("id"));
    authorize(actor, "collection.manage", loaded.community);
    const form = await parseForm(c, itemInput);
    if (!form.ok) return renderManage(c, loaded, { errors: form.errors });
    try {
      await addToCollection(db, actor, loaded, form.data.resourceId);
    } catch (error) {
      return onManageError(c, loaded, error);
    }
    setFlash(c, "The resource is added at the end of the collection.");
    return redirectAfterPost(c, `${managePath(loaded.collection.id)}#item-${form.data.resourceId}`);
  });

  app.post("/collections/:id/items/:resourceId/move", async (c) => {
    const actor = requirePerson(c);
    const db = c.get("db");
    const loaded = await loadCollection(db, c.req.param("id"));
    authorize(actor, "collection.manage", loaded.community);
    const form = await parseForm(c, moveInput);
    if (!form.ok) throw new AppError(422, "invalid_direction", "Choose to move the resource up or down.");
    const resourceId = c.req.param("resourceId");
    await moveInCollection(db, actor, loaded, resourceId, form.data.direction);
    return redirectAfterPost(c, `${managePath(loaded.collection.id)}#item-${resourceId}`);
  });

  app.post("/collections/:id/items/:resourceId/remove", async (c) => {
    const actor = requirePerson(c);
    const db = c.get("db");
    const loaded = await loadCollection(db, c.req.param("id"));
    await removeFromCollection(db, actor, loaded, c.req.param("resourceId"));
    setFlash(c, "The resource is out of the collection. It is still where it was.");
    return redirectAfterPost(c, managePath(loaded.collection.id));
  });

  app.post("/collections/:id/delete", async (c) => {
    const actor = requirePerson(c);
    const db = c.get("db");
    const loaded = await loadCollection(db, c.req.param("id"));
    await deleteCollection(db, actor, loaded);
    setFlash(c, `The collection “${loaded.collection.title}” is deleted. Its resources are unchanged.`);
    return redirectAfterPost(c, homeOf(loaded));
  });

  return app;
}
