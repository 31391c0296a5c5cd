import type { Config } from "../../config.js";
import { type RenderedEmail, renderEmail } from "./render.js";

type EmailConfig = Pick<Config, "orgName" | "baseUrl">;

/** Sent by Better Auth when someone asks to reset a password; the link leads to /reset-password. */
export function passwordResetEmail(config: EmailConfig, to: { name: string; url: string }): RenderedEmail {
  return renderEmail({
    config,
    title: "Reset your password",
    subject: `Reset your ${config.orgName} password`,
    paragraphs: [
      `Hello ${to.name},`,
      `Someone asked to reset the password of your ${config.orgName} account. If it was you, choose a new password with the link below. The link works once, within one hour.`,
    ],
    action: { label: "Choose a new password", url: to.url },
    footerNote: "If you did not ask for this, ignore this email: your password has not changed.",
  });
}

/** Sent after sign-up; the link confirms the address and signs the person in. */
export function emailVerificationEmail(
  config: EmailConfig,
  to: { name: string; url: string },
): RenderedEmail {
  return renderEmail({
    config,
    title: "Confirm your email address",
    subject: `Confirm your email address for ${config.orgName}`,
    paragraphs: [
      `Hello ${to.name},`,
      `Welcome to ${config.orgName}'s communities of practice. Confirm that this address is yours, so that reset links and the news you ask for reach you. The link works for 24 hours.`,
    ],
    action: { label: "Confirm my email address", url: to.url },
    footerNote: "If you did not create an account, ignore this email and the address will not be confirmed.",
  });
}
