import { Hono } from "hono";
import { notFound } from "../../platform/errors.js";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { setFlash } from "../../platform/http/flash.js";
import { decodeCursor } from "../../platform/http/pagination.js";
import { authorize } from "../../platform/policy.js";
import { renderPage } from "../../ui/render.js";
import { outboxQuery } from "./inputs.js";
import { findMail, listOutbox, outboxCounts } from "./queries.js";
import { sendAgain } from "./service.js";
import { OutboxList } from "./views/outbox-list.js";
import { OutboxMessageView } from "./views/outbox-message.js";
import "./policy.js";

const crumbs = [
  { label: "Administration", href: "/admin" },
  { label: "Email outbox", href: "/admin/outbox" },
];

/** /admin/outbox: every email, its delivery state, and a way to send it again. */
export function outboxPages() {
  const app = new Hono<AppEnv>();

  app.get("/admin/outbox", async (c) => {
    authorize(c.get("actor"), "outbox.view", null);
    const config = c.get("config");
    const db = c.get("db");
    const query = outboxQuery.parse(c.req.query());
    const [page, counts] = await Promise.all([
      listOutbox(db, query.status, decodeCursor(query.cursor)),
      outboxCounts(db),
    ]);
    return renderPage(
      c,
      { title: "Email outbox", breadcrumbs: [crumbs[0]!, { label: "Email outbox" }] },
      () => (
        <OutboxList
          page={page}
          status={query.status}
          counts={counts}
          smtpConfigured={Boolean(config.mail.smtpUrl)}
          timeZone={config.timeZone}
          url={new URL(c.req.url)}
        />
      ),
    );
  });

  app.get("/admin/outbox/:id", async (c) => {
    authorize(c.get("actor"), "outbox.view", null);
    const config = c.get("config");
    const mail = await findMail(c.get("db"), c.req.param("id"));
    if (!mail) throw notFound("message");
    return renderPage(
      c,
      { title: `${mail.subject} – Email outbox`, breadcrumbs: [...crumbs, { label: mail.subject }] },
      (ctx) => (
        <OutboxMessageView
          ctx={ctx}
          mail={mail}
          from={config.mail.from}
          smtpConfigured={Boolean(config.mail.smtpUrl)}
          timeZone={config.timeZone}
        />
      ),
    );
  });

  app.post("/admin/outbox/:id/send-again", async (c) => {
    const actor = requirePerson(c);
    const id = c.req.param("id");
    const sent = await sendAgain(c.get("db"), actor, id);
    setFlash(
      c,
      c.get("config").mail.smtpUrl
        ? `The message to ${sent.to} will be sent at the next delivery run, within a minute.`
        : `The message to ${sent.to} is queued again, but SMTP_URL is not set, so it stays in the outbox.`,
    );
    return c.redirect(`/admin/outbox/${id}`, 303);
  });

  return app;
}
