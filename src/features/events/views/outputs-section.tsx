import { raw } from "hono/html";
import { renderMarkdown } from "../../../platform/markdown.js";
import { Tags } from "../../../ui/components/common.js";
import { isHttpsUrl, storedLinks } from "../outputs-inputs.js";
import { hasOutputs, outputsUrl } from "../outputs-service.js";
import type { SectionProps } from "./section.js";

// Opening a shared link never gives the other site a handle on this page.
const external = "noopener noreferrer";

/**
 * What came out of an event: notes, the recording ("coming soon" until its link is added), slides,
 * further links and topics. Nothing for an event without outputs, except a link for organisers
 * once it has started.
 */
export function OutputsSection({ loaded, canManage, now }: SectionProps<null>) {
  const { event } = loaded;
  const started = event.startsAt.getTime() <= now.getTime();
  if (!hasOutputs(event)) {
    if (!canManage || !started || event.status === "cancelled") return null;
    return (
      <section class="event-outputs panel" id="outputs" aria-labelledby="outputs-title">
        <h2 id="outputs-title">Notes and recording</h2>
        <p class="muted">
          Nothing has been added yet. People who were going are told when notes or a recording appear.
        </p>
        <p>
          <a class="button button-secondary" href={outputsUrl(event.id)}>
            Add notes and recording
          </a>
        </p>
      </section>
    );
  }
  const links = storedLinks(event.links);
  // Checked again on the way out: rows written by other means must not smuggle a javascript: link.
  const recordingUrl = isHttpsUrl(event.recordingUrl) ? event.recordingUrl : "";
  const slidesUrl = isHttpsUrl(event.slidesUrl) ? event.slidesUrl : "";
  return (
    <section class="event-outputs panel" id="outputs" aria-labelledby="outputs-title">
      <h2 id="outputs-title">Notes and recording</h2>
      {event.notes && <div class="prose outputs-notes">{raw(renderMarkdown(event.notes))}</div>}
      <ul class="outputs-media">
        {recordingUrl ? (
          <li>
            <a href={recordingUrl} rel={external}>
              Watch the recording
            </a>
          </li>
        ) : (
          (event.recordingExpected || event.recordingUrl) && (
            <li>
              <span class="badge badge-muted">Recording coming soon</span>
            </li>
          )
        )}
        {slidesUrl && (
          <li>
            <a href={slidesUrl} rel={external}>
              See the slides
            </a>
          </li>
        )}
      </ul>
      {links.length > 0 && (
        <>
          <h3 class="small-heading">Links</h3>
          <ul class="link-list outputs-links">
            {links.map((link) => (
              <li>
                <a href={link.url} rel={external}>
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {event.topics.length > 0 && (
        <>
          <h3 class="small-heading">Topics discussed</h3>
          <Tags tags={event.topics} />
        </>
      )}
      {canManage && (
        <p>
          <a href={outputsUrl(event.id)}>Edit notes and recording</a>
        </p>
      )}
    </section>
  );
}
