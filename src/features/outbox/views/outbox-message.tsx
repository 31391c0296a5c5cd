import { PageHeader } from "../../../ui/components/common.js";
import { Button, CsrfField } from "../../../ui/components/form.js";
import { RelativeTime } from "../../../ui/components/time.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { OutboxMessage } from "../queries.js";
import { SmtpNotice } from "./outbox-list.js";
import { attemptsLabel, StatusBadge } from "./status.js";

// Long addresses and tokens wrap instead of widening the page on a phone.
const wrapping =
  "white-space:pre-wrap;overflow-wrap:anywhere;margin:0;font-family:var(--mono);font-size:0.9rem";
const block = `${wrapping};background:var(--surface-2);padding:0.75rem;border-radius:8px;margin-bottom:1rem`;

export function OutboxMessageView({
  ctx,
  mail,
  from,
  smtpConfigured,
  timeZone,
}: {
  ctx: PageContext;
  mail: OutboxMessage;
  from: string;
  smtpConfigured: boolean;
  timeZone: string;
}) {
  const canSendAgain = mail.status === "queued" || mail.status === "failed";
  return (
    <>
      <PageHeader title={mail.subject} lead={`To ${mail.to}`} />
      {!smtpConfigured && mail.status === "queued" && <SmtpNotice />}
      <div class="stack">
        <section class="panel" aria-labelledby="delivery-heading">
          <h2 id="delivery-heading">Delivery</h2>
          <dl class="facts">
            <dt>Status</dt>
            <dd>
              <StatusBadge status={mail.status} /> {attemptsLabel(mail.attempts)}
            </dd>
            <dt>Kind</dt>
            <dd>
              <code>{mail.kind}</code>
            </dd>
            <dt>Created</dt>
            <dd>
              <RelativeTime date={mail.createdAt} timeZone={timeZone} />
            </dd>
            {mail.sentAt && (
              <>
                <dt>Sent</dt>
                <dd>
                  <RelativeTime date={mail.sentAt} timeZone={timeZone} />
                </dd>
              </>
            )}
            {mail.status === "queued" && smtpConfigured && (
              <>
                <dt>Next attempt</dt>
                <dd>
                  <RelativeTime date={mail.nextAttemptAt} timeZone={timeZone} />
                </dd>
              </>
            )}
            {mail.lastError && (
              <>
                <dt>Last error</dt>
                <dd>
                  <pre style={wrapping}>{mail.lastError}</pre>
                </dd>
              </>
            )}
          </dl>
          {canSendAgain && (
            <form method="post" action={`/admin/outbox/${mail.id}/send-again`} class="form-actions">
              <CsrfField token={ctx.csrfToken} />
              <Button variant="secondary">Send again now</Button>
              <span class="muted">
                {mail.status === "failed"
                  ? "Queues it again for a new round of up to eight attempts."
                  : "Tries it at the next delivery run instead of waiting."}
              </span>
            </form>
          )}
        </section>
        <section class="panel" aria-labelledby="headers-heading">
          <h2 id="headers-heading">Headers</h2>
          <dl class="facts">
            <dt>From</dt>
            <dd style="overflow-wrap:anywhere">{from}</dd>
            <dt>To</dt>
            <dd style="overflow-wrap:anywhere">{mail.to}</dd>
            <dt>Subject</dt>
            <dd>{mail.subject}</dd>
            {Object.entries(mail.headers).map(([name, value]) => (
              <>
                <dt>{name}</dt>
                <dd style="overflow-wrap:anywhere">{value}</dd>
              </>
            ))}
          </dl>
        </section>
        <section class="panel" aria-labelledby="text-heading">
          <h2 id="text-heading">Plain text</h2>
          <pre style={block}>{mail.text}</pre>
          <details>
            <summary>HTML source</summary>
            <pre style={block}>{mail.html}</pre>
          </details>
        </section>
      </div>
    </>
  );
}
