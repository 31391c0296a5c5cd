import type { Page } from "../../../platform/http/pagination.js";
import { EmptyState, PageHeader, Pagination } from "../../../ui/components/common.js";
import { RelativeTime } from "../../../ui/components/time.js";
import type { OutboxFilter } from "../inputs.js";
import type { OutboxSummary } from "../queries.js";
import { attemptsLabel, StatusBadge } from "./status.js";

const filters: { value: OutboxFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "queued", label: "Queued" },
  { value: "sent", label: "Sent" },
  { value: "failed", label: "Failed" },
];

const short = (text: string, length = 120) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

export function SmtpNotice() {
  return (
    <div class="notice notice-info">
      <strong>Email is not being sent.</strong> <code>SMTP_URL</code> is not set, so messages wait here. Open
      a message to read it and pass a link on by hand.
    </div>
  );
}

export function OutboxList({
  page,
  status,
  counts,
  smtpConfigured,
  timeZone,
  url,
}: {
  page: Page<OutboxSummary>;
  status: OutboxFilter;
  counts: { queued: number; failed: number };
  smtpConfigured: boolean;
  timeZone: string;
  url: URL;
}) {
  const countOf = (value: OutboxFilter) =>
    value === "queued" || value === "failed" ? ` (${counts[value]})` : "";
  return (
    <>
      <PageHeader
        title="Email outbox"
        lead="Every email Convene sends is written here first, then delivered. Messages that could not be delivered stay here with the mail server's answer."
      />
      {!smtpConfigured && <SmtpNotice />}
      <nav class="tabs" aria-label="Messages by status">
        <ul>
          {filters.map((filter) => (
            <li>
              <a
                href={filter.value === "all" ? "/admin/outbox" : `/admin/outbox?status=${filter.value}`}
                aria-current={filter.value === status ? "page" : undefined}
              >
                {filter.label}
                {countOf(filter.value)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {page.items.length === 0 ? (
        <OutboxEmpty status={status} smtpConfigured={smtpConfigured} />
      ) : (
        <div class="table-wrap">
          <table class="stack-on-mobile">
            <caption class="visually-hidden">Email messages, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Message</th>
                <th scope="col">Kind</th>
                <th scope="col">Status</th>
                <th scope="col">Last error</th>
                <th scope="col">Created</th>
                <th scope="col">Sent</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((mail) => (
                <tr>
                  <td>
                    <a href={`/admin/outbox/${mail.id}`}>{mail.subject}</a>
                    <div class="muted">To {mail.to}</div>
                  </td>
                  <td data-label="Kind">
                    <code>{mail.kind}</code>
                  </td>
                  <td data-label="Status">
                    <StatusBadge status={mail.status} />
                    <div class="muted">{attemptsLabel(mail.attempts)}</div>
                  </td>
                  <td data-label="Last error">{mail.lastError ? short(mail.lastError) : "—"}</td>
                  <td data-label="Created">
                    <RelativeTime date={mail.createdAt} timeZone={timeZone} />
                  </td>
                  <td data-label="Sent">
                    {mail.sentAt ? <RelativeTime date={mail.sentAt} timeZone={timeZone} /> : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} baseUrl={url} />
    </>
  );
}

function OutboxEmpty({ status, smtpConfigured }: { status: OutboxFilter; smtpConfigured: boolean }) {
  if (status !== "all") {
    return (
      <EmptyState title={`No ${status} messages`}>
        <p>
          <a href="/admin/outbox">See all messages</a>
        </p>
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No email yet">
      <p>
        Messages appear here as Convene writes them: password reset links, email address confirmations and
        notifications.
      </p>
      {smtpConfigured ? (
        <p>They are delivered through the mail server in SMTP_URL.</p>
      ) : (
        <p>
          To send them, set <code>SMTP_URL</code> (for example{" "}
          <code>smtp://user:password@mail.example.org:587</code>) and <code>MAIL_FROM</code>, then restart
          Convene. Until then, messages wait here for you to read.
        </p>
      )}
    </EmptyState>
  );
}
