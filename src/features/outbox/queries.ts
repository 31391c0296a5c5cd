import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { type Cursor, type Page, toPage } from "../../platform/http/pagination.js";
import { type MailStatus, mailOutbox } from "../../platform/mail/tables.js";
import type { OutboxFilter } from "./inputs.js";

export interface OutboxSummary {
  id: string;
  to: string;
  subject: string;
  kind: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  sentAt: Date | null;
  createdAt: Date;
  /** created_at as PostgreSQL prints it: microseconds, which a JavaScript Date would lose. */
  createdKey: string;
}

/** Newest first, keyset-paginated on (created_at, id); the bodies are left out of the list. */
export async function listOutbox(
  db: Db,
  status: OutboxFilter,
  cursor: Cursor | null,
  limit = 50,
): Promise<Page<OutboxSummary>> {
  const conditions: SQL[] = [];
  if (status !== "all") conditions.push(eq(mailOutbox.status, status));
  const back = cursor?.direction === "before";
  if (cursor) {
    const key = sql`(${String(cursor.key)}::timestamptz, ${cursor.id}::text)`;
    conditions.push(
      back
        ? sql`(${mailOutbox.createdAt}, ${mailOutbox.id}) > ${key}`
        : sql`(${mailOutbox.createdAt}, ${mailOutbox.id}) < ${key}`,
    );
  }
  const rows = await db
    .select({
      id: mailOutbox.id,
      to: mailOutbox.to,
      subject: mailOutbox.subject,
      kind: mailOutbox.kind,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      lastError: mailOutbox.lastError,
      nextAttemptAt: mailOutbox.nextAttemptAt,
      sentAt: mailOutbox.sentAt,
      createdAt: mailOutbox.createdAt,
      createdKey: sql<string>`${mailOutbox.createdAt}::text`,
    })
    .from(mailOutbox)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(
      ...(back
        ? [asc(mailOutbox.createdAt), asc(mailOutbox.id)]
        : [desc(mailOutbox.createdAt), desc(mailOutbox.id)]),
    )
    .limit(limit + 1);
  return toPage(rows, { limit, cursor, keyOf: (row) => ({ key: row.createdKey, id: row.id }) });
}

/** How many messages wait or have failed: the two numbers an admin acts on. */
export async function outboxCounts(db: Db): Promise<{ queued: number; failed: number }> {
  const rows = await db
    .select({ status: mailOutbox.status, n: sql<number>`count(*)::int` })
    .from(mailOutbox)
    .where(inArray(mailOutbox.status, ["queued", "failed"]))
    .groupBy(mailOutbox.status);
  const count = (status: MailStatus) => rows.find((row) => row.status === status)?.n ?? 0;
  return { queued: count("queued"), failed: count("failed") };
}

export async function findMail(db: Db, id: string) {
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row ?? null;
}

export type OutboxMessage = NonNullable<Awaited<ReturnType<typeof findMail>>>;
