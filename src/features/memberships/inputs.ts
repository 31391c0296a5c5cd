import { z } from "zod";
import { involvements } from "./tables.js";

export const leaveInput = z.object({
  reason: z.string().trim().max(500, "Keep the reason under 500 characters").default(""),
});

/** Roles someone can be invited as; convenors are named by promotion, never by invitation. */
export const invitableRoles = ["member", "core", "sponsor"] as const;
export type InvitableRole = (typeof invitableRoles)[number];

const involvement = z.enum(involvements, { message: "Choose how involved you want to be" });
const answer = z.string().trim().max(1000, "Keep your answer under 1,000 characters").default("");
const message = z.string().trim().max(1000, "Keep the message under 1,000 characters").default("");

/** The join page: joining an open community, asking to join, or accepting an invitation. */
export const joinInput = z.object({
  // A checkbox: present ("yes") when ticked, absent otherwise.
  acceptCodeOfConduct: z
    .string()
    .optional()
    .transform((value) => value === "yes"),
  involvement: involvement.default("take_part"),
  answer,
});
export type JoinInput = z.output<typeof joinInput>;

/** Approve or decline a request, with an optional message to the person. */
export const decisionInput = z.object({ message });

export const inviteInput = z.object({
  person: z
    .string()
    .trim()
    .min(1, "Choose the person to invite")
    .max(320, "Enter a name, handle or email address under 320 characters"),
  role: z.enum(invitableRoles, { message: "Choose the role to invite them as" }),
  message,
});
export type InviteInput = z.output<typeof inviteInput>;
