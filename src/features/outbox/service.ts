import { and, eq, inArray, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/client.js";
import { conflict, notFound } from "../../platform/errors.js";
import { mailOutbox } from "../../platform/mail/tables.js";
import { authorize, type PersonActor } from "../../platform/policy.js";

/**
 * "Send again now": a queued message becomes due at once; a failed one is queued again with a
 * fresh set of attempts (its last error stays, for the record).
 */
export async function sendAgain(db: Db, actor: PersonActor, id: string, now = new Date()) {
  authorize(actor, "outbox.resend", null);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: mailOutbox.status })
      .from(mailOutbox)
      .where(eq(mailOutbox.id, id))
      .for("update");
    if (!current) throw notFound("message");
    if (current.status === "sent") throw conflict("That message has already been sent.");
    const [updated] = await tx
      .update(mailOutbox)
      .set({
        status: "queued",
        nextAttemptAt: now,
        attempts: sql`case when ${mailOutbox.status} = 'failed' then 0 else ${mailOutbox.attempts} end`,
      })
      .where(and(eq(mailOutbox.id, id), inArray(mailOutbox.status, ["queued", "failed"])))
      .returning({ id: mailOutbox.id, to: mailOutbox.to });
    if (!updated) throw conflict("That message has already been sent.");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "mail.sent_again",
      target: { type: "mail", id },
      data: { previousStatus: current.status },
    });
    return { ...updated, previousStatus: current.status };
  });
}
