import { diffWords } from "diff";

export interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}

/** A word-level comparison of two texts: what stayed, what was added and what was removed. */
export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((change) => ({
    kind: change.added ? "added" : change.removed ? "removed" : "same",
    text: change.value,
  }));
}

export const hasChanges = (parts: DiffPart[]) => parts.some((part) => part.kind !== "same");
