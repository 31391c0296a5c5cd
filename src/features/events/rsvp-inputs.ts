import { z } from "zod";

/** The RSVP buttons: "I'm going" / "Join the waitlist" send going; "I can't go" / "Leave the waitlist" send not_going. */
export const rsvpInput = z.object({
  status: z.enum(["going", "not_going"], { message: "Choose whether you are going" }),
});

const id = z.string().trim().min(1).max(100);

/** Handles typed into "Add people who came without saying so": separated by commas, spaces or lines, "@" optional. */
export const handleList = z
  .string()
  .max(2000, "Keep the list under 2,000 characters")
  .default("")
  .transform((text) =>
    [
      ...new Set(
        text
          .split(/[\s,;]+/)
          .map((h) => h.replace(/^@/, "").trim().toLowerCase())
          .filter(Boolean),
      ),
    ].slice(0, 200),
  );

/** The attendance register: the ticked people (person ids) and any handles to add. */
export const attendanceInput = z.object({
  attended: z
    .union([id, z.array(id)])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .pipe(z.array(id).max(5000, "That is more people than one register can take")),
  handles: handleList,
});
export type AttendanceForm = z.infer<typeof attendanceInput>;
