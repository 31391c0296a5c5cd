import type { SectionProps } from "./section.js";

// Owned by the outputs work: notes, recording ("coming soon" until set), slides, links, topics.

export function OutputsSection(_props: SectionProps<null>) {
  return null;
}
