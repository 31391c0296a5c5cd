import type { Page } from "../../../platform/http/pagination.js";
import { EmptyState, PageHeader, Pagination } from "../../../ui/components/common.js";
import { CsrfField } from "../../../ui/components/form.js";
import { RelativeTime } from "../../../ui/components/time.js";
import type { PageContext } from "../../../ui/page-context.js";
import { channelLabels } from "../kinds.js";
import type { NotificationRow } from "../queries.js";
import type { NotificationChannel } from "../tables.js";

export function NotificationList({
  ctx,
  page,
  show,
  url,
}: {
  ctx: PageContext;
  page: Page<NotificationRow>;
  show: "all" | "unread";
  url: URL;
}) {
  return (
    <>
      <PageHeader
        title="Notifications"
        actions={
          <>
            {ctx.actor.kind === "person" && (ctx.actor.unreadNotifications ?? 0) > 0 && (
              <form method="post" action="/me/notifications/read-all">
                <CsrfField token={ctx.csrfToken} />
                <button class="button button-secondary button-small" type="submit">
                  Mark all as read
                </button>
              </form>
            )}
            <a href="/me/settings/notifications">Settings</a>
          </>
        }
      />
      <nav class="tabs" aria-label="Which notifications">
        <ul>
          <li>
            <a href="/me/notifications" aria-current={show === "all" ? "page" : undefined}>
              All
            </a>
          </li>
          <li>
            <a href="/me/notifications?show=unread" aria-current={show === "unread" ? "page" : undefined}>
              Unread
            </a>
          </li>
        </ul>
      </nav>
      {page.items.length === 0 ? (
        <EmptyState title={show === "unread" ? "You are all caught up" : "No notifications yet"}>
          <p>
            News about your communities will appear here. Choose what reaches you in{" "}
            <a href="/me/settings/notifications">settings</a>.
          </p>
        </EmptyState>
      ) : (
        <ul class="notification-list">
          {page.items.map((item) => (
            <li class={item.readAt ? "notification" : "notification notification-unread"}>
              <a href={`/me/notifications/${item.id}`}>
                {!item.readAt && <span class="visually-hidden">Unread: </span>}
                {item.title}
              </a>
              {item.body && <p>{item.body}</p>}
              <span class="muted">
                <RelativeTime date={item.updatedAt} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {url.searchParams.has("cursor") && (
        <p>
          <a href={show === "unread" ? "/me/notifications?show=unread" : "/me/notifications"}>
            Back to the newest
          </a>
        </p>
      )}
      <Pagination page={{ ...page, previous: null }} baseUrl={url} />
    </>
  );
}

export function PreferencesForm({
  ctx,
  preferences,
}: {
  ctx: PageContext;
  preferences: { kind: string; label: string; channel: NotificationChannel }[];
}) {
  return (
    <div class="form">
      <PageHeader
        title="Notification settings"
        lead="For each kind of news, choose where it reaches you. People on a break hear nothing from that community until they are back."
      />
      <form method="post" action="/me/settings/notifications">
        <CsrfField token={ctx.csrfToken} />
        {preferences.map((preference, index) => (
          <div class="field">
            <fieldset>
              <legend>{preference.label}</legend>
              <div class="choices">
                {(Object.keys(channelLabels) as NotificationChannel[]).map((channel) => {
                  const id = `pref-${index}-${channel}`;
                  return (
                    <div class="choice">
                      <input
                        type="radio"
                        id={id}
                        name={`kind:${preference.kind}`}
                        value={channel}
                        checked={preference.channel === channel}
                      />
                      <label for={id}>{channelLabels[channel]}</label>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          </div>
        ))}
        <div class="form-actions">
          <button class="button" type="submit">
            Save settings
          </button>
        </div>
      </form>
    </div>
  );
}

export function UnsubscribePage({
  ctx,
  label,
  action,
  done,
}: {
  ctx: PageContext;
  label: string;
  action: string;
  done: boolean;
}) {
  return (
    <div class="form">
      {done ? (
        <>
          <h1>You will not get these emails</h1>
          <p class="lead">
            We will no longer email you “{label.toLowerCase()}”. You will still see them in Convene. Change
            this any time in your <a href="/me/settings/notifications">notification settings</a>.
          </p>
        </>
      ) : (
        <>
          <h1>Stop these emails?</h1>
          <p class="lead">
            You will no longer get an email “{label.toLowerCase()}”. They will still appear in your
            notifications in Convene.
          </p>
          <form method="post" action={action}>
            <CsrfField token={ctx.csrfToken} />
            <button class="button" type="submit">
              Stop these emails
            </button>
          </form>
        </>
      )}
    </div>
  );
}
