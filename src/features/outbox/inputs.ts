import { z } from "zod";

export const outboxStatuses = ["queued", "sent", "failed"] as const;

export const outboxQuery = z.object({
  status: z.enum(["all", ...outboxStatuses]).catch("all"),
  cursor: z.string().max(500).optional(),
});

export type OutboxFilter = z.infer<typeof outboxQuery>["status"];
