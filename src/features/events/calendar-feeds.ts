import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { recordActivity } from "../../platform/activity.js";
import type { Db } from "../../platform/db/client.js";
import { AppError } from "../../platform/errors.js";
import { markdownToText } from "../../platform/markdown.js";
import { type Actor, authorize, can, type PersonActor } from "../../platform/policy.js";
import type { CommunityTarget } from "../communities/policy.js";
import { loadActor } from "../people/queries.js";
import { hashToken } from "../tokens/secret.js";
import {
  type ActiveFeed,
  type CalendarEventRow,
  countActiveFeeds,
  type FeedScope,
  type FeedSelection,
  feedEvents,
  findActiveFeedByHash,
  rsvpOf,
} from "./calendar-queries.js";
import { type IcsEvent, writeCalendar } from "./ics.js";
import { eventTarget, type LoadedEvent } from "./load.js";
import { type EventTarget, isOrganiser } from "./policy.js";
import { calendarFeeds } from "./tables.js";
import "./calendar-policy.js";
import "./policy.js";

/** `cvncal_` marks feed tokens, so secret scanners and people can recognise a leaked one. */
export const FEED_TOKEN_MARK = "cvncal_";
const feedTokenShape = /^cvncal_[A-Za-z0-9_-]{43}$/;

export const looksLikeFeedToken = (text: string) => feedTokenShape.test(text);

/** Feeds keep recent history: a calendar that subscribes still shows last month's meetings. */
export const FEED_HISTORY_DAYS = 60;
/** `last_used_at` is written at most this often, so polling calendars do not turn reads into writes. */
export const FEED_LAST_USED_PRECISION_MS = 3_600_000;
/** A cap keeps forgotten feeds from piling up. */
export const MAX_ACTIVE_FEEDS = 25;

export const feedUrl = (baseUrl: string, token: string) => `${baseUrl}/calendar/${token}.ics`;

// ── Turning events into iCalendar ───────────────────────────────────────────────────────────────

export interface CalendarSite {
  baseUrl: string;
  orgName: string;
}

/** The event as a calendar program sees it. The online link only for people going and organisers. */
export function icsEventOf(
  site: CalendarSite,
  row: { event: CalendarEventRow["event"]; target: EventTarget; rsvp: CalendarEventRow["rsvp"] },
  viewer: Actor,
): IcsEvent {
  const { event } = row;
  const pageUrl = `${site.baseUrl}/events/${event.id}`;
  const showLink = event.onlineLink !== "" && (row.rsvp === "going" || isOrganiser(viewer, row.target));
  const parts: string[] = [];
  if (event.status === "cancelled") {
    parts.push(event.cancelReason ? `Cancelled: ${event.cancelReason}` : "This event has been cancelled.");
  } else if (row.rsvp === "waitlisted") {
    parts.push("You are on the waiting list. We will tell you if a place frees up.");
  }
  const description = plainText(event.description);
  if (description) parts.push(description);
  if (showLink) parts.push(`Join online: ${event.onlineLink}`);
  if (event.accessibility) parts.push(`Accessibility: ${plainText(event.accessibility)}`);
  parts.push(`Details and replies: ${pageUrl}`);
  const location = [event.location, showLink ? event.onlineLink : ""].filter(Boolean).join(" · ");
  return {
    uid: `${event.id}@${new URL(site.baseUrl).hostname}`,
    start: event.startsAt,
    end: event.endsAt,
    timeZone: event.timeZone,
    sequence: event.sequence,
    status: event.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
    summary: event.title,
    description: parts.join("\n\n"),
    location: location || (event.format === "online" ? "Online" : ""),
    url: pageUrl,
    created: event.createdAt,
    lastModified: event.updatedAt,
  };
}

/** Markdown as plain text, keeping its paragraphs apart. */
function plainText(markdown: string): string {
  return markdown
    .split(/\n\s*\n/)
    .map((paragraph) => markdownToText(paragraph, 5000))
    .filter(Boolean)
    .join("\n\n");
}

