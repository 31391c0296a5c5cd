import { z } from "@hono/zod-openapi";
import { iso } from "../../platform/api/schemas.js";
import type { LoadedResource } from "./load.js";
import type { PersonRef, ResourcePeople, RevisionWithAuthor } from "./queries.js";
import { resourceKinds, resourceStatuses } from "./tables.js";

const PersonRefSchema = z
  .object({ name: z.string(), handle: z.string() })
  .nullable()
  .openapi({ description: "Null when nobody is recorded, or their account has been removed." });

export const ResourceSchema = z
  .object({
    id: z.string().openapi({ example: "01931c1e-7b6c-7d45-9a5e-2f3b4c5d6e7f" }),
    url: z.string().openapi({ example: "/resources/01931c1e-7b6c-7d45-9a5e-2f3b4c5d6e7f" }),
    community: z
      .object({ slug: z.string(), name: z.string() })
      .nullable()
      .openapi({ description: "Null for the programme's starter toolkit." }),
    kind: z.enum(resourceKinds),
    title: z.string(),
    summary: z.string(),
    body: z.string().openapi({ description: "Markdown." }),
    externalUrl: z.string().openapi({ description: "An https address, or empty." }),
    tags: z.array(z.string()),
    status: z.enum(resourceStatuses),
    revision: z.number().int().openapi({ description: "The number of the current revision.", example: 3 }),
    owner: PersonRefSchema,
    publishedAt: z.string().nullable().openapi({ format: "date-time" }),
    reviewBy: z.string().nullable().openapi({ format: "date", example: "2027-03-31" }),
    dueForReview: z.boolean().openapi({ description: "The review date has passed." }),
    reviewedAt: z.string().nullable().openapi({ format: "date-time" }),
    reviewedBy: PersonRefSchema,
    endorsedAt: z.string().nullable().openapi({ format: "date-time" }),
    endorsedBy: PersonRefSchema,
    archivedAt: z.string().nullable().openapi({ format: "date-time" }),
    lastEditedAt: z.string().openapi({ format: "date-time" }),
    lastEditedBy: PersonRefSchema,
    createdAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("Resource");
export type PresentedResource = z.infer<typeof ResourceSchema>;

const noPeople: ResourcePeople = { owner: null, lastEditedBy: null, endorsedBy: null, reviewedBy: null };

/** Is the review date (a calendar date) before `today`? */
export const isDueForReview = (reviewBy: string | null, status: string, today: string) =>
  reviewBy !== null && (status === "published" || status === "endorsed") && reviewBy < today;

/** A resource as the API shows it. `today` is the organisation's calendar date, for `dueForReview`. */
export function presentResource(
  loaded: LoadedResource & { people?: ResourcePeople },
  today: string,
): PresentedResource {
  const { resource, community } = loaded;
  const people = loaded.people ?? noPeople;
  return {
    id: resource.id,
    url: `/resources/${resource.id}`,
    community: community ? { slug: community.slug, name: community.name } : null,
    kind: resource.kind,
    title: resource.title,
    summary: resource.summary,
    body: resource.body,
    externalUrl: resource.externalUrl,
    tags: resource.tags,
    status: resource.status,
    revision: resource.revision,
    owner: people.owner,
    publishedAt: iso(resource.publishedAt),
    reviewBy: resource.reviewBy,
    dueForReview: isDueForReview(resource.reviewBy, resource.status, today),
    reviewedAt: iso(resource.reviewedAt),
    reviewedBy: people.reviewedBy,
    endorsedAt: iso(resource.endorsedAt),
    endorsedBy: people.endorsedBy,
    archivedAt: iso(resource.archivedAt),
    lastEditedAt: resource.lastEditedAt.toISOString(),
    lastEditedBy: people.lastEditedBy,
    createdAt: resource.createdAt.toISOString(),
  };
}

export const RevisionSchema = z
  .object({
    number: z.number().int().openapi({ example: 2 }),
    kind: z.enum(resourceKinds),
    title: z.string(),
    summary: z.string(),
    body: z.string().openapi({ description: "Markdown." }),
    externalUrl: z.string(),
    tags: z.array(z.string()),
    note: z.string().openapi({ description: "The editor's note on what changed." }),
    restoredFrom: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "Set when this revision restored an earlier one." }),
    author: PersonRefSchema,
    createdAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("ResourceRevision");

export function presentRevision(revision: RevisionWithAuthor): z.infer<typeof RevisionSchema> {
  const author: PersonRef | null = revision.author;
  return {
    number: revision.number,
    kind: revision.kind,
    title: revision.title,
    summary: revision.summary,
    body: revision.body,
    externalUrl: revision.externalUrl,
    tags: revision.tags,
    note: revision.note,
    restoredFrom: revision.restoredFrom,
    author,
    createdAt: revision.createdAt.toISOString(),
  };
}
