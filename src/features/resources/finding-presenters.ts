import { z } from "@hono/zod-openapi";
import type { ResourceListItem } from "./finding-queries.js";
import { isDueForReview } from "./presenters.js";
import { resourceKinds, resourceStatuses } from "./tables.js";

/** A resource as lists show it: everything but the body (fetch `/resources/{id}` for that). */
export const ResourceSummarySchema = z
  .object({
    id: z.string(),
    url: z.string().openapi({ example: "/resources/01931c1e-7b6c-7d45-9a5e-2f3b4c5d6e7f" }),
    community: z
      .object({ slug: z.string(), name: z.string() })
      .nullable()
      .openapi({ description: "Null for the programme's starter toolkit." }),
    toolkitSlug: z
      .string()
      .nullable()
      .openapi({ description: "For starter toolkit items: the stable address `/toolkit/{toolkitSlug}`." }),
    kind: z.enum(resourceKinds),
    title: z.string(),
    summary: z.string(),
    externalUrl: z.string(),
    tags: z.array(z.string()),
    status: z.enum(resourceStatuses),
    owner: z.object({ name: z.string(), handle: z.string() }).nullable(),
    reviewBy: z.string().nullable().openapi({ format: "date" }),
    dueForReview: z
      .boolean()
      .openapi({ description: "Published or endorsed, and the review date has passed." }),
    helpedCount: z.number().int().openapi({ description: "People who said it helped them." }),
    usedCount: z.number().int().openapi({ description: "People who said they used it in their work." }),
    lastEditedAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("ResourceSummary");

export function presentResourceSummary(
  item: ResourceListItem,
  today: string,
): z.infer<typeof ResourceSummarySchema> {
  return {
    id: item.id,
    url: `/resources/${item.id}`,
    community:
      item.communitySlug && item.communityName
        ? { slug: item.communitySlug, name: item.communityName }
        : null,
    toolkitSlug: item.toolkitSlug,
    kind: item.kind,
    title: item.title,
    summary: item.summary,
    externalUrl: item.externalUrl,
    tags: item.tags,
    status: item.status,
    owner: item.ownerName && item.ownerHandle ? { name: item.ownerName, handle: item.ownerHandle } : null,
    reviewBy: item.reviewBy,
    dueForReview: isDueForReview(item.reviewBy, item.status, today),
    helpedCount: item.helpedCount,
    usedCount: item.usedCount,
    lastEditedAt: item.lastEditedAt.toISOString(),
  };
}
