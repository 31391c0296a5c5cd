import type { SectionInput, SectionProps } from "./section.js";

// Owned by the reuse work: "This helped me" / "I used this in my work", viewer count, the collections it is in.
// Its loader also records the viewer's first view (people other than the owner).

export type ReuseData = null;

export async function loadReuse(_input: SectionInput): Promise<ReuseData> {
  return null;
}

export function ReuseSection(_props: SectionProps<ReuseData>) {
  return null;
}
