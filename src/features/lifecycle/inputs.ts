import { z } from "zod";
import { stages } from "../communities/tables.js";

export const stageField = z.enum(stages, { message: "Choose the stage to move to" });

/** Moving the stage: the stage to move to and an optional note for the history. */
export const moveInput = z.object({
  stage: stageField,
  note: z.string().trim().max(1000, "Keep the note under 1,000 characters").default(""),
});
export type MoveInput = z.infer<typeof moveInput>;

/** A checklist item's form: tick it ("true") or untick it ("false"), so a double submission changes nothing. */
export const tickInput = z.object({
  ticked: z
    .enum(["true", "false"], { message: "Say whether the item is done" })
    .transform((v) => v === "true"),
});
