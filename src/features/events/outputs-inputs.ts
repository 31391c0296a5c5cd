import { z } from "zod";
import { tagList } from "../people/inputs.js";

/** One further link after an event: its label and an https address. */
export interface OutputLink {
  label: string;
  url: string;
}

export const MAX_LINKS = 20;
export const MAX_TOPICS = 15;

/** An https address a browser can open, or "" for none. Anything else (javascript:, http:, data:) is refused. */
export function isHttpsUrl(text: string): boolean {
  if (!/^https:\/\//i.test(text)) return false;
  try {
    const url = new URL(text);
    return url.protocol === "https:" && url.hostname.length > 0 && !/\s/.test(text);
  } catch {
    return false;
  }
}

const optionalHttps = (what: string) =>
  z
    .string()
    .trim()
    .max(2000, `Keep the ${what} address to 2,000 characters or fewer`)
    .default("")
    .refine((text) => text === "" || isHttpsUrl(text), `Enter the ${what} address starting with https://`);

const linkLabel = z
  .string()
  .trim()
  .min(1, "Give the link a label")
  .max(100, "Keep each label to 100 characters or fewer")
  .refine((text) => !/[|\r\n]/.test(text), "A label cannot contain “|” or a line break");

export const outputLink = z.object({
  label: linkLabel,
  url: z
    .string()
    .trim()
    .max(2000, "Keep each address to 2,000 characters or fewer")
    .refine(isHttpsUrl, "Each link needs an address starting with https://"),
});

/** Reads "Label | https://…" lines. Returns the links, or the first wrong line's problem. */
export function parseLinkLines(text: string): { links: OutputLink[] } | { error: string } {
  const links: OutputLink[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const where = `Line ${index + 1} (“${line.length > 40 ? `${line.slice(0, 39)}…` : line}”)`;
    const bar = line.indexOf("|");
    if (bar < 0) return { error: `${where}: write a label, then “|”, then the https:// address` };
    const parsed = outputLink.safeParse({ label: line.slice(0, bar), url: line.slice(bar + 1) });
    if (!parsed.success) return { error: `${where}: ${parsed.error.issues[0]?.message}` };
    links.push(parsed.data);
  }
  if (links.length > MAX_LINKS) return { error: `Add at most ${MAX_LINKS} links` };
  return { links };
}

/** The stored form of the links: one "Label | https://…" per line. */
export const linksToText = (links: OutputLink[]) => links.map((l) => `${l.label} | ${l.url}`).join("\n");

/** Stored links, read back; lines that no longer parse are left out rather than shown raw. */
export function storedLinks(text: string): OutputLink[] {
  return text
    .split("\n")
    .map((line) => {
      const bar = line.indexOf("|");
      const parsed = outputLink.safeParse({ label: line.slice(0, bar), url: line.slice(bar + 1) });
      return bar > 0 && parsed.success ? parsed.data : null;
    })
    .filter((link): link is OutputLink => link !== null);
}

const notes = z
  .string()
  .max(50_000, "Keep the notes to 50,000 characters or fewer")
  .default("")
  .transform((text) => text.trim());

/** What the organisers save: the service's input, from the form or the API. */
export interface OutputsInput {
  notes: string;
  recordingUrl: string;
  recordingExpected: boolean;
  slidesUrl: string;
  links: OutputLink[];
  topics: string[];
}

/** The page form: a checkbox for the coming recording, links as lines, topics comma-separated. */
export const outputsForm = z.object({
  notes,
  recordingUrl: optionalHttps("recording"),
  recordingExpected: z
    .string()
    .optional()
    .transform((value) => value === "yes" || value === "on"),
  slidesUrl: optionalHttps("slides"),
  links: z
    .string()
    .max(50_000, "Keep the links to 50,000 characters or fewer")
    .default("")
    .transform((text, ctx) => {
      const result = parseLinkLines(text);
      if ("error" in result) {
        ctx.addIssue({ code: "custom", message: result.error });
        return z.NEVER;
      }
      return result.links;
    }),
  topics: tagList(MAX_TOPICS),
});

/** The API body: the same fields, with links as objects and topics as a list. */
export const outputsJson = z.object({
  notes,
  recordingUrl: optionalHttps("recording"),
  recordingExpected: z.boolean().default(false),
  slidesUrl: optionalHttps("slides"),
  links: z.array(outputLink).max(MAX_LINKS, `Add at most ${MAX_LINKS} links`).default([]),
  topics: z
    .array(z.string().trim().toLowerCase().min(1).max(40, "Keep each topic under 40 characters"))
    .max(MAX_TOPICS, `Add at most ${MAX_TOPICS} topics`)
    .default([])
    .transform((topics) => [...new Set(topics.map((t) => t.replace(/\s+/g, " ")))]),
});
