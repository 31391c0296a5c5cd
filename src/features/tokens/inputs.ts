import { z } from "zod";

export const tokenInput = z.object({
  name: z.string().trim().min(1, "Enter a name for the token").max(60, "Keep the name under 60 characters"),
});
export type TokenInput = z.output<typeof tokenInput>;
