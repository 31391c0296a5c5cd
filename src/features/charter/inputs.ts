import { z } from "zod";
import { type DecisionProcess, decisionProcesses } from "./tables.js";

export const decisionLabels: Record<DecisionProcess, string> = {
  consensus: "Consensus",
  vote: "Vote",
  lead: "Designated lead",
};

export const decisionHints: Record<DecisionProcess, string> = {
  consensus: "We talk it through until everyone can live with the decision.",
  vote: "We discuss, then the majority of those taking part decides.",
  lead: "A named person decides, after listening to the community.",
};

/** The charter's fields in reading order, with their labels. */
export const charterFields = [
  { key: "mission", label: "Mission statement" },
  { key: "membershipCriteria", label: "Who can join" },
  { key: "codeOfConduct", label: "Code of conduct" },
  { key: "tools", label: "Communication and collaboration tools" },
  { key: "meetingRhythm", label: "Meeting rhythm" },
  { key: "decisionProcess", label: "How we decide" },
  { key: "decisionNotes", label: "Notes on how we decide" },
] as const;
export type CharterField = (typeof charterFields)[number]["key"];

export const charterLabels = {
  mission: "Mission statement",
  membershipCriteria: "Who can join",
  codeOfConduct: "Code of conduct",
  tools: "Communication and collaboration tools",
  meetingRhythm: "Meeting rhythm",
  decisionProcess: "How we decide",
  decisionNotes: "Notes on how we decide",
  summary: "What did you change?",
} satisfies Record<CharterField | "summary", string>;

const long = (max: number, message: string) => z.string().trim().max(max, message).default("");

export const charterInput = z.object({
  mission: z
    .string()
    .trim()
    .min(1, "Write the mission statement: what the community is for")
    .max(5000, "Keep the mission statement under 5,000 characters"),
  membershipCriteria: long(5000, "Keep who can join under 5,000 characters"),
  codeOfConduct: z
    .string()
    .trim()
    .min(1, "Write the code of conduct: people read it before they join")
    .max(20000, "Keep the code of conduct under 20,000 characters"),
  tools: long(5000, "Keep the tools under 5,000 characters"),
  meetingRhythm: long(1000, "Keep the meeting rhythm under 1,000 characters"),
  decisionProcess: z.enum(decisionProcesses, { message: "Choose how the community makes decisions" }),
  decisionNotes: long(5000, "Keep the notes on deciding under 5,000 characters"),
  summary: z
    .string()
    .trim()
    .min(1, "Say briefly what you changed, so others can follow the history")
    .max(200, "Keep the summary under 200 characters"),
  /** The version the editor started from; an older one than the current means someone else saved. */
  baseVersion: z.coerce
    .number({ message: "The version you started from must be a number" })
    .int()
    .min(0)
    .optional(),
});
export type CharterInput = z.output<typeof charterInput>;

/** A first draft for a community writing its charter: headings and prompts, to be replaced. */
export const starterCharter = {
  mission: "We bring together people who … so that we can …\n\nIn our first year we want to:\n\n- …\n- …",
  membershipCriteria:
    "Anyone in the organisation who works on … or wants to learn about it is welcome.\n\nMembers are expected to …",
  codeOfConduct: [
    "We want everyone to feel welcome and able to take part.",
    "",
    "- **Be kind and respectful.** Disagree with ideas, never with people.",
    "- **Share generously.** Questions are welcome at every level of experience.",
    "- **Respect confidentiality.** What is shared in confidence stays in the community.",
    "- **Make room for others.** Let everyone be heard, including quieter voices.",
    "",
    "If something goes wrong, talk to one of the convenors. They will listen and act.",
  ].join("\n"),
  tools:
    "- **Convene** for discussions, events and shared resources.\n- **Mailing list** for the monthly round-up.\n- …",
  meetingRhythm: "For example: monthly, on the first Tuesday, 12:30 to 13:30, online.",
  decisionProcess: "consensus",
  decisionNotes:
    "Convenors propose; the core team discuss; if we cannot agree within two weeks, the convenors decide.",
  summary: "First version of the charter",
};
