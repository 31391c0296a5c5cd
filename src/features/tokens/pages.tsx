import type { Context } from "hono";
import { Hono } from "hono";
import { AppError, notFound } from "../../platform/errors.js";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { setFlash } from "../../platform/http/flash.js";
import { type FieldErrors, type FormValues, parseForm } from "../../platform/http/form.js";
import { authorize } from "../../platform/policy.js";
import { renderPage } from "../../ui/render.js";
import { tokenInput } from "./inputs.js";
import { findActiveToken, listTokens } from "./queries.js";
import { createToken, revokeToken } from "./service.js";
import { RevokeToken } from "./views/revoke.js";
import { type CreatedToken, TokensPage } from "./views/tokens.js";
import "./policy.js";

/** Personal API tokens at /me/tokens: list, create (the secret shown once), revoke after confirming. */
export function tokenPages() {
  const app = new Hono<AppEnv>();

  const show = async (
    c: Context<AppEnv>,
    state: { values?: FormValues; errors?: FieldErrors; created?: CreatedToken } = {},
  ) => {
    const actor = requirePerson(c);
    authorize(actor, "token.manage", { personId: actor.id });
    const tokens = await listTokens(c.get("db"), actor.id);
    // The page may hold a secret (just after creating one): no cache may keep a copy.
    c.header("Cache-Control", "no-store");
    return renderPage(c, { title: "API tokens", status: state.errors ? 422 : 200 }, (ctx) => (
      <TokensPage ctx={ctx} tokens={tokens} apiBase={c.get("config").baseUrl} {...state} />
    ));
  };

  app.get("/me/tokens", (c) => show(c));

  // Answers with the page itself rather than a redirect: the secret must never travel in a URL or
  // cookie, so this is the one place it is shown. Reloading would ask to resend the form.
  app.post("/me/tokens", async (c) => {
    const actor = requirePerson(c);
    const form = await parseForm(c, tokenInput);
    if (!form.ok) return show(c, { values: form.values, errors: form.errors });
    try {
      const token = await createToken(c.get("db"), actor, form.data);
      return show(c, { created: { name: token.name, secret: token.secret } });
    } catch (error) {
      if (error instanceof AppError && error.detail?.field) {
        return show(c, { values: form.values, errors: { [String(error.detail.field)]: error.userMessage } });
      }
      throw error;
    }
  });

  const target = async (c: Context<AppEnv>) => {
    const actor = requirePerson(c);
    const token = await findActiveToken(c.get("db"), c.req.param("id") ?? "");
    if (!token) throw notFound("token");
    authorize(actor, "token.manage", { personId: token.personId });
    return { actor, token };
  };

  app.get("/me/tokens/:id/revoke", async (c) => {
    const { token } = await target(c);
    return renderPage(
      c,
      {
        title: `Revoke ${token.name}`,
        breadcrumbs: [{ label: "API tokens", href: "/me/tokens" }, { label: "Revoke" }],
      },
      (ctx) => <RevokeToken ctx={ctx} token={token} />,
    );
  });

  app.post("/me/tokens/:id/revoke", async (c) => {
    const { actor, token } = await target(c);
    await revokeToken(c.get("db"), actor, token);
    setFlash(c, `The token “${token.name}” has been revoked. Anything using it can no longer reach the API.`);
    return c.redirect("/me/tokens", 303);
  });

  return app;
}
