import type { SectionProps } from "./section.js";

// "Add to my calendar" (the .ics download) and the ways to subscribe, on the event page.

export function CalendarLinks({ ctx, loaded }: SectionProps<null>) {
  if (ctx.actor.kind !== "person") return null;
  const host = loaded.hosts[0];
  return (
    <section class="panel calendar-links" aria-labelledby="calendar-links-heading">
      <h2 id="calendar-links-heading">In your calendar</h2>
      <ul class="calendar-links-list">
        <li>
          <a href={`/events/${loaded.event.id}/calendar.ics`} download>
            Add to my calendar (.ics)
          </a>
        </li>
        <li>
          <a href="/me/calendar">Subscribe to all your events</a>
        </li>
        {host && (
          <li>
            <a href={`/me/calendar?community=${encodeURIComponent(host.slug)}`}>
              Subscribe to {host.name}'s events
            </a>
          </li>
        )}
      </ul>
      <p class="muted">A subscription keeps your calendar up to date when events change or are cancelled.</p>
    </section>
  );
}
