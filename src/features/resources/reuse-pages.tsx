import { Hono } from "hono";
import { z } from "zod";
import { notFound } from "../../platform/errors.js";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { setFlash } from "../../platform/http/flash.js";
import { isHtmx, redirectAfterPost } from "../../platform/http/htmx.js";
import { pageContext } from "../../ui/page-context.js";
import { loadResource } from "./load.js";
import { markLabels, setMark } from "./reuse-service.js";
import { reuseMarkKinds } from "./tables.js";
import { loadReuse, ReuseSection } from "./views/reuse-section.js";

const kindParam = z.enum(reuseMarkKinds);
const stateInput = z.enum(["on", "off"]);

/** "This helped me" and "I used this" marks, as plain forms with an htmx enhancement. */
export function reusePages() {
  const app = new Hono<AppEnv>();

  app.post("/resources/:id/marks/:kind", async (c) => {
    const actor = requirePerson(c);
    const kind = kindParam.safeParse(c.req.param("kind"));
    if (!kind.success) throw notFound("kind of mark");
    const db = c.get("db");
    const loaded = await loadResource(db, c.req.param("id"));
    const body = await c.req.parseBody();
    // The form says which state it wants, so a double submit does not undo itself.
    const state = stateInput.safeParse(body.state);
    const on = state.success ? state.data === "on" : true;
    await setMark(db, actor, loaded, kind.data, on);
    if (isHtmx(c)) {
      const fresh = await loadResource(db, loaded.resource.id);
      const data = await loadReuse({ db, loaded: fresh, actor, now: new Date() });
      return c.html(<ReuseSection ctx={pageContext(c)} loaded={fresh} data={data} />);
    }
    setFlash(c, on ? `You marked “${markLabels[kind.data]}”.` : `You took back “${markLabels[kind.data]}”.`);
    return redirectAfterPost(c, `/resources/${loaded.resource.id}#reuse`);
  });

  return app;
}
