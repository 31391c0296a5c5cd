import { Hono } from "hono";
import { z } from "zod";
import { AppError, notFound } from "../../platform/errors.js";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { setFlash } from "../../platform/http/flash.js";
import { decodeCursor } from "../../platform/http/pagination.js";
import { renderPage } from "../../ui/render.js";
import { channelLabels, notificationKind } from "./kinds.js";
import { listNotifications, preferencesOf } from "./queries.js";
import { markAllRead, markRead, setPreferences } from "./service.js";
import { verifyUnsubscribe } from "./unsubscribe.js";
import { NotificationList, PreferencesForm, UnsubscribePage } from "./views/notifications.js";

const listQuery = z.object({
  show: z.enum(["all", "unread"]).catch("all"),
  cursor: z.string().max(500).optional().catch(undefined),
});

const unsubscribeQuery = z.object({ p: z.string().max(64), k: z.string().max(80), s: z.string().max(100) });

/** The notification centre, its settings, and one-click unsubscribe from email. */
export function notificationPages() {
  const app = new Hono<AppEnv>();

  app.get("/me/notifications", async (c) => {
    const actor = requirePerson(c);
    const { show, cursor } = listQuery.parse(c.req.query());
    const page = await listNotifications(c.get("db"), actor.id, {
      unread: show === "unread",
      cursor: decodeCursor(cursor),
    });
    return renderPage(c, { title: "Notifications" }, (ctx) => (
      <NotificationList ctx={ctx} page={page} show={show} url={new URL(c.req.url)} />
    ));
  });

  app.post("/me/notifications/read-all", async (c) => {
    const actor = requirePerson(c);
    const count = await markAllRead(c.get("db"), actor.id);
    setFlash(
      c,
      count
        ? `Marked ${count} ${count === 1 ? "notification" : "notifications"} as read.`
        : "Nothing was unread.",
    );
    return c.redirect("/me/notifications", 303);
  });

  // Opening a notification marks it read, then goes where it points.
  app.get("/me/notifications/:id", async (c) => {
    const actor = requirePerson(c);
    const url = await markRead(c.get("db"), actor.id, c.req.param("id"));
    if (!url) throw notFound("notification");
    return c.redirect(url.startsWith("/") && !url.startsWith("//") ? url : "/", 303);
  });

  app.get("/me/settings/notifications", async (c) => {
    const actor = requirePerson(c);
    const preferences = await preferencesOf(c.get("db"), actor.id);
    return renderPage(
      c,
      {
        title: "Notification settings",
        breadcrumbs: [{ label: "Notifications", href: "/me/notifications" }, { label: "Settings" }],
      },
      (ctx) => <PreferencesForm ctx={ctx} preferences={preferences} />,
    );
  });

  app.post("/me/settings/notifications", async (c) => {
    const actor = requirePerson(c);
    const body = await c.req.parseBody();
    const choices: Record<string, "in_app" | "email" | "off"> = {};
    for (const [key, value] of Object.entries(body)) {
      if (!key.startsWith("kind:") || typeof value !== "string") continue;
      const parsed = z.enum(["in_app", "email", "off"]).safeParse(value);
      if (!parsed.success)
        throw new AppError(422, "invalid_channel", "Choose one of the options for each notification.");
      choices[key.slice(5)] = parsed.data;
    }
    await setPreferences(c.get("db"), actor.id, choices);
    setFlash(c, "Your notification settings have been saved.");
    return c.redirect("/me/settings/notifications", 303);
  });

  // Linked from every email; GET asks, POST (also the RFC 8058 one-click POST) does it.
  const unsubscribeTarget = (c: { req: { query(): Record<string, string> } }, secret: string) => {
    const parsed = unsubscribeQuery.safeParse(c.req.query());
    const kind = parsed.success ? notificationKind(parsed.data.k) : undefined;
    if (!parsed.success || !kind || !verifyUnsubscribe(secret, parsed.data.p, parsed.data.k, parsed.data.s)) {
      throw new AppError(
        400,
        "bad_link",
        "This unsubscribe link is not valid. Change your settings after signing in instead.",
      );
    }
    return { personId: parsed.data.p, kind };
  };

  app.get("/unsubscribe", (c) => {
    const { kind } = unsubscribeTarget(c, c.get("config").authSecret);
    return renderPage(c, { title: "Stop these emails" }, (ctx) => (
      <UnsubscribePage
        ctx={ctx}
        label={kind.label}
        action={`/unsubscribe?${new URL(c.req.url).searchParams}`}
        done={false}
      />
    ));
  });

  app.post("/unsubscribe", async (c) => {
    const { personId, kind } = unsubscribeTarget(c, c.get("config").authSecret);
    // Email stops; the notification still shows in Convene, where it does not intrude.
    await setPreferences(c.get("db"), personId, { [kind.kind]: "in_app" });
    return renderPage(c, { title: "You will not get these emails" }, (ctx) => (
      <UnsubscribePage ctx={ctx} label={kind.label} action="" done />
    ));
  });

  return app;
}

export { channelLabels };
