import { type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/policy.js";

/** Communities where the actor is a current member (active or on a break); invitations and requests do not count. */
export function currentMembershipIds(actor: Actor): string[] {
  if (actor.kind !== "person") return [];
  return [...actor.memberships]
    .filter(([, m]) => m.state === "active" || m.state === "on_break")
    .map(([id]) => id);
}

function idIn(column: SQL, ids: string[]): SQL {
  if (ids.length === 0) return sql`false`;
  return sql`${column} in (${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )})`;
}

/**
 * Communities the actor may find at all, as the directory decides: listed ones, plus unlisted
 * ones they belong to. Proposals are not communities yet. `alias` is the SQL name of the
 * communities table in the query.
 */
export function findableCommunities(actor: Actor, alias = "communities"): SQL {
  const c = sql.raw(alias);
  return sql`(${c}.status <> 'proposed' and (${c}.visibility = 'listed' or ${idIn(sql`${c}.id`, currentMembershipIds(actor))}))`;
}

/**
 * Communities whose content (threads and replies) the actor may read in search. The same rule as
 * `community.viewContent` (open to staff, or members only), computed in SQL, with one addition:
 * an unlisted community's content is searchable only by its members, so search never reveals that
 * an unlisted community exists. Anonymous visitors read no content.
 */
export function readableCommunities(actor: Actor, alias = "communities"): SQL {
  if (actor.kind !== "person") return sql`false`;
  const c = sql.raw(alias);
  return sql`(${c}.status <> 'proposed' and ((${c}.content_access = 'staff' and ${c}.visibility = 'listed') or ${idIn(sql`${c}.id`, currentMembershipIds(actor))}))`;
}

/**
 * The recency boost, shared by every kind: relevance divided by (1 + age in days / 90), so a match
 * from three months ago counts half as much as the same match today, and one from a year ago about
 * a fifth. `column` is the row's date; `now` is bound so tests can fix the clock.
 */
export function boosted(rank: SQL, column: SQL, now: Date): SQL<number> {
  return sql<number>`(${rank} / (1 + greatest(0, extract(epoch from (${now.toISOString()}::timestamptz - ${column}))) / 86400.0 / 90))`;
}

// Private-use characters mark the highlights in ts_headline's output. They are removed from the
// text first, so nothing a person writes can fake a highlight; the page then escapes everything.
const START = "\uE000";
const STOP = "\uE001";

/** The options for ts_headline: sentinel markers, a couple of short fragments. */
export const headlineOptions = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;
export const titleHeadlineOptions = `StartSel=${START}, StopSel=${STOP}, HighlightAll=true`;

/** The text handed to ts_headline: sentinels removed, markdown punctuation softened to spaces. */
export function headlineSource(column: SQL): SQL {
  return sql`regexp_replace(translate(coalesce(${column}, ''), ${START + STOP}, ''), '[*#>\`~|]+', ' ', 'g')`;
}

/**
 * A snippet as plain text plus the highlighted ranges, [start, end) in UTF-16 code units (JavaScript
 * string indices). The text is never HTML: whoever shows it escapes it.
 */
export interface Snippet {
  text: string;
  highlights: [number, number][];
}

/** Turns ts_headline's output (with the sentinel markers) into text and ranges. */
export function toSnippet(raw: string | null | undefined): Snippet {
  const highlights: [number, number][] = [];
  let text = "";
  let start: number | null = null;
  for (const ch of (raw ?? "").replace(/\s+/g, " ").trim()) {
    if (ch === START) start = text.length;
    else if (ch === STOP) {
      if (start !== null && text.length > start) {
        const last = highlights[highlights.length - 1];
        // Adjacent highlights ("exact phrase") read better as one.
        if (last && (last[1] === start || text.slice(last[1], start).trim() === "")) last[1] = text.length;
        else highlights.push([start, text.length]);
      }
      start = null;
    } else text += ch;
  }
  return { text, highlights };
}

/** The snippet as text with `<mark>` around the highlights and everything else HTML-escaped. */
export function snippetHtml(snippet: Snippet): string {
  const escapeHtml = (s: string) =>
    s.replace(
      /[&<>"']/g,
      (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!,
    );
  let out = "";
  let at = 0;
  for (const [start, end] of snippet.highlights) {
    out += `${escapeHtml(snippet.text.slice(at, start))}<mark>${escapeHtml(snippet.text.slice(start, end))}</mark>`;
    at = end;
  }
  return out + escapeHtml(snippet.text.slice(at));
}

/** Words for the kinds that do not understand web-search syntax (people): quotes, -words and OR dropped. */
export function plainWords(q: string): string {
  return q
    .replace(/"/g, " ")
    .split(/\s+/)
    .filter((word) => word && !word.startsWith("-") && word !== "OR")
    .join(" ");
}

/** Row values from a raw query: node-postgres and PGlite both answer `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}

export const asDate = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));

/** Counts stop at this many, so a common word does not count a million rows; shown as "1,000+". */
export const COUNT_CAP = 1000;

/** One kind's page of results, with how many there are in all (`atLeast`: the count stopped at its cap). */
export interface KindResult<T> {
  items: T[];
  total: number;
  atLeast: boolean;
}
