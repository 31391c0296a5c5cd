import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.js";
import { decodeCursor } from "../../platform/http/pagination.js";
import { can } from "../../platform/policy.js";
import { renderPage } from "../../ui/render.js";
import { directoryQuery } from "./directory-inputs.js";
import { searchCommunities } from "./directory-queries.js";
import { CommunityDirectory } from "./views/directory.js";
import "./policy.js";

/** The community directory at /communities. */
export function directoryPages() {
  const app = new Hono<AppEnv>();

  app.get("/communities", async (c) => {
    const actor = c.get("actor");
    const query = directoryQuery.parse(c.req.query());
    const page = await searchCommunities(c.get("db"), actor, query, decodeCursor(query.cursor));
    return renderPage(c, { title: query.mine ? "Your communities" : "Communities" }, () => (
      <CommunityDirectory
        actor={actor}
        page={page}
        query={query}
        url={new URL(c.req.url)}
        canCreate={can(actor, "community.create", null)}
      />
    ));
  });

  return app;
}
