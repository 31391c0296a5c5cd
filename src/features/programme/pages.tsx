import { type Context, Hono } from "hono";
import { AppError, notFound } from "../../platform/errors.js";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { setFlash } from "../../platform/http/flash.js";
import { type FieldErrors, type FormValues, parseForm } from "../../platform/http/form.js";
import { redirectAfterPost } from "../../platform/http/htmx.js";
import { authorize } from "../../platform/policy.js";
import { renderPage } from "../../ui/render.js";
import { stageLabels } from "../communities/inputs.js";
import { type Community, findCommunityBySlug } from "../communities/queries.js";
import { toCsv } from "./csv.js";
import { closeInput, overviewQuery } from "./inputs.js";
import "./notifications.js";
import "./policy.js";
import { programmeOverview } from "./queries.js";
import { closeCommunity, reopenCommunity } from "./service.js";
import { ClosePage, ReopenPage } from "./views/close.js";
import { ProgrammeOverview, statusLabels } from "./views/overview.js";

const crumbs = (last?: string) =>
  last
    ? [
        { label: "Administration", href: "/admin" },
        { label: "Communities", href: "/admin/communities" },
        { label: last },
      ]
    : [{ label: "Administration", href: "/admin" }, { label: "Communities" }];

async function loadCommunity(c: Context<AppEnv>): Promise<Community> {
  const community = await findCommunityBySlug(c.get("db"), c.req.param("slug") ?? "");
  if (!community) throw notFound("community");
  return community;
}

/** The programme team's overview of every community, dormancy and closing. */
export function programmePages() {
  const app = new Hono<AppEnv>();

  app.get("/admin/communities", async (c) => {
    authorize(requirePerson(c), "programme.view", null);
    const query = overviewQuery.parse(c.req.query());
    const { rows, summary } = await programmeOverview(c.get("db"), query);
    const timeZone = c.get("config").timeZone;
    return renderPage(c, { title: "Communities", breadcrumbs: crumbs() }, () => (
      <ProgrammeOverview rows={rows} summary={summary} query={query} timeZone={timeZone} />
    ));
  });

  app.get("/admin/communities.csv", async (c) => {
    authorize(requirePerson(c), "programme.view", null);
    const query = overviewQuery.parse(c.req.query());
    const { rows } = await programmeOverview(c.get("db"), query);
    const base = c.get("config").baseUrl.replace(/\/$/, "");
    const csv = toCsv([
      [
        "Name",
        "Address",
        "Stage",
        "Status",
        "Dormant since",
        "Closed on",
        "Visibility",
        "Members",
        "Last activity",
        "Convenors",
        "Pending requests",
        "Charter written",
      ],
      ...rows.map((row) => [
        row.name,
        `${base}/communities/${row.slug}`,
        stageLabels[row.stage as keyof typeof stageLabels] ?? row.stage,
        statusLabels[row.status as keyof typeof statusLabels] ?? row.status,
        row.dormantSince?.toISOString() ?? "",
        row.closedAt?.toISOString() ?? "",
        row.visibility === "unlisted" ? "Unlisted" : "Listed",
        row.memberCount,
        row.lastActivityAt.toISOString(),
        row.convenors.map((person) => person.name).join("; "),
        row.pendingRequests,
        row.charterWritten,
      ]),
    ]);
    const day = new Date().toISOString().slice(0, 10);
    c.header("content-type", "text/csv; charset=utf-8");
    c.header("content-disposition", `attachment; filename="communities-${day}.csv"`);
    c.header("cache-control", "no-store");
    return c.body(csv);
  });

  const showClose = (c: Context<AppEnv>, community: Community, errors?: FieldErrors, values?: FormValues) =>
    renderPage(
      c,
      {
        title: `Close ${community.name}`,
        status: errors ? 422 : 200,
        breadcrumbs: crumbs(`Close ${community.name}`),
      },
      (ctx) => <ClosePage ctx={ctx} community={community} errors={errors} values={values} />,
    );

  app.get("/admin/communities/:slug/close", async (c) => {
    const actor = requirePerson(c);
    const community = await loadCommunity(c);
    authorize(actor, "programme.closeCommunity", community);
    return showClose(c, community);
  });

  app.post("/admin/communities/:slug/close", async (c) => {
    const actor = requirePerson(c);
    const community = await loadCommunity(c);
    authorize(actor, "programme.closeCommunity", community);
    const form = await parseForm(c, closeInput);
    if (!form.ok) return showClose(c, community, form.errors, form.values);
    try {
      await closeCommunity(c.get("db"), actor, community, form.data);
    } catch (error) {
      if (error instanceof AppError && error.detail?.field)
        return showClose(c, community, { note: error.userMessage }, form.values);
      throw error;
    }
    setFlash(c, `${community.name} has closed. Its members have been told.`);
    return redirectAfterPost(c, "/admin/communities");
  });

  app.get("/admin/communities/:slug/reopen", async (c) => {
    const actor = requirePerson(c);
    const community = await loadCommunity(c);
    authorize(actor, "programme.reopenCommunity", community);
    const timeZone = c.get("config").timeZone;
    return renderPage(
      c,
      { title: `Reopen ${community.name}`, breadcrumbs: crumbs(`Reopen ${community.name}`) },
      (ctx) => <ReopenPage ctx={ctx} community={community} timeZone={timeZone} />,
    );
  });

  app.post("/admin/communities/:slug/reopen", async (c) => {
    const actor = requirePerson(c);
    const community = await loadCommunity(c);
    authorize(actor, "programme.reopenCommunity", community);
    await reopenCommunity(c.get("db"), actor, community);
    setFlash(c, `${community.name} has reopened.`);
    return redirectAfterPost(c, "/admin/communities");
  });

  return app;
}
