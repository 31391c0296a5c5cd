import { type Context, Hono } from "hono";
import type { Auth } from "../../platform/auth/auth.js";
import { callAuth } from "../../platform/auth/forward.js";
import { clientIp } from "../../platform/http/client-ip.js";
import type { AppEnv } from "../../platform/http/context.js";
import { setFlash } from "../../platform/http/flash.js";
import { parseForm } from "../../platform/http/form.js";
import { renderPage } from "../../ui/render.js";
import { forgotPasswordInput, resetPasswordInput } from "./inputs.js";
import { retryMessage } from "./retry.js";
import {
  ForgotPasswordView,
  ResetLinkInvalidView,
  ResetLinkSentView,
  ResetPasswordView,
} from "./views/password-reset.js";

/** Whether a reset token is still waiting to be used (Better Auth keeps it as a verification value). */
async function resetTokenIsValid(auth: Auth, token: string): Promise<boolean> {
  if (!token || token.length > 200) return false;
  const context = await auth.$context;
  const found = await context.internalAdapter.findVerificationValue(`reset-password:${token}`);
  return Boolean(found && found.expiresAt > new Date());
}

/** "Forgot your password?": ask for a link by email, then choose a new password with it. */
export function passwordResetPages(auth: Auth) {
  const app = new Hono<AppEnv>();

  app.get("/forgot-password", (c) =>
    renderPage(c, { title: "Reset your password" }, (ctx) => <ForgotPasswordView ctx={ctx} />),
  );

  app.post("/forgot-password", async (c) => {
    const config = c.get("config");
    const form = await parseForm(c, forgotPasswordInput);
    const again = (errors: Record<string, string>, status: 422 | 429 = 422) =>
      renderPage(c, { title: "Reset your password", status }, (ctx) => (
        <ForgotPasswordView ctx={ctx} values={form.values} errors={errors} />
      ));
    if (!form.ok) return again(form.errors);
    const result = await callAuth(
      c,
      auth,
      "/request-password-reset",
      { email: form.data.email, redirectTo: `${config.baseUrl}/reset-password` },
      clientIp(c, config.trustProxy),
    );
    // Per client address, whatever the email: the limit says nothing about who has an account.
    if (result.status === 429) return again({ email: retryMessage(result.retryAfter) }, 429);
    if (result.status >= 500) throw new Error(`request-password-reset answered ${result.status}`);
    return c.redirect("/forgot-password/sent", 303);
  });

  app.get("/forgot-password/sent", (c) =>
    renderPage(c, { title: "Check your email" }, (ctx) => (
      <ResetLinkSentView ctx={ctx} mailIsSent={Boolean(c.get("config").mail.smtpUrl)} />
    )),
  );

  const invalidLink = (c: Context<AppEnv>) => {
    c.header("Cache-Control", "no-store");
    return renderPage(c, { title: "This reset link does not work", status: 404 }, (ctx) => (
      <ResetLinkInvalidView ctx={ctx} />
    ));
  };

  const showForm = (
    c: Context<AppEnv>,
    token: string,
    errors?: Record<string, string>,
    status?: 422 | 429,
  ) => {
    // The token is in the address: keep the page out of caches.
    c.header("Cache-Control", "no-store");
    return renderPage(
      c,
      { title: "Choose a new password", status: errors ? (status ?? 422) : 200 },
      (ctx) => <ResetPasswordView ctx={ctx} token={token} errors={errors} />,
    );
  };

  app.get("/reset-password", async (c) => {
    const token = c.req.query("token") ?? "";
    if (!(await resetTokenIsValid(auth, token))) return invalidLink(c);
    return showForm(c, token);
  });

  app.post("/reset-password", async (c) => {
    const config = c.get("config");
    const form = await parseForm(c, resetPasswordInput);
    const token = typeof form.values.token === "string" ? form.values.token : "";
    if (!form.ok) {
      if (form.errors.token) return invalidLink(c);
      return showForm(c, token, form.errors);
    }
    const result = await callAuth(
      c,
      auth,
      "/reset-password",
      { newPassword: form.data.password, token: form.data.token },
      clientIp(c, config.trustProxy),
    );
    if (result.status === 200) {
      setFlash(c, "Your password has been changed. Sign in with your new password.");
      return c.redirect("/sign-in", 303);
    }
    if (result.status === 429) return showForm(c, token, { password: retryMessage(result.retryAfter) }, 429);
    const code = result.body.code;
    if (code === "PASSWORD_TOO_SHORT" || code === "PASSWORD_TOO_LONG") {
      return showForm(c, token, { password: String(result.body.message) });
    }
    if (code === "INVALID_TOKEN" || code === "USER_NOT_FOUND" || result.status === 400) return invalidLink(c);
    throw new Error(`reset-password answered ${result.status} ${code ?? ""}`);
  });

  return app;
}
