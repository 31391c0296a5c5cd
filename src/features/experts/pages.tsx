import { Hono } from "hono";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { authorize } from "../../platform/policy.js";
import { renderPage } from "../../ui/render.js";
import { expertQuery } from "./inputs.js";
import { findExperts } from "./queries.js";
import { ExpertFinder, PAGE_SIZE } from "./views/finder.js";
import "./policy.js";

/** The expert finder: who can advise on a topic, and why. */
export function expertPages() {
  const app = new Hono<AppEnv>();

  app.get("/experts", async (c) => {
    const actor = requirePerson(c);
    authorize(actor, "expert.find", null);
    const { q, offset } = expertQuery.parse(c.req.query());
    const found = q
      ? await findExperts(c.get("db"), actor, q, { offset, limit: PAGE_SIZE })
      : { items: [], total: 0 };
    return renderPage(c, { title: q ? `Who can advise on ${q}` : "Find someone who can advise" }, () => (
      <ExpertFinder q={q} items={found.items} total={found.total} offset={offset} />
    ));
  });

  return app;
}
