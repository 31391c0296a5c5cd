import type { SectionInput, SectionProps } from "./section.js";

// Owned by the unconference work: proposals, votes and the published schedule grid.

export type SessionBoardData = null;

export async function loadSessionBoard(_input: SectionInput): Promise<SessionBoardData> {
  return null;
}

export function SessionBoard(_props: SectionProps<SessionBoardData>) {
  return null;
}
