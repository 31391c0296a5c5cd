import { RelativeTime } from "../../ui/components/time.js";
import type { EventSummary } from "../events/finding-queries.js";
import { dayLabel, EventTime, HostNames, localDate } from "../events/views/event-card.js";
import type { HomeThread } from "./queries.js";

const kindLabel = { discussion: "Discussion", question: "Question", announcement: "Announcement" } as const;

function ThreadItem({ thread }: { thread: HomeThread }) {
  return (
    <li class="home-thread">
      <a href={`/communities/${thread.communitySlug}/discussions/${thread.id}`}>{thread.title}</a>
      <span class="home-thread-meta">
        <span class="badge badge-muted">{kindLabel[thread.kind]}</span>
        {thread.answered && <span class="badge badge-answered">Answered</span>}
        <a href={`/communities/${thread.communitySlug}`}>{thread.communityName}</a>
        <span>{thread.replyCount === 1 ? "1 reply" : `${thread.replyCount} replies`}</span>
        <RelativeTime date={thread.createdAt} />
      </span>
    </li>
  );
}

export function HomeActivity({ latest, toAnswer }: { latest: HomeThread[]; toAnswer: HomeThread[] }) {
  return (
    <div class="home-activity">
      <section aria-labelledby="new-heading" class="panel stack">
        <h2 id="new-heading">New in your communities</h2>
        {latest.length > 0 ? (
          <ul class="home-threads">
            {latest.map((thread) => (
              <ThreadItem thread={thread} />
            ))}
          </ul>
        ) : (
          <p class="muted">Nothing new yet. Start a discussion in one of your communities.</p>
        )}
      </section>
      <section aria-labelledby="answer-heading" class="panel stack">
        <h2 id="answer-heading">Questions you might answer</h2>
        {toAnswer.length > 0 ? (
          <ul class="home-threads">
            {toAnswer.map((thread) => (
              <ThreadItem thread={thread} />
            ))}
          </ul>
        ) : (
          <p class="muted">
            No open questions match your skills right now.{" "}
            <a href="/me/profile">Add skills to your profile</a> so we can suggest questions you could help
            with.
          </p>
        )}
        <p>
          <a href="/experts">Find someone who can advise</a>
        </p>
      </section>
    </div>
  );
}

/** The person's next few events, with the way to all of them. */
export function HomeUpcomingEvents({
  events,
  zone,
  hasCommunities,
}: {
  events: EventSummary[];
  zone: string;
  hasCommunities: boolean;
}) {
  return (
    <section aria-labelledby="upcoming-heading" class="panel stack home-events">
      <h2 id="upcoming-heading">Upcoming events</h2>
      {events.length > 0 ? (
        <ul class="home-threads">
          {events.map((event) => (
            <li class="home-thread">
              <a href={`/events/${event.id}`}>{event.title}</a>
              <span class="home-thread-meta">
                <span>
                  <time datetime={localDate(event, zone)}>{dayLabel(localDate(event, zone))}</time>,{" "}
                  <EventTime event={event} zone={zone} />
                </span>
                <HostNames hosts={event.hosts} />
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">
          {hasCommunities
            ? "Nothing is planned in your communities yet."
            : "Join a community to hear about its workshops, talks and meetings."}
        </p>
      )}
      <p>
        <a href="/events">See all events</a>
      </p>
    </section>
  );
}
