import type { SectionInput, SectionProps } from "./section.js";

// Owned by the RSVP work: going / not going, waitlist position, capacity, the online link for people going.

export type RsvpPanelData = null;

export async function loadRsvpPanel(_input: SectionInput): Promise<RsvpPanelData> {
  return null;
}

export function RsvpPanel(_props: SectionProps<RsvpPanelData>) {
  return null;
}
