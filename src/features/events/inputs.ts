import { z } from "zod";
import { weekdayPosition } from "./recurrence.js";
import { eventFormats, eventTypes } from "./tables.js";
import { isValidTimeZone } from "./zoned-time.js";

export const repeatChoices = [
  "none",
  "weekly",
  "fortnightly",
  "monthly_date",
  "monthly_weekday",
  "monthly_last_weekday",
] as const;
export type RepeatChoice = (typeof repeatChoices)[number];

export const editScopes = ["this", "following"] as const;
export type EditScope = (typeof editScopes)[number];

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `Keep the ${label} to ${max.toLocaleString("en-GB")} characters or fewer`)
    .default("");

/** "2026-03-03" that names a real day between 2000 and 2100. */
const localDate = z
  .string({ message: "Enter the date" })
  .trim()
  .min(1, "Enter the date")
  .refine((value) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    const parsed = new Date(`${value}T00:00:00Z`);
    const year = Number(value.slice(0, 4));
    return (
      !Number.isNaN(parsed.getTime()) &&
      parsed.toISOString().slice(0, 10) === value &&
      year >= 2000 &&
      year <= 2100
    );
  }, "Enter a real date, for example 2026-03-03");

const localTime = (label: string) =>
  z
    .string({ message: `Enter the ${label}` })
    .trim()
    .min(1, `Enter the ${label}`)
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `Enter the ${label} as hours and minutes, for example 18:30`);

/** Several values from checkboxes: absent, one string, or a list. */
const checkboxes = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
  .pipe(z.array(z.string().max(64)).max(20, "Choose at most 20 communities"));

/** "@sam-lee, @ana" as lower-case handles. */
const handleList = z
  .string()
  .max(2000)
  .default("")
  .transform((value) => [
    ...new Set(
      value
        .split(/[\s,]+/)
        .map((h) => h.trim().replace(/^@/, "").toLowerCase())
        .filter(Boolean),
    ),
  ])
  .pipe(z.array(z.string().max(64)).max(20, "Name at most 20 co-organisers"));

const capacity = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === ""))
      return null;
    const n = typeof value === "number" ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isInteger(n) || n < 1 || n > 100_000) {
      ctx.addIssue({
        code: "custom",
        message: "Enter the number of places as a whole number from 1, or leave it empty",
      });
      return z.NEVER;
    }
    return n;
  });

/** The fields of an event, as the form and the API send them. */
const eventFields = z.object({
  type: z.enum(eventTypes, { message: "Choose the kind of activity" }),
  title: z
    .string({ message: "Enter a title" })
    .trim()
    .min(3, "Enter a title of at least 3 characters")
    .max(150, "Keep the title to 150 characters or fewer"),
  description: text(20_000, "description"),
  date: localDate,
  startTime: localTime("start time"),
  endTime: localTime("end time"),
  timeZone: z.string().trim().max(64).default("Europe/London"),
  format: z.enum(eventFormats, { message: "Choose in person, online or hybrid" }),
  location: text(300, "location"),
  onlineLink: text(500, "online link"),
  capacity,
  accessibility: text(2_000, "accessibility information"),
  coHosts: checkboxes,
  organisers: handleList,
});

type Fields = z.output<typeof eventFields>;

function checkFields(value: Fields, ctx: z.RefinementCtx) {
  if (!isValidTimeZone(value.timeZone))
    ctx.addIssue({
      code: "custom",
      path: ["timeZone"],
      message: "Choose a time zone from the list, such as Europe/London",
    });
  if (value.startTime && value.endTime === value.startTime)
    ctx.addIssue({
      code: "custom",
      path: ["endTime"],
      message: "Enter an end time different from the start time",
    });
  if (value.format !== "online" && !value.location)
    ctx.addIssue({ code: "custom", path: ["location"], message: "Enter where it takes place" });
  if (value.format !== "in_person" && !value.onlineLink)
    ctx.addIssue({
      code: "custom",
      path: ["onlineLink"],
      message: "Enter the link people use to join online",
    });
  if (value.onlineLink) {
    let ok = false;
    try {
      const url = new URL(value.onlineLink);
      ok = url.protocol === "https:" && url.hostname.length > 0;
    } catch {}
    if (!ok)
      ctx.addIssue({ code: "custom", path: ["onlineLink"], message: "Enter a link starting with https://" });
  }
}

export const eventInput = eventFields
  .extend({
    repeat: z.enum(repeatChoices, { message: "Choose how often it repeats" }).default("none"),
    occurrences: z.union([z.string(), z.number()]).optional(),
  })
  .superRefine((value, ctx) => {
    checkFields(value, ctx);
    if (value.repeat === "none") return;
    const n = Number(
      typeof value.occurrences === "string" ? value.occurrences.trim() || "x" : value.occurrences,
    );
    if (!Number.isInteger(n) || n < 2 || n > 24)
      ctx.addIssue({
        code: "custom",
        path: ["occurrences"],
        message: "Enter how many times it takes place, from 2 to 24",
      });
    if (value.repeat === "monthly_weekday" && weekdayPosition(value.date).nth === 5)
      ctx.addIssue({
        code: "custom",
        path: ["repeat"],
        message:
          "That date is the fifth of its weekday in the month, which not every month has: choose the last weekday instead",
      });
  })
  .transform((value) => ({ ...value, occurrences: value.repeat === "none" ? 1 : Number(value.occurrences) }));
export type EventInput = z.output<typeof eventInput>;

export const eventEditInput = eventFields
  .extend({ scope: z.enum(editScopes).default("this") })
  .superRefine(checkFields);
export type EventEditInput = z.output<typeof eventEditInput>;

export const cancelInput = z.object({
  reason: text(1_000, "reason"),
  scope: z.enum(editScopes).default("this"),
});
export type CancelInput = z.output<typeof cancelInput>;
