import { desc, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import type { Community } from "../communities/queries.js";
import type { Stage } from "../communities/tables.js";
import { people } from "../people/tables.js";
import { type ChecklistItem, stageGuides } from "./checklists.js";
import { checklistTicks, stageChanges } from "./tables.js";

/** How many stage changes a page or API answer shows; communities change stage a handful of times. */
export const HISTORY_LIMIT = 100;

export interface PersonRef {
  handle: string;
  name: string;
}

export interface Tick {
  at: Date;
  /** Null when the person who ticked it has since been removed. */
  by: PersonRef | null;
}

export interface ItemWithTick extends ChecklistItem {
  tick: Tick | null;
}

export interface StageChecklist {
  stage: Stage;
  label: string;
  purpose: string;
  current: boolean;
  items: ItemWithTick[];
}

export interface StageChangeRow {
  id: string;
  fromStage: Stage | null;
  toStage: Stage;
  note: string;
  at: Date;
  by: PersonRef | null;
}

export interface Lifecycle {
  stage: Stage;
  /** When the community entered its current stage. */
  since: Date;
  checklists: StageChecklist[];
  history: StageChangeRow[];
}

const ref = (handle: string | null, name: string | null): PersonRef | null =>
  handle && name ? { handle, name } : null;

export async function ticksOf(db: Db, communityId: string): Promise<Map<string, Tick>> {
  const rows = await db
    .select({
      itemKey: checklistTicks.itemKey,
      at: checklistTicks.tickedAt,
      handle: people.handle,
      name: people.name,
    })
    .from(checklistTicks)
    .leftJoin(people, eq(people.id, checklistTicks.tickedById))
    .where(eq(checklistTicks.communityId, communityId));
  return new Map(rows.map((row) => [row.itemKey, { at: row.at, by: ref(row.handle, row.name) }]));
}

/** One tick, for the fragment htmx swaps in after a change. */
export async function tickOf(db: Db, communityId: string, itemKey: string): Promise<Tick | null> {
  const ticks = await ticksOf(db, communityId);
  return ticks.get(itemKey) ?? null;
}

/** Stage changes, newest first. */
export async function stageHistory(db: Db, communityId: string, limit = HISTORY_LIMIT) {
  const rows = await db
    .select({
      id: stageChanges.id,
      fromStage: stageChanges.fromStage,
      toStage: stageChanges.toStage,
      note: stageChanges.note,
      at: stageChanges.createdAt,
      handle: people.handle,
      name: people.name,
    })
    .from(stageChanges)
    .leftJoin(people, eq(people.id, stageChanges.changedById))
    .where(eq(stageChanges.communityId, communityId))
    .orderBy(desc(stageChanges.createdAt), desc(stageChanges.id))
    .limit(limit);
  return rows.map(({ handle, name, ...row }): StageChangeRow => ({ ...row, by: ref(handle, name) }));
}

/** The community's stage, since when, every stage's checklist with its ticks, and the history. */
export async function lifecycleOf(
  db: Db,
  community: Pick<Community, "id" | "stage" | "stageChangedAt" | "createdAt">,
): Promise<Lifecycle> {
  const [ticks, history] = await Promise.all([ticksOf(db, community.id), stageHistory(db, community.id)]);
  return {
    stage: community.stage,
    since: community.stageChangedAt ?? community.createdAt,
    checklists: stageGuides.map((guide) => ({
      stage: guide.stage,
      label: guide.label,
      purpose: guide.purpose,
      current: guide.stage === community.stage,
      items: guide.items.map((item) => ({ ...item, tick: ticks.get(item.key) ?? null })),
    })),
    history,
  };
}
