import type { Config } from "../../config.js";
import type { Db } from "../db/client.js";
import { mailOutbox } from "./tables.js";

/** One message, already rendered (see src/ui/email): both parts, and its kind for filtering. */
export interface MailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** e.g. "password_reset", "email_verification", "notification.reply". */
  kind: string;
  /** Extra headers such as List-Unsubscribe. */
  headers?: Record<string, string>;
}

/** What decides whether a message is echoed to the console (development without SMTP). */
export type MailEchoConfig = Pick<Config, "mail" | "logLevel">;

/**
 * Writes a message to the outbox; delivery picks it up from there. Pass the transaction of the act
 * that caused the message as `db`, so the act and its email commit (or roll back) together.
 * With `config`, and no SMTP configured, the message is also printed to stderr in development so a
 * reset link can be followed from the console.
 */
export async function enqueueMail(db: Db, message: MailMessage, config?: MailEchoConfig): Promise<string> {
  if (!message.to.trim() || /[\r\n]/.test(message.to))
    throw new Error("A mail recipient must be one address");
  const [row] = await db
    .insert(mailOutbox)
    .values({
      to: message.to.trim(),
      subject: message.subject,
      html: message.html,
      text: message.text,
      kind: message.kind,
      headers: message.headers ?? {},
    })
    .returning({ id: mailOutbox.id });
  if (!row) throw new Error("The outbox did not return the new message");
  if (config && shouldEcho(config)) echo(message);
  return row.id;
}

function shouldEcho(config: MailEchoConfig): boolean {
  return (
    !config.mail.smtpUrl &&
    (config.logLevel === "debug" || config.logLevel === "info") &&
    process.env.NODE_ENV !== "production"
  );
}

function echo(message: MailMessage): void {
  const rule = "-".repeat(72);
  process.stderr.write(
    `\n${rule}\nEmail (not sent: SMTP_URL is not set; admins can read it at /admin/outbox)\n` +
      `To: ${message.to}\nSubject: ${message.subject}\n\n${message.text.trimEnd()}\n${rule}\n\n`,
  );
}
