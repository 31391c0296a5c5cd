import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.js";
import { decodeCursor } from "../../platform/http/pagination.js";
import { can } from "../../platform/policy.js";
import { renderPage } from "../../ui/render.js";
import { openProposals } from "../proposals/queries.js";
import "../proposals/policy.js";
import { directoryQuery } from "./directory-inputs.js";
import { searchCommunities } from "./directory-queries.js";
import { CommunityDirectory } from "./views/directory.js";
import "./policy.js";

/** The community directory at /communities, with the proposed communities under review below it. */
export function directoryPages() {
  const app = new Hono<AppEnv>();

  app.get("/communities", async (c) => {
    const actor = c.get("actor");
    const db = c.get("db");
    const query = directoryQuery.parse(c.req.query());
    const [page, proposals] = await Promise.all([
      searchCommunities(db, actor, query, decodeCursor(query.cursor)),
      query.mine ? null : openProposals(db, actor.kind === "person" ? actor.id : null),
    ]);
    return renderPage(c, { title: query.mine ? "Your communities" : "Communities" }, (ctx) => (
      <CommunityDirectory
        actor={actor}
        page={page}
        query={query}
        url={new URL(c.req.url)}
        canCreate={can(actor, "community.create", null)}
        canPropose={can(actor, "proposal.create", null)}
        proposals={proposals}
        csrfToken={ctx.csrfToken}
      />
    ));
  });

  return app;
}
