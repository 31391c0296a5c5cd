import type { ResourceKind } from "../../tables.js";

/** One item of the starter toolkit as Convene ships it: markdown, in our own words. */
export interface ToolkitItem {
  /** Stable address (`/toolkit/<slug>`) and the key that marks it as shipped content. */
  slug: string;
  kind: Extract<ResourceKind, "guide" | "template" | "toolkit">;
  title: string;
  summary: string;
  tags: string[];
  body: string;
}
