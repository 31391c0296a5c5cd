import { z } from "zod";

export const MAX_ROOMS = 12;
export const MAX_SLOTS = 24;
/** Open proposals per event and per person: a board people can read in one sitting. */
export const MAX_PROPOSALS = 200;
export const MAX_PROPOSALS_EACH = 5;

export const proposalInput = z.object({
  title: z
    .string({ message: "Enter a title for the session" })
    .trim()
    .min(3, "Enter a title of at least 3 characters")
    .max(120, "Keep the title to 120 characters or fewer"),
  description: z.string().trim().max(1000, "Keep the description to 1,000 characters or fewer").default(""),
});
export type ProposalInput = z.output<typeof proposalInput>;

const labels = (what: string, max: number) =>
  z
    .array(
      z
        .string()
        .trim()
        .min(1, `A ${what} needs a name`)
        .max(60, `Keep each ${what} to 60 characters or fewer`),
    )
    .max(max, `Add at most ${max} ${what}s`);

/** One label a line; empty lines are dropped. */
const lines = (what: string, max: number) =>
  z
    .string()
    .max(5000)
    .default("")
    .transform((text) =>
      text
        .split(/\r?\n/)
        .map((line) => line.trim().replace(/\s+/g, " "))
        .filter(Boolean),
    )
    .pipe(labels(what, max));

export const MAX_VOTES = 10;

export const votesEach = z.coerce
  .number({ message: "Enter a whole number of votes" })
  .int("Enter a whole number of votes")
  .min(1, "Give each person at least 1 vote")
  .max(MAX_VOTES, `Give each person at most ${MAX_VOTES} votes`);

export const gridForm = z.object({
  rooms: lines("room", MAX_ROOMS),
  slots: lines("slot", MAX_SLOTS),
  /** Left empty: unchanged. */
  votesPerPerson: z.preprocess((value) => (value === "" ? undefined : value), votesEach.optional()),
});

export const roomLabels = labels("room", MAX_ROOMS);
export const slotLabels = labels("slot", MAX_SLOTS);

/** A proposal placed in one cell of the grid (indexes into rooms and slots). */
export interface Placement {
  proposalId: string;
  room: number;
  slot: number;
}

/** The form field of one cell. */
export const cellField = (room: number, slot: number) => `cell-${room}-${slot}`;

/** Placements from the grid form: each `cell-R-S` select names a proposal or is empty. */
export function placementsFromForm(values: Record<string, string | string[]>): Placement[] {
  const placements: Placement[] = [];
  for (const [key, value] of Object.entries(values)) {
    const match = /^cell-(\d{1,2})-(\d{1,2})$/.exec(key);
    const proposalId = Array.isArray(value) ? value[0] : value;
    if (!match || !proposalId) continue;
    placements.push({ proposalId: proposalId.slice(0, 100), room: Number(match[1]), slot: Number(match[2]) });
  }
  return placements;
}
