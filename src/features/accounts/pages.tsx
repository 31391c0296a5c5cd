import { Hono } from "hono";
import type { Auth } from "../../platform/auth/auth.js";
import { callAuth, copyCookies } from "../../platform/auth/forward.js";
import { clientIp } from "../../platform/http/client-ip.js";
import type { AppEnv } from "../../platform/http/context.js";
import { setFlash } from "../../platform/http/flash.js";
import { parseForm } from "../../platform/http/form.js";
import { renderPage } from "../../ui/render.js";
import { safeNext, signInInput, signUpInput } from "./inputs.js";
import { passwordResetPages } from "./password-pages.js";
import { retryMessage } from "./retry.js";
import { SignInView, SignUpView } from "./views/sign-in.js";

/** Sign in, sign up, sign out and password reset as plain HTML forms, handled by Better Auth behind the scenes. */
export function accountPages(auth: Auth) {
  const app = new Hono<AppEnv>();

  app.get("/sign-in", (c) => {
    if (c.get("actor").kind === "person") return c.redirect(safeNext(c.req.query("next")), 303);
    const next = safeNext(c.req.query("next"));
    return renderPage(c, { title: "Sign in" }, (ctx) => <SignInView ctx={ctx} next={next} />);
  });

  app.post("/sign-in", async (c) => {
    const form = await parseForm(c, signInInput);
    const next = safeNext(typeof form.values.next === "string" ? form.values.next : "");
    if (!form.ok) {
      return renderPage(c, { title: "Sign in", status: 422 }, (ctx) => (
        <SignInView ctx={ctx} values={form.values} errors={form.errors} next={next} />
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
      <SignInView ctx={ctx} values={form.values} errors={errors} next={next} />
    ));
  });

  app.get("/sign-up", (c) => {
    if (c.get("actor").kind === "person") return c.redirect("/", 303);
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
