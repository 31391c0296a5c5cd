import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

// Raw HTML in the source is not interpreted at all (html: false), and the output is sanitised
// against an allow-list as a second wall, so one library's bug does not become an XSS.
const md = new MarkdownIt({ html: false, linkify: true, typographer: true, breaks: false });

const allowedTags = [
  "p",
  "br",
  "hr",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "pre",
  "code",
  "em",
  "strong",
  "s",
  "del",
  "a",
  "ul",
  "ol",
  "li",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
];

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags,
  allowedAttributes: { a: ["href", "title"], th: ["align"], td: ["align"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    // User links never pass referrer or opener rights to the linked site.
    a: sanitizeHtml.simpleTransform("a", { rel: "nofollow noopener noreferrer" }),
    // Headings in user text sit below the page's own h1 and h2.
    h1: "h3",
    h2: "h3",
  },
};
sanitizeOptions.allowedAttributes = { ...sanitizeOptions.allowedAttributes, a: ["href", "title", "rel"] };

// Rendering and sanitising is most of a long thread page's CPU time, and the same posts are read
// far more often than written, so recent results are kept. The output depends on the text alone.
// Bounded by total characters; the oldest entries go first (a Map keeps insertion order).
const rendered = new Map<string, string>();
const CACHE_CHARS = 8_000_000;
let cachedChars = 0;

/** Markdown typed by a person -> HTML that is safe to put in a page. */
export function renderMarkdown(source: string): string {
  const hit = rendered.get(source);
  if (hit !== undefined) return hit;
  const html = sanitizeHtml(md.render(source), sanitizeOptions);
  const size = source.length + html.length;
  if (size <= CACHE_CHARS / 100) {
    rendered.set(source, html);
    cachedChars += size;
    for (const [key, value] of rendered) {
      if (cachedChars <= CACHE_CHARS) break;
      rendered.delete(key);
      cachedChars -= key.length + value.length;
    }
  }
  return html;
}

/** Plain text for summaries and cards: markdown rendered, then every tag removed. */
export function markdownToText(source: string, maxLength = 240): string {
  const text = decodeEntities(sanitizeHtml(md.render(source), { allowedTags: [], allowedAttributes: {} }))
    .replace(/\s+/g, " ")
    .trim();
  return text.length > maxLength ? `${text.slice(0, maxLength - 1).trimEnd()}…` : text;
}

// sanitize-html escapes text; views escape again when they print it, so undo the first pass.
const entities: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
};
function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => entities[entity] ?? entity);
}
