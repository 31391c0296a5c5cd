import { type SQL, sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { createdAt, emptyTextArray, id, tsvector, updatedAt } from "../../platform/db/columns.js";
import { communities } from "../communities/tables.js";
import { people } from "../people/tables.js";

export const eventTypes = [
  "workshop",
  "talk",
  "roundtable",
  "unconference",
  "mentoring",
  "social",
  "meeting",
  "other",
] as const;
export type EventType = (typeof eventTypes)[number];

export const eventFormats = ["in_person", "online", "hybrid"] as const;
export type EventFormat = (typeof eventFormats)[number];

export const recurrenceFrequencies = ["weekly", "fortnightly", "monthly_date", "monthly_weekday"] as const;
export type RecurrenceFrequency = (typeof recurrenceFrequencies)[number];

export type EventStatus = "scheduled" | "cancelled";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * A recurring series: the rule that generated its occurrences. Each occurrence is a full row in
 * `events` (so one can be edited or cancelled on its own); the series keeps the rule for "this
 * and following" edits and for extending the series.
 */
export const eventSeries = pgTable("event_series", {
  id: id(),
  communityId: text("community_id")
    .notNull()
    .references(() => communities.id, { onDelete: "cascade" }),
  frequency: text("frequency").$type<RecurrenceFrequency>().notNull(),
  /** The local wall-clock start ("18:30") and length, in the series' time zone. */
  timeZone: text("time_zone").notNull(),
  localStartTime: text("local_start_time").notNull(),
  durationMinutes: integer("duration_minutes").notNull(),
  /** For monthly_weekday: 1..4 for "first".."fourth", -1 for "last"; weekday 0 (Sunday)..6. */
  weekOfMonth: integer("week_of_month"),
  weekday: integer("weekday"),
  /** For monthly_date: the day of the month (1..31; short months use their last day). */
  dayOfMonth: integer("day_of_month"),
  occurrenceCount: integer("occurrence_count").notNull(),
  createdById: text("created_by_id").references(() => people.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * One event (or one occurrence of a series). Times are instants (UTC); `timeZone` is the zone the
 * organiser planned it in, used to show it and to write calendar files. `goingCount` and
 * `waitlistCount` are kept in the same transaction as each RSVP, under a row lock on the event.
 */
export const events = pgTable(
  "events",
  {
    id: id(),
    /** The host community; co-hosts are listed in `event_hosts` (which also lists the host). */
    communityId: text("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    seriesId: text("series_id").references(() => eventSeries.id, { onDelete: "set null" }),
    /** Position in the series (1-based), for "this and following". */
    seriesIndex: integer("series_index"),
    type: text("type").$type<EventType>().notNull().default("meeting"),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    timeZone: text("time_zone").notNull().default("Europe/London"),
    startsAt: at("starts_at").notNull(),
    endsAt: at("ends_at").notNull(),
    format: text("format").$type<EventFormat>().notNull().default("in_person"),
    location: text("location").notNull().default(""),
    /** Shown only to people going and to organisers. */
    onlineLink: text("online_link").notNull().default(""),
    /** Null: no limit. */
    capacity: integer("capacity"),
    accessibility: text("accessibility").notNull().default(""),
    status: text("status").$type<EventStatus>().notNull().default("scheduled"),
    cancelledAt: at("cancelled_at"),
    cancelReason: text("cancel_reason").notNull().default(""),
    /** iCalendar SEQUENCE: bumped by every change a calendar should pick up. */
    sequence: integer("sequence").notNull().default(0),
    goingCount: integer("going_count").notNull().default(0),
    waitlistCount: integer("waitlist_count").notNull().default(0),
    createdById: text("created_by_id").references(() => people.id, { onDelete: "set null" }),
    // Outputs, added by organisers after the event.
    notes: text("notes").notNull().default(""),
    /** Set when a recording is promised ("coming soon") and filled in when it is ready. */
    recordingExpected: boolean("recording_expected").notNull().default(false),
    recordingUrl: text("recording_url").notNull().default(""),
    slidesUrl: text("slides_url").notNull().default(""),
    /** Further links, one "Label | https://..." per line. */
    links: text("links").notNull().default(""),
    topics: text("topics").array().notNull().default(emptyTextArray),
    outputsUpdatedAt: at("outputs_updated_at"),
    attendanceRecordedAt: at("attendance_recorded_at"),
    // Unconference session board.
    /** Votes each person going may spend on proposed sessions. */
    votesPerPerson: integer("votes_per_person").notNull().default(3),
    boardRooms: text("board_rooms").array().notNull().default(emptyTextArray),
    /** Slot labels in order, e.g. "10:00–10:45". */
    boardSlots: text("board_slots").array().notNull().default(emptyTextArray),
    schedulePublishedAt: at("schedule_published_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector("search").generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', convene_text_array_to_string(topics)), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B') || setweight(to_tsvector('english', coalesce(notes, '')), 'C')`,
    ),
  },
  (t) => [
    index("events_community_start_idx").on(t.communityId, t.startsAt, t.id),
    index("events_start_idx").on(t.startsAt, t.id),
    index("events_series_idx").on(t.seriesId, t.seriesIndex),
    index("events_search_idx").using("gin", t.search),
  ],
);

/** Every community hosting an event, the host included (so "events of my communities" is one join). */
export const eventHosts = pgTable(
  "event_hosts",
  {
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    communityId: text("community_id")
      .notNull()
      .references(() => communities.id, { onDelete: "cascade" }),
    isHost: boolean("is_host").notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.communityId] }),
    index("event_hosts_community_idx").on(t.communityId),
  ],
);

/** People an organiser named as co-organisers of an event (besides the host's convenors and core). */
export const eventOrganisers = pgTable(
  "event_organisers",
  {
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    personId: text("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.personId] }),
    index("event_organisers_person_idx").on(t.personId),
  ],
);

export const rsvpStatuses = ["going", "waitlisted", "declined"] as const;
export type RsvpStatus = (typeof rsvpStatuses)[number];

/** A person's answer to an event. The waitlist is ordered by `waitlistedAt`, then id. */
export const eventRsvps = pgTable(
  "event_rsvps",
  {
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    personId: text("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    status: text("status").$type<RsvpStatus>().notNull(),
    waitlistedAt: at("waitlisted_at"),
    respondedAt: at("responded_at").notNull().defaultNow(),
    /** Null until the organiser records attendance. */
    attended: boolean("attended"),
    dayReminderSentAt: at("day_reminder_sent_at"),
    hourReminderSentAt: at("hour_reminder_sent_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.personId] }),
    index("event_rsvps_person_idx").on(t.personId, t.status),
    index("event_rsvps_waitlist_idx").on(t.eventId, t.waitlistedAt).where(sql`${t.status} = 'waitlisted'`),
  ],
);

/**
 * A secret calendar feed URL. Only the SHA-256 of the token is stored; revoking sets `revokedAt`.
 * `communityId` set: that community's events; null: the person's own feed (`scope`).
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: id(),
    personId: text("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    communityId: text("community_id").references(() => communities.id, { onDelete: "cascade" }),
    /** For the personal feed: "going" (events I am going to) or "communities" (all events of my communities). */
    scope: text("scope").$type<"going" | "communities" | "community">().notNull(),
    tokenHash: text("token_hash").notNull(),
    lastUsedAt: at("last_used_at"),
    revokedAt: at("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("calendar_feeds_token_idx").on(t.tokenHash),
    index("calendar_feeds_person_idx").on(t.personId),
  ],
);

/** A session proposed on an unconference's board by someone going. */
export const sessionProposals = pgTable(
  "session_proposals",
  {
    id: id(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    proposerId: text("proposer_id").references(() => people.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    voteCount: integer("vote_count").notNull().default(0),
    /** Where the organisers placed it on the schedule grid (indexes into boardRooms / boardSlots). */
    room: integer("room"),
    slot: integer("slot"),
    withdrawnAt: at("withdrawn_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("session_proposals_event_idx").on(t.eventId, t.createdAt),
    uniqueIndex("session_proposals_cell_idx")
      .on(t.eventId, t.room, t.slot)
      .where(sql`${t.room} is not null and ${t.slot} is not null`),
  ],
);

/** One vote of a person for a proposed session (at most one per session; `votesPerPerson` per event). */
export const sessionVotes = pgTable(
  "session_votes",
  {
    proposalId: text("proposal_id")
      .notNull()
      .references(() => sessionProposals.id, { onDelete: "cascade" }),
    personId: text("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.proposalId, t.personId] }),
    index("session_votes_person_idx").on(t.eventId, t.personId),
  ],
);
