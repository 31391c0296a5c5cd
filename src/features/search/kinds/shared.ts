import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/client.js";
import type { Actor } from "../../../platform/policy.js";
import type { SearchParams } from "../inputs.js";

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

/** What a kind answers when there is nothing to look for (or nothing the searcher may read). */
export function noResults<T>(): KindResult<T> {
  return { items: [], total: 0, atLeast: false };
}

/** A page of items with the count of all the matches, which stops at COUNT_CAP. */
export function capped<T>(items: T[], n: number): KindResult<T> {
  return { items, total: Math.min(n, COUNT_CAP), atLeast: n > COUNT_CAP };
}

/** The web-search query as a one-row table named `query`, to cross join: `query.q`. */
export function queryTable(q: string): SQL {
  return sql`(select websearch_to_tsquery('english', ${q}) as q) query`;
}

/** What every hit has: its id and title, the title and text with their highlights, and where it is. */
export interface Hit {
  id: string;
  title: string;
  titleSnippet: Snippet;
  snippet: Snippet;
  url: string;
}

/** The columns every page of hits answers (`pageOfHits`), besides a kind's own. */
export interface HitRow {
  id: string;
  title: string;
  title_headline: string;
  headline: string;
}

/** The fields every hit takes from its row. */
export function hitOf(row: HitRow, url: string): Hit {
  return {
    id: row.id,
    title: row.title,
    titleSnippet: toSnippet(row.title_headline),
    snippet: toSnippet(row.headline),
    url,
  };
}

/** How many rows `matching` finds, counting no further than COUNT_CAP + 1. */
export async function countMatches(db: Db, matching: SQL): Promise<number> {
  const result = await db.execute(
    sql`select count(*)::int as n from (${matching} limit ${COUNT_CAP + 1}) capped`,
  );
  return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
}

/**
 * One page of a kind's matches and the capped count of them all, read together. `matching` selects
 * the hits with a `rank` (built afresh for each query); `columns` are the hits' columns to return;
 * `title` and `text` are what to highlight, as `title_headline` and `headline`.
 */
export async function pageOfHits<R>(
  db: Db,
  params: SearchParams,
  hits: { matching: () => SQL; order: SQL; columns: SQL; title: SQL; text: SQL },
): Promise<KindResult<R>> {
  const [page, n] = await Promise.all([
    db.execute(sql`
      with hits as (${hits.matching()} order by ${hits.order} limit ${params.limit} offset ${params.offset})
      select ${hits.columns},
        ts_headline('english', ${headlineSource(hits.title)}, query.q, ${titleHeadlineOptions}) as title_headline,
        ts_headline('english', ${headlineSource(hits.text)}, query.q, ${headlineOptions}) as headline
      from hits cross join ${queryTable(params.q)}
      order by ${hits.order}`),
    countMatches(db, hits.matching()),
  ]);
  return capped(rowsOf<R>(page), n);
}
