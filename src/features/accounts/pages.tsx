import { type Context, Hono } from "hono";
import { z } from "zod";
import { type Auth, SSO_PROVIDER_ID } from "../../platform/auth/auth.js";
import { callAuth, copyCookies } from "../../platform/auth/forward.js";
import { AppError } from "../../platform/errors.js";
import { clientIp } from "../../platform/http/client-ip.js";
import type { AppEnv } from "../../platform/http/context.js";
import { setFlash } from "../../platform/http/flash.js";
import { parseForm } from "../../platform/http/form.js";
import { log } from "../../platform/log.js";
import { renderPage } from "../../ui/render.js";
import { safeNext, signInInput, signUpInput } from "./inputs.js";
import { passwordResetPages } from "./password-pages.js";
import { retryMessage } from "./retry.js";
import { type SignInOptions, SignInView, SignUpView } from "./views/sign-in.js";

/** Sign in, sign up, sign out and password reset as plain HTML forms, handled by Better Auth behind the scenes. */
/** What Better Auth's ?error= codes mean to the person who just came back from their provider. */
function ssoErrorMessage(code: string, domains: string[]): string {
  if (/domain|unable_to_create_user|signup_disabled/i.test(code) && domains.length) {
    return `Convene here is for ${domains.map((d) => `@${d}`).join(" or ")} accounts only. Sign in with your work account.`;
  }
  if (/account_not_linked|account not linked/i.test(code)) {
    return "There is already an account with this email address. Sign in with your password once and confirm your address, then single sign-on will link to it.";
  }
  if (/access_denied/i.test(code)) return "Sign-in was cancelled at your organisation's sign-in page.";
  return "Single sign-on did not complete. Try again, or ask the people who run Convene for help.";
}

export function accountPages(auth: Auth) {
  const app = new Hono<AppEnv>();

  const optionsFor = (c: Context<AppEnv>): SignInOptions => {
    const config = c.get("config");
    return { sso: config.oidc?.buttonLabel ?? null, password: config.passwordSignIn };
  };

  app.get("/sign-in", (c) => {
    if (c.get("actor").kind === "person") return c.redirect(safeNext(c.req.query("next")), 303);
    const next = safeNext(c.req.query("next"));
    // Back from the identity provider with a refusal: say why beside the SSO button.
    const ssoError = c.req.query("error");
    const errors = ssoError ? { sso: ssoErrorMessage(ssoError, c.get("config").emailDomains) } : undefined;
    return renderPage(c, { title: "Sign in", status: errors ? 403 : 200 }, (ctx) => (
      <SignInView ctx={ctx} next={next} errors={errors} options={optionsFor(c)} />
    ));
  });

  // Starts the redirect to the organisation's identity provider; Better Auth handles the callback.
  app.post("/sign-in/sso", async (c) => {
    const config = c.get("config");
    if (!config.oidc) throw new AppError(404, "not_found", "Single sign-on is not set up here.");
    const form = await parseForm(c, z.object({ next: z.string().max(500).default("") }));
    const next = safeNext(form.ok ? form.data.next : "");
    const result = await callAuth(
      c,
      auth,
      "/sign-in/social",
      {
        provider: SSO_PROVIDER_ID,
        callbackURL: next,
        newUserCallbackURL: "/me/profile",
        errorCallbackURL: `/sign-in?next=${encodeURIComponent(next)}`,
      },
      clientIp(c, config.trustProxy),
    );
    const url = typeof result.body.url === "string" ? result.body.url : null;
    if (result.status !== 200 || !url) {
      log("warn", "single sign-on could not start", { status: result.status, body: result.body });
      return renderPage(c, { title: "Sign in", status: 502 }, (ctx) => (
        <SignInView
          ctx={ctx}
          next={next}
          errors={{ sso: `We could not reach ${config.orgName}'s sign-in service. Try again in a moment.` }}
          options={optionsFor(c)}
        />
      ));
    }
    copyCookies(c, result.setCookies);
    return c.redirect(url, 303);
  });

  app.post("/sign-in", async (c) => {
    if (!c.get("config").passwordSignIn) {
      throw new AppError(
        403,
        "password_sign_in_off",
        "Sign in with your organisation's account instead of a password.",
      );
    }
    const form = await parseForm(c, signInInput);
    const next = safeNext(typeof form.values.next === "string" ? form.values.next : "");
    if (!form.ok) {
      return renderPage(c, { title: "Sign in", status: 422 }, (ctx) => (
        <SignInView ctx={ctx} values={form.values} errors={form.errors} next={next} options={optionsFor(c)} />
      ));
    }
    const config = c.get("config");
    const result = await callAuth(
      c,
      auth,
      "/sign-in/email",
      { email: form.data.email, password: form.data.password },
      clientIp(c, config.trustProxy),
    );
    if (result.status === 200) {
      copyCookies(c, result.setCookies);
      return c.redirect(next, 303);
    }
    const tooMany = result.status === 429;
    const errors = tooMany
      ? { email: retryMessage(result.retryAfter) }
      : { email: "The email address or password is not right. Check them and try again." };
    return renderPage(c, { title: "Sign in", status: tooMany ? 429 : 422 }, (ctx) => (
      <SignInView ctx={ctx} values={form.values} errors={errors} next={next} options={optionsFor(c)} />
    ));
  });

  app.get("/sign-up", (c) => {
    if (c.get("actor").kind === "person") return c.redirect("/", 303);
    // With SSO only, accounts are made by signing in through the identity provider.
    if (!c.get("config").passwordSignIn) return c.redirect("/sign-in", 303);
    const domains = c.get("config").emailDomains;
    return renderPage(c, { title: "Create your account" }, (ctx) => (
      <SignUpView ctx={ctx} domains={domains} />
    ));
  });

  app.post("/sign-up", async (c) => {
    const config = c.get("config");
    const form = await parseForm(c, signUpInput);
    const again = (errors: Record<string, string>, status: 422 | 429 = 422) =>
      renderPage(c, { title: "Create your account", status }, (ctx) => (
        <SignUpView ctx={ctx} values={form.values} errors={errors} domains={config.emailDomains} />
      ));
    if (!form.ok) return again(form.errors);
    const { name, email, password } = form.data;
    const result = await callAuth(
      c,
      auth,
      "/sign-up/email",
      { name, email, password },
      clientIp(c, config.trustProxy),
    );
    if (result.status === 200) {
      copyCookies(c, result.setCookies);
      setFlash(
        c,
        `Welcome to Convene, ${name}. Add a few details to your profile so colleagues can find you.`,
      );
      return c.redirect("/me/profile", 303);
    }
    if (result.status === 429) return again({ email: retryMessage(result.retryAfter) }, 429);
    if (result.body.code === "EMAIL_DOMAIN_NOT_ALLOWED") return again({ email: String(result.body.message) });
    if (
      result.body.code === "USER_ALREADY_EXISTS" ||
      result.body.code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL"
    ) {
      return again({ email: "There is already an account with this email address. Sign in instead." });
    }
    if (result.body.code === "PASSWORD_TOO_SHORT" || result.body.code === "PASSWORD_TOO_LONG") {
      return again({ password: String(result.body.message) });
    }
    return again({ email: String(result.body.message ?? "We could not create the account. Try again.") });
  });

  app.route("/", passwordResetPages(auth));

  app.post("/sign-out", async (c) => {
    const config = c.get("config");
    const result = await callAuth(c, auth, "/sign-out", {}, clientIp(c, config.trustProxy));
    copyCookies(c, result.setCookies);
    setFlash(c, "You have signed out.");
    return c.redirect("/", 303);
  });

  return app;
}
