import { inArray } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { renderMarkdown } from "../../platform/markdown.js";
import { people } from "../people/tables.js";

const handlePattern = /(^|[^a-z0-9_/@.-])@([a-z0-9][a-z0-9-]{0,62})/gi;

/** The distinct handles a markdown text mentions (`@sam-lee`), lower case, at most 20. */
export function mentionedHandles(...texts: string[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(handlePattern)) {
      found.add(match[2]!.toLowerCase());
      if (found.size >= 20) return [...found];
    }
  }
  return [...found];
}

/** People behind the handles, in one query. */
export async function peopleByHandle(db: Db, handles: string[]) {
  if (handles.length === 0) return new Map<string, { id: string; handle: string; name: string }>();
  const rows = await db
    .select({ id: people.id, handle: people.handle, name: people.name })
    .from(people)
    .where(inArray(people.handle, handles));
  return new Map(rows.map((row) => [row.handle, row]));
}

/**
 * Sanitised HTML from `renderMarkdown`, with `@handle` of known people turned into links to their
 * profiles. Only text between tags is touched, never inside links or code, and the handle is
 * checked against `[a-z0-9-]` so nothing else can slip into the markup.
 */
export function linkMentions(html: string, known: ReadonlySet<string>): string {
  if (known.size === 0) return html;
  let depth = 0; // inside <a>, <code> or <pre>
  return html.replace(/(<[^>]*>)|([^<]+)/g, (_all, tag: string | undefined, text: string | undefined) => {
    if (tag) {
      const name = /^<\/?\s*([a-z0-9]+)/i.exec(tag)?.[1]?.toLowerCase();
      if (name === "a" || name === "code" || name === "pre") depth += tag.startsWith("</") ? -1 : 1;
      return tag;
    }
    if (depth > 0 || !text) return text ?? "";
    return text.replace(handlePattern, (match, before: string, handle: string) => {
      const lower = handle.toLowerCase();
      if (!/^[a-z0-9-]+$/.test(lower) || !known.has(lower)) return match;
      return `${before}<a class="mention" href="/people/${lower}">@${lower}</a>`;
    });
  });
}

/** Markdown to safe HTML with mentions linked; `known` is the set of handles that exist. */
export function renderPost(source: string, known: ReadonlySet<string>): string {
  return linkMentions(renderMarkdown(source), known);
}
