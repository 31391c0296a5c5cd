import type { Db } from "../../../platform/db/client.js";
import type { Actor } from "../../../platform/policy.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { LoadedEvent } from "../load.js";

/**
 * The event page is composed of sections owned by different parts of the events slice (RSVP,
 * calendar links, outputs, the unconference board). Each section has a loader, run by the page
 * before rendering (so the page's query count stays bounded), and a component.
 */
export interface SectionInput {
  db: Db;
  loaded: LoadedEvent;
  actor: Actor;
  now: Date;
  /** The viewer may manage the event (decided once by the page). */
  canManage: boolean;
}

export interface SectionProps<Data> {
  ctx: PageContext;
  loaded: LoadedEvent;
  data: Data;
  canManage: boolean;
  now: Date;
}
