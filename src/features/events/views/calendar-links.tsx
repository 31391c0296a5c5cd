import type { SectionProps } from "./section.js";

// Owned by the calendar work: "Add to calendar" (.ics download) and how to subscribe.

export function CalendarLinks(_props: SectionProps<null>) {
  return null;
}
