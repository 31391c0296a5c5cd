// An RFC 5545 writer for the few things Convene publishes: events with zoned start and end times.
// Only what we emit is supported, so the rules that matter are all here: escaping, CRLF, folding.

import { vtimezoneLines } from "./vtimezone.js";
import { toLocal } from "./zoned-time.js";

export interface IcsEvent {
  /** Globally unique and stable across edits: calendars match updates by it. */
  uid: string;
  start: Date;
  end: Date;
  /** IANA zone the event was planned in; the times are written as wall-clock times in it. */
  timeZone: string;
  sequence: number;
  status: "CONFIRMED" | "CANCELLED";
  summary: string;
  description: string;
  location: string;
  url: string;
  created: Date;
  lastModified: Date;
}

export interface IcsCalendar {
  /** Shown by calendar programs as the subscription's name (X-WR-CALNAME, NAME). */
  name?: string;
  /** Whole download (PUBLISH) or subscription: both are METHOD:PUBLISH. */
  events: IcsEvent[];
  /** DTSTAMP: when this file was made. */
  now: Date;
  /** How often a subscribing program should look again (RFC 7986), e.g. "PT1H". */
  refreshInterval?: string;
}

const PRODID = "-//Convene//Convene events//EN";

/** TEXT values: backslash, semicolon, comma and newlines are escaped (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, "\\\\")
      .replace(/;/g, "\\;")
      .replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are not allowed in TEXT (tab is).
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
  );
}

/**
 * Folds a content line at 75 octets (RFC 5545 3.1): continuation lines start with one space,
 * which counts towards their 75. Breaks fall between characters, never inside a UTF-8 sequence
 * (nor between the halves of a surrogate pair).
 */
export function foldLine(line: string): string {
  // Fast path for plain ASCII, where characters and octets are the same.
  if (/^[\x20-\x7e]*$/.test(line)) {
    if (line.length <= 75) return line;
    const parts = [line.slice(0, 75)];
    for (let i = 75; i < line.length; i += 74) parts.push(` ${line.slice(i, i + 74)}`);
    return parts.join("\r\n");
  }
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    if (octets + size > 75) {
      out.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n");
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** 20260303T183000Z */
export function utcStamp(date: Date): string {
  return (
    `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
  );
}

/** 20260303T183000: the wall-clock time of an instant in a zone, for DTSTART;TZID=... */
export function localStamp(date: Date, timeZone: string): string {
  const local = toLocal(date, timeZone);
  return `${local.date.replaceAll("-", "")}T${local.time.replace(":", "")}${pad(local.seconds)}`;
}

/** A whole calendar: VCALENDAR, a VTIMEZONE for each zone used, then the events. CRLF throughout. */
export function writeCalendar(calendar: IcsCalendar): string {
  const lines: string[] = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${PRODID}`, "CALSCALE:GREGORIAN"];
  lines.push("METHOD:PUBLISH");
  if (calendar.name) {
    lines.push(`NAME:${escapeText(calendar.name)}`, `X-WR-CALNAME:${escapeText(calendar.name)}`);
  }
  if (calendar.refreshInterval) {
    lines.push(
      `REFRESH-INTERVAL;VALUE=DURATION:${calendar.refreshInterval}`,
      `X-PUBLISHED-TTL:${calendar.refreshInterval}`,
    );
  }
  // One VTIMEZONE per zone, covering the span of that zone's events.
  const spans = new Map<string, { from: Date; to: Date }>();
  for (const event of calendar.events) {
    const span = spans.get(event.timeZone);
    if (!span) spans.set(event.timeZone, { from: event.start, to: event.end });
    else {
      if (event.start < span.from) span.from = event.start;
      if (event.end > span.to) span.to = event.end;
    }
  }
  for (const [zone, span] of [...spans].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(...vtimezoneLines(zone, span.from, span.to));
  }
  for (const event of calendar.events) lines.push(...eventLines(event, calendar.now));
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}

function eventLines(event: IcsEvent, now: Date): string[] {
  const tzid = `TZID=${event.timeZone}`;
  const lines = [
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART;${tzid}:${localStamp(event.start, event.timeZone)}`,
    `DTEND;${tzid}:${localStamp(event.end, event.timeZone)}`,
    `SEQUENCE:${event.sequence}`,
    `STATUS:${event.status}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  // URL is a URI value, not TEXT: it is not escaped, so only a well-formed URL without breaks goes in.
  if (/^https?:\/\/[^\s]+$/.test(event.url)) lines.push(`URL:${event.url}`);
  lines.push(
    `CREATED:${utcStamp(event.created)}`,
    `LAST-MODIFIED:${utcStamp(event.lastModified)}`,
    "TRANSP:OPAQUE",
    "END:VEVENT",
  );
  return lines;
}