/** A filename for the download: the title's words in lower case, ASCII only. */
export function icsFilename(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${slug || "event"}.ics`;
}

// ── Feeds ───────────────────────────────────────────────────────────────────────────────────────

export type FeedInput =
  | { scope: "going" }
  | { scope: "communities" }
  | { scope: "community"; community: CommunityTarget };

/** Makes a feed and returns its token: the only time the token exists outside the caller's hands. */
export async function createFeed(db: Db, actor: PersonActor, input: FeedInput) {
  authorize(actor, "calendarFeed.manage", { personId: actor.id });
  if (input.scope === "community") authorize(actor, "calendarFeed.community", input.community);
  if ((await countActiveFeeds(db, actor.id)) >= MAX_ACTIVE_FEEDS) {
    throw new AppError(
      422,
      "too_many_feeds",
      `You have ${MAX_ACTIVE_FEEDS} calendar feeds, the most you can have. Revoke one you no longer use first.`,
      { field: "scope" },
    );
  }
  const token = FEED_TOKEN_MARK + randomBytes(32).toString("base64url");
  return db.transaction(async (tx) => {
    const [feed] = await tx
      .insert(calendarFeeds)
      .values({
        personId: actor.id,
        scope: input.scope,
        communityId: input.scope === "community" ? input.community.id : null,
        tokenHash: hashToken(token),
      })
      .returning();
    if (!feed) throw new Error("insert returned nothing");
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "calendar_feed.created",
      object: { type: "calendar_feed", id: feed.id },
      data: { scope: feed.scope, communityId: feed.communityId },
    });
    return { feed, token };
  });
}

/** Revokes a feed at once: its URL answers 404 from the next fetch. A second revoke changes nothing. */
export async function revokeFeed(db: Db, actor: PersonActor, feed: ActiveFeed, now = new Date()) {
  authorize(actor, "calendarFeed.manage", { personId: feed.personId });
  await db.transaction(async (tx) => {
    const revoked = await tx
      .update(calendarFeeds)
      .set({ revokedAt: now })
      .where(and(eq(calendarFeeds.id, feed.id), isNull(calendarFeeds.revokedAt)))
      .returning({ id: calendarFeeds.id });
    if (revoked.length === 0) return;
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "calendar_feed.revoked",
      object: { type: "calendar_feed", id: feed.id },
      data: { scope: feed.scope, communityId: feed.communityId },
    });
  });
}

/** The events of a feed that its owner may see right now, from the history window on. */
export async function feedContent(db: Db, feed: ActiveFeed, owner: PersonActor, now: Date) {
  const since = new Date(now.getTime() - FEED_HISTORY_DAYS * 86_400_000);
  let selection: FeedSelection;
  if (feed.scope === "going") selection = { kind: "going", personId: owner.id };
  else if (feed.scope === "communities") {
    const communityIds = [...owner.memberships]
      .filter(([, m]) => m.state === "active" || m.state === "on_break")
      .map(([id]) => id);
    selection = { kind: "communities", personId: owner.id, communityIds };
  } else selection = { kind: "community", personId: owner.id, communityId: feed.communityId ?? "" };
  const rows = await feedEvents(db, selection, since);
  return rows
    .map((row) => ({
      ...row,
      target: {
        hosts: row.hosts,
        organiserIds: row.organiserIds,
        cancelled: row.event.status === "cancelled",
        ended: row.event.endsAt.getTime() <= now.getTime(),
      } satisfies EventTarget,
    }))
    .filter((row) => can(owner, "event.view", row.target));
}

export function feedName(site: CalendarSite, feed: { scope: FeedScope; communityName: string | null }) {
  if (feed.scope === "going") return `My events – ${site.orgName}`;
  if (feed.scope === "communities") return `My communities' events – ${site.orgName}`;
  return `${feed.communityName ?? "Community"} events – ${site.orgName}`;
}

/**
 * What `/calendar/<token>.ics` serves: null for a token that is malformed, unknown or revoked
 * (or whose owner is gone), otherwise the calendar, read with the owner's permissions as they are now.
 */
export async function feedCalendar(db: Db, site: CalendarSite, token: string, now = new Date()) {
  if (!looksLikeFeedToken(token)) return null;
  const feed = await findActiveFeedByHash(db, hashToken(token));
  if (!feed) return null;
  const owner = await loadActor(db, feed.personId);
  if (owner?.kind !== "person") return null;
  const rows = await feedContent(db, feed, owner, now);
  await touchFeed(db, feed, now);
  return writeCalendar({
    name: feedName(site, feed),
    now,
    refreshInterval: "PT1H",
    events: rows.map((row) => icsEventOf(site, row, owner)),
  });
}

/** Notes a use of the feed, unless one was noted within the hour (on any instance). */
async function touchFeed(db: Db, feed: ActiveFeed, now: Date) {
  if (feed.lastUsedAt && now.getTime() - feed.lastUsedAt.getTime() < FEED_LAST_USED_PRECISION_MS) return;
  const staleBefore = new Date(now.getTime() - FEED_LAST_USED_PRECISION_MS);
  await db
    .update(calendarFeeds)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(calendarFeeds.id, feed.id),
        or(isNull(calendarFeeds.lastUsedAt), lt(calendarFeeds.lastUsedAt, staleBefore)),
      ),
    );
}

/** A fingerprint of the calendar, for ETag: calendar programs poll often and most polls change nothing. */
export function calendarEtag(body: string): string {
  // DTSTAMP changes on every write; leave it out so an unchanged calendar keeps its tag.
  const stable = body.replace(/^DTSTAMP:.*$/gm, "");
  return `"${createHash("sha256").update(stable).digest("base64url").slice(0, 27)}"`;
}

/** The `.ics` download of one event for a person who may see it. */
export async function eventCalendar(
  db: Db,
  site: CalendarSite,
  loaded: LoadedEvent,
  actor: PersonActor,
  now = new Date(),
) {
  const target = eventTarget(loaded, now);
  authorize(actor, "event.view", target);
  const rsvp = await rsvpOf(db, loaded.event.id, actor.id);
  return writeCalendar({ now, events: [icsEventOf(site, { event: loaded.event, target, rsvp }, actor)] });
}
