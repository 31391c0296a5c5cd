import { z } from "zod";
import { MAX_RESULTS } from "./queries.js";

/** Lenient, like the directories: a bad value falls back to the default. */
export const expertQuery = z.object({
  q: z.string().trim().max(100).catch(""),
  offset: z.coerce.number().int().min(0).max(MAX_RESULTS).catch(0),
});
