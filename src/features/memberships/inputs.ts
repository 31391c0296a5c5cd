import { z } from "zod";

export const leaveInput = z.object({
  reason: z.string().trim().max(500, "Keep the reason under 500 characters").default(""),
});
