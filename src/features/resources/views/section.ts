import type { Db } from "../../../platform/db/client.js";
import type { Actor } from "../../../platform/policy.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { LoadedResource } from "../load.js";

/**
 * The resource page is composed of sections owned by different parts of the resources slice
 * (attachments, reuse marks, collections it belongs to). Each has a loader, run by the page before
 * rendering (so the page's query count stays bounded), and a component.
 */
export interface SectionInput {
  db: Db;
  loaded: LoadedResource;
  actor: Actor;
  now: Date;
}

export interface SectionProps<Data> {
  ctx: PageContext;
  loaded: LoadedResource;
  data: Data;
}
