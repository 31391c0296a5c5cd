import { z } from "@hono/zod-openapi";
import type { CommunityCard } from "../communities/directory-queries.js";
import { CommunitySummarySchema, presentCommunitySummary } from "../communities/presenters.js";
import { PersonSummarySchema, presentPersonSummary } from "../people/presenters.js";
import type { PersonSummary } from "../people/queries.js";
import type { PostHit } from "./kinds/discussions.js";
import type { EventHit } from "./kinds/events.js";
import type { ResourceHit } from "./kinds/resources.js";
import { type Snippet, snippetHtml } from "./kinds/shared.js";

export const SnippetSchema = z
  .object({
    text: z.string().openapi({ description: "Plain text (not HTML): escape it before showing it." }),
    highlights: z.array(z.tuple([z.number().int(), z.number().int()])).openapi({
      description:
        "The matched words as [start, end) ranges of `text`, in UTF-16 code units (JavaScript string indices).",
      example: [[4, 11]],
    }),
    html: z.string().openapi({
      description: "The same text HTML-escaped, with `<mark>` around each highlight and no other markup.",
      example: "The <mark>payroll</mark> cut-off moved",
    }),
  })
  .openapi("SearchSnippet");

const presentSnippet = (snippet: Snippet) => ({ ...snippet, html: snippetHtml(snippet) });

const PostResultSchema = z.object({
  type: z.enum(["thread", "reply"]),
  id: z.string().openapi({ description: "The thread's or the reply's id." }),
  threadId: z.string(),
  title: z.string().openapi({ description: "The thread's title (for a reply, the title of its thread)." }),
  titleSnippet: SnippetSchema,
  threadKind: z.enum(["discussion", "question", "announcement"]),
  answered: z.boolean().openapi({
    description: "For a thread: a question with an accepted answer. For a reply: it is the accepted answer.",
  }),
  author: z.string().nullable().openapi({ description: "The author's name; null if they have left." }),
  community: z.object({ slug: z.string(), name: z.string() }),
  createdAt: z.string().openapi({ format: "date-time" }),
  snippet: SnippetSchema,
  url: z.string().openapi({ example: "/communities/payroll/discussions/0190…#reply-0190…" }),
});

const CommunityRefSchema = z.object({ slug: z.string(), name: z.string() });

const ResourceResultSchema = z.object({
  type: z.literal("resource"),
  id: z.string(),
  title: z.string(),
  titleSnippet: SnippetSchema,
  kind: z.string().openapi({ example: "tip_sheet" }),
  status: z
    .enum(["published", "endorsed"])
    .openapi({ description: "Endorsed: the community's agreed good practice." }),
  community: CommunityRefSchema.nullable().openapi({
    description: "Null for an item of the starter toolkit.",
  }),
  lastEditedAt: z.string().openapi({ format: "date-time" }),
  snippet: SnippetSchema,
  url: z.string().openapi({ example: "/resources/0190…" }),
});

const EventResultSchema = z.object({
  type: z.literal("event"),
  id: z.string(),
  title: z.string(),
  titleSnippet: SnippetSchema,
  eventType: z.string().openapi({ example: "roundtable" }),
  cancelled: z.boolean(),
  startsAt: z.string().openapi({ format: "date-time" }),
  timeZone: z.string().openapi({ example: "Europe/London" }),
  community: CommunityRefSchema.openapi({
    description: "A host community you may read (the main host when you can).",
  }),
  snippet: SnippetSchema,
  url: z.string().openapi({ example: "/events/0190…" }),
});

export const SearchResultSchema = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("community"), community: CommunitySummarySchema, url: z.string() }),
    PostResultSchema.extend({ type: z.literal("thread") }),
    PostResultSchema.extend({ type: z.literal("reply") }),
    ResourceResultSchema,
    EventResultSchema,
    z.object({ type: z.literal("person"), person: PersonSummarySchema, url: z.string() }),
  ])
  .openapi("SearchResult");
export type SearchResultJson = z.infer<typeof SearchResultSchema>;

export function presentCommunityHit(card: CommunityCard): SearchResultJson {
  return { type: "community", community: presentCommunitySummary(card), url: `/communities/${card.slug}` };
}

export function presentPersonHit(person: PersonSummary): SearchResultJson {
  return { type: "person", person: presentPersonSummary(person), url: `/people/${person.handle}` };
}

export function presentPostHit(hit: PostHit): SearchResultJson {
  return {
    type: hit.type,
    id: hit.id,
    threadId: hit.threadId,
    title: hit.title,
    titleSnippet: presentSnippet(hit.titleSnippet),
    threadKind: hit.threadKind as "discussion",
    answered: hit.answered,
    author: hit.authorName,
    community: { slug: hit.communitySlug, name: hit.communityName },
    createdAt: hit.createdAt.toISOString(),
    snippet: presentSnippet(hit.snippet),
    url: hit.url,
  };
}

export function presentResourceHit(hit: ResourceHit): SearchResultJson {
  return {
    type: "resource",
    id: hit.id,
    title: hit.title,
    titleSnippet: presentSnippet(hit.titleSnippet),
    kind: hit.kind,
    status: hit.status,
    community: hit.community,
    lastEditedAt: hit.lastEditedAt.toISOString(),
    snippet: presentSnippet(hit.snippet),
    url: hit.url,
  };
}

export function presentEventHit(hit: EventHit): SearchResultJson {
  return {
    type: "event",
    id: hit.id,
    title: hit.title,
    titleSnippet: presentSnippet(hit.titleSnippet),
    eventType: hit.type,
    cancelled: hit.cancelled,
    startsAt: hit.startsAt.toISOString(),
    timeZone: hit.timeZone,
    community: hit.community,
    snippet: presentSnippet(hit.snippet),
    url: hit.url,
  };
}

const CountSchema = z
  .object({
    total: z.number().int(),
    atLeast: z.boolean().openapi({ description: "True when counting stopped at `total`: there are more." }),
  })
  .nullable()
  .openapi({ description: "Null when this kind was not searched (not asked for, or not open to you)." });

export const SearchResponseSchema = z
  .object({
    data: z.array(SearchResultSchema),
    counts: z.object({
      communities: CountSchema,
      discussions: CountSchema,
      resources: CountSchema,
      events: CountSchema,
      people: CountSchema,
    }),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: "Pass as `cursor` for the next page; always null when `kind` is `all`." }),
  })
  .openapi("SearchResults");
