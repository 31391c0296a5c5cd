import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { createTransport } from "nodemailer";
import type { Config } from "../../config.js";
import type { Db } from "../db/client.js";
import { log } from "../log.js";
import { mailOutbox } from "./tables.js";

/** After this many failed attempts a message is marked failed and waits for an admin. */
export const MAX_ATTEMPTS = 8;

/** Minutes to wait after the 1st, 2nd... failure: quick at first, then a few times a day. */
const BACKOFF_MINUTES = [1, 5, 30, 120, 720, 1440, 1440];

/** How long a claimed message is reserved for the instance sending it (if it dies, another retries). */
const LEASE_MS = 30 * 60_000;

const BATCH_SIZE = 20;

export function retryDelayMs(attempts: number): number {
  const index = Math.min(Math.max(attempts, 1), BACKOFF_MINUTES.length) - 1;
  return (BACKOFF_MINUTES[index] ?? 1440) * 60_000;
}

export interface DeliveryResult {
  sent: number;
  retried: number;
  failed: number;
}

export interface MailDelivery {
  /** Sends every message that is due now; safe to run on several instances at once. */
  deliverDue(): Promise<DeliveryResult>;
  /** Runs `deliverDue` every `intervalMs` (one run at a time). */
  start(intervalMs?: number): void;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

export interface MailDeliveryOptions {
  config: Pick<Config, "mail">;
  db: Db;
  /** The clock, for tests that let time pass. */
  now?: () => Date;
}

export function createMailDelivery({
  config,
  db,
  now = () => new Date(),
}: MailDeliveryOptions): MailDelivery {
  const { smtpUrl, from } = config.mail;
  // Without SMTP the outbox is where admins read mail: nothing is claimed, nothing is lost.
  const transport = smtpUrl
    ? createTransport({
        url: smtpUrl,
        // A few reused connections: a digest to thousands of people must not open one per message.
        pool: true,
        maxConnections: 3,
        // A mail server that never answers must not hold a batch for nodemailer's default minutes.
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      })
    : null;

  /** Reserves due messages in one statement; SKIP LOCKED keeps instances from taking the same rows. */
  async function claim(at: Date) {
    const due = db
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.status, "queued"), lte(mailOutbox.nextAttemptAt, at)))
      .orderBy(asc(mailOutbox.nextAttemptAt))
      .limit(BATCH_SIZE)
      .for("update", { skipLocked: true });
    return db
      .update(mailOutbox)
      .set({
        nextAttemptAt: new Date(at.getTime() + LEASE_MS),
        attempts: sql`${mailOutbox.attempts} + 1`,
      })
      .where(and(inArray(mailOutbox.id, due), eq(mailOutbox.status, "queued")))
      .returning();
  }

  type Claimed = Awaited<ReturnType<typeof claim>>[number];

  /** Sends one claimed message and records the outcome. */
  async function send(message: Claimed): Promise<keyof DeliveryResult> {
    if (!transport) throw new Error("no SMTP transport");
    // Only the send is caught: a database error after a send must not turn into a resend.
    const error = await transport
      .sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: message.headers,
      })
      .then(
        () => null,
        (failure: unknown) => failure ?? new Error("unknown error"),
      );
    const at = now();
    if (!error) {
      await db.update(mailOutbox).set({ status: "sent", sentAt: at }).where(eq(mailOutbox.id, message.id));
      return "sent";
    }
    const lastError = describe(error);
    const givingUp = message.attempts >= MAX_ATTEMPTS;
    await db
      .update(mailOutbox)
      .set({
        status: givingUp ? "failed" : "queued",
        lastError,
        nextAttemptAt: givingUp ? at : new Date(at.getTime() + retryDelayMs(message.attempts)),
      })
      .where(eq(mailOutbox.id, message.id));
    log(givingUp ? "error" : "warn", givingUp ? "mail failed" : "mail will be retried", {
      mailId: message.id,
      kind: message.kind,
      attempts: message.attempts,
      error: lastError,
    });
    return givingUp ? "failed" : "retried";
  }

  async function deliverDue(): Promise<DeliveryResult> {
    const result: DeliveryResult = { sent: 0, retried: 0, failed: 0 };
    if (!transport) return result;
    // Keep going while batches come back full, so a backlog drains in one run.
    for (let round = 0; round < 50; round++) {
      const batch = await claim(now());
      for (const outcome of await Promise.all(batch.map(send))) result[outcome]++;
      if (batch.length < BATCH_SIZE) break;
    }
    return result;
  }

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;

  const tick = () => {
    if (running) return;
    running = deliverDue()
      .catch((error) => log("error", "mail delivery run failed", { error: describe(error) }))
      .finally(() => {
        running = null;
      });
  };

  return {
    deliverDue,
    start(intervalMs = 5_000) {
      if (timer || !transport) return;
      timer = setInterval(tick, intervalMs);
      tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
      transport?.close();
    },
  };
}

/** For src/server.ts: delivers in the background until `stop()`; does nothing without SMTP_URL. */
export function startMailDelivery(options: MailDeliveryOptions & { intervalMs?: number }): MailDelivery {
  const delivery = createMailDelivery(options);
  delivery.start(options.intervalMs);
  if (!options.config.mail.smtpUrl) {
    log("info", "SMTP_URL is not set: email stays in the outbox at /admin/outbox");
  }
  return delivery;
}

/** The SMTP server's answer when there is one, so the outbox says what the server said. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 1000);
  const code = (error as { code?: unknown }).code;
  const text = code && !error.message.includes(String(code)) ? `${code}: ${error.message}` : error.message;
  return text.slice(0, 1000);
}
