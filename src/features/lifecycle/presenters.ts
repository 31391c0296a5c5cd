import { z } from "@hono/zod-openapi";
import { stages } from "../communities/tables.js";
import type { ItemWithTick, Lifecycle, PersonRef, StageChangeRow, Tick } from "./queries.js";

const dateTime = () => z.string().openapi({ format: "date-time", example: "2026-03-14T09:30:00.000Z" });

const PersonRefSchema = z
  .object({ handle: z.string(), name: z.string() })
  .nullable()
  .openapi("PersonRef", { description: "Null when the person has since been removed." });

export const ChecklistItemSchema = z
  .object({
    key: z.string().openapi({ example: "inquire.audience" }),
    stage: z.enum(stages),
    title: z.string().openapi({ example: "Name the audience and purpose" }),
    hint: z.string(),
    ticked: z.boolean(),
    tickedAt: dateTime().nullable(),
    tickedBy: PersonRefSchema,
  })
  .openapi("ChecklistItem");

const StageChecklistSchema = z
  .object({
    stage: z.enum(stages),
    label: z.string().openapi({ example: "Inquire" }),
    purpose: z.string(),
    current: z.boolean(),
    items: z.array(ChecklistItemSchema),
  })
  .openapi("StageChecklist");

export const StageChangeSchema = z
  .object({
    id: z.string(),
    from: z.enum(stages).nullable(),
    to: z.enum(stages),
    note: z.string(),
    changedAt: dateTime(),
    changedBy: PersonRefSchema,
  })
  .openapi("StageChange");

export const LifecycleSchema = z
  .object({
    stage: z.enum(stages),
    since: dateTime().openapi({ description: "When the community entered its current stage." }),
    checklist: z
      .array(StageChecklistSchema)
      .openapi({ description: "Every stage in order, each with its suggested actions and their ticks." }),
    history: z
      .array(StageChangeSchema)
      .openapi({ description: "Stage changes, newest first (the latest 100)." }),
  })
  .openapi("Lifecycle");

const person = (ref: PersonRef | null) => (ref ? { handle: ref.handle, name: ref.name } : null);

export function presentItem(
  item: Omit<ItemWithTick, "tick">,
  tick: Tick | null,
): z.infer<typeof ChecklistItemSchema> {
  return {
    key: item.key,
    stage: item.stage,
    title: item.title,
    hint: item.hint,
    ticked: tick !== null,
    tickedAt: tick ? tick.at.toISOString() : null,
    tickedBy: tick ? person(tick.by) : null,
  };
}

export function presentStageChange(change: StageChangeRow): z.infer<typeof StageChangeSchema> {
  return {
    id: change.id,
    from: change.fromStage,
    to: change.toStage,
    note: change.note,
    changedAt: change.at.toISOString(),
    changedBy: person(change.by),
  };
}

export function presentLifecycle(lifecycle: Lifecycle): z.infer<typeof LifecycleSchema> {
  return {
    stage: lifecycle.stage,
    since: lifecycle.since.toISOString(),
    checklist: lifecycle.checklists.map((checklist) => ({
      stage: checklist.stage,
      label: checklist.label,
      purpose: checklist.purpose,
      current: checklist.current,
      items: checklist.items.map((item) => presentItem(item, item.tick)),
    })),
    history: lifecycle.history.map(presentStageChange),
  };
}
