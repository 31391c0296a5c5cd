import type { FieldErrors, FormValues } from "../../../platform/http/form.js";
import { EmptyState, PageHeader } from "../../../ui/components/common.js";
import { Button, CsrfField, ErrorSummary, RadioGroup, SelectField } from "../../../ui/components/form.js";
import { ConfirmRevoke, RevocableTable, ShownOnce } from "../../../ui/components/secrets.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { ActiveFeed, FeedListItem, FeedScope } from "../calendar-queries.js";

export interface CreatedFeed {
  url: string;
  scope: FeedScope;
  communityName: string | null;
}

export interface CommunityChoice {
  slug: string;
  name: string;
}

export const feedLabels = { scope: "What the feed shows", community: "Community" };

/** "Events I am going to", "Events of HR Operations" */
export function describeFeed(feed: { scope: FeedScope; communityName: string | null }): string {
  if (feed.scope === "going") return "Events you are going to or waiting for a place at";
  if (feed.scope === "communities") return "All events of your communities";
  return `Events of ${feed.communityName ?? "a community"}`;
}

/** /me/calendar: how to subscribe, the person's feeds, and the forms to make one. */
export function FeedsPage(props: {
  ctx: PageContext;
  feeds: FeedListItem[];
  communities: CommunityChoice[];
  preselected?: string;
  values?: FormValues;
  errors?: FieldErrors;
  created?: CreatedFeed;
}) {
  const { ctx, feeds, communities, values, errors, created } = props;
  // The community form's own values: its errors come back with what was chosen.
  const communityValues = values?.scope === "community" ? values : { community: props.preselected ?? "" };
  return (
    <>
      <ErrorSummary errors={errors} labels={feedLabels} />
      <PageHeader
        title="Calendar feeds"
        lead="A calendar feed puts Convene's events in the calendar you already use (Outlook, Google Calendar, Apple Calendar) and keeps them up to date: new events appear, changes and cancellations follow."
      />
      {created && <NewFeed feed={created} />}
      <div class="stack">
        <section class="panel" aria-labelledby="feeds-heading">
          <h2 id="feeds-heading">Your feeds</h2>
          {feeds.length === 0 ? (
            <EmptyState title="You have no calendar feeds">
              <p>Create one below, then add its address to your calendar.</p>
            </EmptyState>
          ) : (
            <FeedTable feeds={feeds} />
          )}
        </section>
        <section class="panel" aria-labelledby="personal-heading">
          <h2 id="personal-heading">Create a personal feed</h2>
          <form method="post" action="/me/calendar" novalidate>
            <CsrfField token={ctx.csrfToken} />
            <RadioGroup
              name="scope"
              label={feedLabels.scope}
              values={values?.scope === "community" ? undefined : values}
              errors={values?.scope === "community" ? undefined : errors}
              options={[
                {
                  value: "going",
                  label: "Events I am going to",
                  hint: "Includes events where you are on the waiting list; the description says so.",
                },
                {
                  value: "communities",
                  label: "All events of my communities",
                  hint: "Follows your memberships: join a community and its events appear; leave and they go.",
                },
              ]}
            />
            <div class="form-actions">
              <Button>Create personal feed</Button>
            </div>
          </form>
        </section>
        <section class="panel" aria-labelledby="community-heading">
          <h2 id="community-heading">Create a feed for one community</h2>
          {communities.length === 0 ? (
            <p>
              You are not a member of any community yet. <a href="/communities">Find a community</a>, or open
              a community's Events tab to subscribe to it.
            </p>
          ) : (
            <form method="post" action="/me/calendar" novalidate>
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="scope" value="community" />
              <SelectField
                name="community"
                label={feedLabels.community}
                hint="All of its events, including those it co-hosts."
                blank="Choose a community"
                options={communities.map((c) => ({ value: c.slug, label: c.name }))}
                values={communityValues}
                errors={values?.scope === "community" ? errors : undefined}
              />
              <div class="form-actions">
                <Button>Create community feed</Button>
              </div>
            </form>
          )}
        </section>
        <HowToSubscribe />
      </div>
    </>
  );
}

function NewFeed({ feed }: { feed: CreatedFeed }) {
  const webcal = feed.url.replace(/^https?:/, "webcal:");
  return (
    <ShownOnce
      class="feed-created"
      headingId="new-feed-heading"
      heading={<>Your new feed: {describeFeed(feed)}</>}
      warning="Copy the address now: this is the only time it is shown."
      explanation="Anyone with it can see these events as you do, so keep it to yourself. If you lose it or share it by mistake, revoke the feed and create another."
      inputId="new-feed-url"
      label="Feed address"
      value={feed.url}
      inputClass="feed-url"
    >
      <p>
        On a Mac, iPhone or iPad you can also <a href={webcal}>open it in your calendar app</a>.
      </p>
    </ShownOnce>
  );
}

function HowToSubscribe() {
  return (
    <section class="panel" aria-labelledby="how-heading">
      <h2 id="how-heading">How to subscribe</h2>
      <p>Copy the feed's address when you create it, then:</p>
      <ul class="feed-howto">
        <li>
          <strong>Outlook</strong>: Add calendar, then Subscribe from web; paste the address.
        </li>
        <li>
          <strong>Google Calendar</strong>: Other calendars, the plus button, From URL; paste the address.
        </li>
        <li>
          <strong>Apple Calendar</strong>: File, New Calendar Subscription; paste the address.
        </li>
      </ul>
      <p class="muted">
        Calendar programs look for changes every hour or so, so an edit may take a while to show. Feeds
        include events from the last 60 days onwards. To add a single event instead, use "Add to my calendar"
        on the event's page.
      </p>
    </section>
  );
}

function FeedTable({ feeds }: { feeds: FeedListItem[] }) {
  return (
    <RevocableTable
      caption="Your calendar feeds"
      items={feeds}
      name={{ heading: "What it shows", cell: describeFeed }}
      neverUsed="Not yet"
      revokeHref={(feed) => `/me/calendar/${feed.id}/revoke`}
      revokeWhat={(feed) => `the feed: ${describeFeed(feed)}`}
    />
  );
}

export function RevokeFeed({ ctx, feed }: { ctx: PageContext; feed: ActiveFeed }) {
  return (
    <ConfirmRevoke
      csrfToken={ctx.csrfToken}
      title="Revoke this calendar feed?"
      action={`/me/calendar/${feed.id}/revoke`}
      button="Revoke feed"
      keepHref="/me/calendar"
      keepLabel="Keep the feed"
    >
      The feed “{describeFeed(feed)}” will stop at once: calendars subscribed to it will get no more updates,
      and its address will answer “not found”. You cannot undo this. If you need it again, create a new feed
      and subscribe to its new address.
    </ConfirmRevoke>
  );
}
