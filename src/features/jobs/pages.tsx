import { Hono } from "hono";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { authorize } from "../../platform/policy.js";
import { renderPage } from "../../ui/render.js";
import "./policy.js";
import { jobsOverview } from "./queries.js";
import { JobsPage } from "./views/jobs-page.js";

export function jobPages() {
  const app = new Hono<AppEnv>();

  app.get("/admin/jobs", async (c) => {
    const actor = requirePerson(c);
    authorize(actor, "jobs.view", null);
    const overview = await jobsOverview(c.get("db"));
    return renderPage(
      c,
      {
        title: "Background jobs",
        breadcrumbs: [{ label: "Administration", href: "/admin" }, { label: "Background jobs" }],
      },
      () => <JobsPage overview={overview} timeZone={c.get("config").timeZone} />,
    );
  });

  return app;
}
