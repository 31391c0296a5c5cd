// Events in the demo: a few monthly series ("first Tuesday"), past workshops and talks with notes,
// topics and recordings (so each archive reads like a dated programme), an upcoming workshop that is
// full with a waitlist, an upcoming unconference with proposed sessions and votes, and a cancelled
// occurrence. Written in our own words. Deterministic: it only draws from `rng`; every answer is
// given after the person joined and before `nowMs`.

import { nthWeekdayOfMonth, occurrenceDates } from "../features/events/recurrence.js";
import type { EventFormat, EventType, RecurrenceFrequency, RsvpStatus } from "../features/events/tables.js";
import { fromLocal } from "../features/events/zoned-time.js";
import type { DemoMembership } from "./generate.js";

type Rng = () => number;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const ZONE = "Europe/London";

export interface DemoRsvp {
  personHandle: string;
  status: RsvpStatus;
  respondedAt: string;
  waitlistedAt: string | null;
  attended: boolean | null;
}

export interface DemoSession {
  proposerHandle: string;
  title: string;
  description: string;
  voterHandles: string[];
  createdAt: string;
}

export interface DemoEventSeries {
  key: string;
  communitySlug: string;
  frequency: RecurrenceFrequency;
  localStartTime: string;
  durationMinutes: number;
  weekOfMonth: number | null;
  weekday: number | null;
  occurrenceCount: number;
  createdByHandle: string;
  createdAt: string;
}

export interface DemoEvent {
  communitySlug: string;
  coHostSlugs: string[];
  seriesKey: string | null;
  seriesIndex: number | null;
  type: EventType;
  title: string;
  description: string;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  format: EventFormat;
  location: string;
  onlineLink: string;
  capacity: number | null;
  accessibility: string;
  cancelledAt: string | null;
  cancelReason: string;
  createdByHandle: string;
  createdAt: string;
  notes: string;
  recordingExpected: boolean;
  recordingUrl: string;
  slidesUrl: string;
  links: string;
  topics: string[];
  outputsAt: string | null;
  attendanceRecordedAt: string | null;
  votesPerPerson: number;
  boardRooms: string[];
  boardSlots: string[];
  rsvps: DemoRsvp[];
  sessions: DemoSession[];
}

interface Outputs {
  notes: string;
  topics: string[];
  recordingUrl?: string;
  recordingExpected?: boolean;
  slidesUrl?: string;
  links?: string;
}

interface Details {
  type: EventType;
  title: string;
  description: string;
  format: EventFormat;
  location?: string;
  onlineLink?: string;
  accessibility?: string;
  capacity?: number;
  start: string;
  minutes: number;
}

interface OneOff extends Details {
  slug: string;
  coHosts?: string[];
  /** Days from the demo's "now" (negative: in the past). */
  day: number;
  going: number;
  waitlisted?: number;
  declined?: number;
  outputs?: Outputs;
  board?: { rooms: string[]; slots: string[]; sessions: { title: string; description: string }[] };
}

interface SeriesScript extends Details {
  slug: string;
  key: string;
  weekOfMonth: number;
  weekday: number;
  /** Occurrences before the demo's month, then from it on. */
  past: number;
  upcoming: number;
  going: readonly [number, number];
  /** Position (0-based) of the occurrence that was called off, if any. */
  cancelled?: { index: number; reason: string };
  /** Short notes for past occurrences, in order (kept brief: these are drop-ins). */
  notes: readonly Outputs[];
}

const video = (slug: string) => `https://video.example.org/${slug}`;
const slides = (slug: string) => `https://files.example.org/slides/${slug}.pdf`;

const SERIES: readonly SeriesScript[] = [
  {
    slug: "hr-operations",
    key: "hr-drop-in",
    type: "roundtable",
    title: "First Tuesday HR systems drop-in",
    description:
      "Bring the case that the HR system will not let you close, the report that does not add up or the form nobody understands. We work through them together over lunch and write down what we learn.\n\nNo need to book a slot: come for ten minutes or the whole hour.",
    format: "hybrid",
    location: "Room 2.14, Civic Centre",
    onlineLink: "https://meet.example.org/hr-drop-in",
    accessibility: "Step-free access by the east lift. Live captions on the call.",
    start: "12:30",
    minutes: 60,
    weekOfMonth: 1,
    weekday: 2,
    past: 4,
    upcoming: 4,
    going: [5, 11],
    cancelled: {
      index: 6,
      reason: "Most of us are on leave in the first week of January. We meet again in February.",
    },
    notes: [
      {
        notes:
          "- Leavers whose last day falls on a weekend: close the record on the Friday.\n- The absence report double counts part days; a fix is promised for the next release.",
        topics: ["leavers", "absence reporting"],
      },
      {
        notes:
          "- Probation reminders now go to the manager and the HR adviser.\n- Agreed to collect the questions new starters ask most, for the onboarding checklist.",
        topics: ["probation", "onboarding"],
      },
      {
        notes:
          "- A walk-through of the new contract templates.\n- How to correct a start date after payroll has run.",
        topics: ["contracts", "payroll"],
      },
      {
        notes: "- Year-end leave carry-over: the rules, and how the system applies them.",
        topics: ["annual leave"],
      },
    ],
  },
  {
    slug: "education-administration",
    key: "edu-roundtable",
    type: "meeting",
    title: "Last Thursday admin catch-up",
    description:
      "Half an hour online for everyone who runs timetables, assessment and the student record. Each team says what is coming up next month, so nobody is surprised by a deadline.",
    format: "online",
    onlineLink: "https://meet.example.org/edu-admin",
    accessibility: "Captions on. The agenda goes out the day before.",
    start: "09:30",
    minutes: 30,
    weekOfMonth: -1,
    weekday: 4,
    past: 3,
    upcoming: 3,
    going: [6, 14],
    notes: [
      {
        notes:
          "- Resit timetable drafts are due a week earlier this year.\n- Room swaps go through the booking team only.",
        topics: ["resits", "timetabling"],
      },
      {
        notes: "- Enrolment checks: the new duplicate-record report, and who runs it.",
        topics: ["enrolment", "student records"],
      },
      {
        notes: "- Marks upload window and the exam board calendar.",
        topics: ["assessment", "exam boards"],
      },
    ],
  },
];

const ONE_OFFS: readonly OneOff[] = [
  {
    slug: "technology",
    type: "workshop",
    title: "Automating a weekly report, step by step",
    description:
      "A hands-on morning: take a report someone builds by hand every Monday and turn it into a script that runs itself. Bring a laptop; we supply a sample spreadsheet.",
    format: "in_person",
    location: "Training room 1, Library building",
    accessibility: "Step-free. Laptops can be borrowed from the service desk.",
    capacity: 16,
    start: "10:00",
    minutes: 180,
    day: -76,
    going: 14,
    declined: 2,
    outputs: {
      notes:
        "## What we built\n\nEach pair turned the Monday attendance report into a script that fills the sheet and emails the link.\n\n## Things to remember\n\n- Keep the script in the shared repository, not on a laptop.\n- Ask the service desk for a scheduled job rather than leaving a machine on.",
      topics: ["automation", "spreadsheets", "scheduled jobs"],
      recordingUrl: video("automating-a-weekly-report"),
      slidesUrl: slides("automating-a-weekly-report"),
      links: "Sample spreadsheet | https://files.example.org/workshops/weekly-report.xlsx",
    },
  },
  {
    slug: "technology",
    type: "talk",
    title: "The spreadsheet that became a system",
    description:
      "Three short talks on what happens when a shared spreadsheet quietly turns into something a whole department depends on, and how to move it somewhere safer without breaking anyone's week.",
    format: "hybrid",
    location: "Lecture theatre B",
    onlineLink: "https://meet.example.org/tech-talks",
    accessibility: "Hearing loop in the theatre; captions online.",
    start: "15:00",
    minutes: 90,
    day: -34,
    going: 22,
    declined: 3,
    outputs: {
      notes:
        "Three stories: the room-booking sheet, the equipment loans list and the training tracker.\n\n- Write down who relies on the sheet before changing anything.\n- Move one column at a time, and keep the old sheet read-only for a month.",
      topics: ["spreadsheets", "data migration", "service ownership"],
      recordingUrl: video("spreadsheet-that-became-a-system"),
    },
  },
  {
    slug: "content",
    type: "workshop",
    title: "Alt text that helps",
    description:
      "How to describe images, charts and diagrams so that people using screen readers get the same information. We practise on real pages from our website.",
    format: "online",
    onlineLink: "https://meet.example.org/alt-text",
    accessibility: "Captions on. Exercises are shared as plain text beforehand.",
    capacity: 20,
    start: "14:00",
    minutes: 75,
    day: -19,
    going: 15,
    declined: 1,
    outputs: {
      notes:
        "- Say what the image is for, not only what it shows.\n- Charts: give the one message, then link to the data.\n- Decorative images get empty alt text.",
      topics: ["accessibility", "images", "alt text"],
      recordingExpected: true,
    },
  },
  {
    slug: "leading-projects",
    coHosts: ["education-administration"],
    type: "talk",
    title: "Lessons from moving the student record",
    description:
      "The project team behind last year's student record move talks frankly about the plan, what slipped and what they would do again.",
    format: "in_person",
    location: "Council chamber, Main building",
    accessibility: "Step-free access. Reserved seats near the front; ask the organisers.",
    start: "12:00",
    minutes: 60,
    day: -52,
    going: 18,
    declined: 2,
    outputs: {
      notes:
        "- The dry runs found more than the testing did: plan three.\n- A named contact in each faculty kept questions out of the project inbox.\n- Cut-over over a long weekend was worth it.",
      topics: ["data migration", "stakeholders", "cut-over"],
      recordingUrl: video("moving-the-student-record"),
      slidesUrl: slides("moving-the-student-record"),
    },
  },
  {
    slug: "technology",
    type: "workshop",
    title: "Hands-on: accessible spreadsheets",
    description:
      "Headers, named ranges, colour that is not the only signal, and checking a workbook with the built-in accessibility checker. Places are limited to the laptops in the room.",
    format: "in_person",
    location: "Training room 2, Library building",
    accessibility: "Step-free. Screen magnifier installed on every laptop.",
    capacity: 12,
    start: "10:00",
    minutes: 120,
    day: 36,
    going: 12,
    waitlisted: 3,
  },
  {
    slug: "leading-projects",
    type: "mentoring",
    title: "Project mentoring: meet a mentor",
    description:
      "Short online conversations between people who have led a few projects and people about to lead their first. Say what you would like to talk about when you say you are going.",
    format: "online",
    onlineLink: "https://meet.example.org/project-mentoring",
    capacity: 24,
    start: "16:00",
    minutes: 60,
    day: 41,
    going: 9,
  },
  {
    slug: "technology",
    coHosts: ["content"],
    type: "unconference",
    title: "Technology unconference",
    description:
      "Our yearly day with no fixed agenda. Everyone going can propose a session on the board and spend three votes; the organisers build the timetable from the favourites the week before.",
    format: "in_person",
    location: "Conference centre, ground floor",
    accessibility: "Step-free throughout. A quiet room is available all day.",
    capacity: 60,
    start: "09:30",
    minutes: 420,
    day: 45,
    going: 26,
    declined: 2,
    board: {
      rooms: ["Main hall", "Room A", "Room B"],
      slots: ["10:00–10:45", "11:00–11:45", "13:30–14:15", "14:30–15:15"],
      sessions: [
        {
          title: "What should we stop maintaining?",
          description: "A list of tools we keep alive out of habit, and how to retire them kindly.",
        },
        {
          title: "Pairing across teams",
          description: "Short swaps between teams: what worked in the pilot and what did not.",
        },
        {
          title: "Writing runbooks people read",
          description: "Bring a runbook; we rewrite one together.",
        },
        {
          title: "Open data from our systems",
          description: "Which datasets people ask for, and what stops us publishing them.",
        },
        {
          title: "Intro to accessibility testing tools",
          description: "A tour of the checkers we use, and their blind spots.",
        },
      ],
    },
  },
];

export interface EventPlan {
  rng: Rng;
  nowMs: number;
  memberships: readonly DemoMembership[];
  /** Communities with events (named communities present in this demo). */
  slugs: readonly string[];
  /** Generated communities that get a plain meet-up each (large demo only). */
  extraSlugs?: readonly string[];
  /** People who must not appear (the demo sign-ins, so their pages stay predictable). */
  quiet?: ReadonlySet<string>;
}

const iso = (ms: number) => new Date(ms).toISOString();
const randInt = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Shuffled copy (Fisher–Yates), drawing only from `rng`. */
function shuffled<T>(rng: Rng, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const endOf = (date: string, start: string, minutes: number) =>
  fromLocal(date, start, ZONE).getTime() + minutes * 60_000;

export function writeEvents(plan: EventPlan): { series: DemoEventSeries[]; events: DemoEvent[] } {
  const { rng, nowMs } = plan;
  const present = new Set(plan.slugs);
  const membersOf = new Map<string, DemoMembership[]>();
  for (const m of plan.memberships) {
    if (m.state !== "active" || plan.quiet?.has(m.personHandle)) continue;
    const list = membersOf.get(m.communitySlug) ?? [];
    list.push(m);
    membersOf.set(m.communitySlug, list);
  }
  const series: DemoEventSeries[] = [];
  const events: DemoEvent[] = [];

  /** The convenor (or first core member) who planned it, and when: a few weeks ahead, after joining. */
  const planner = (slug: string, startMs: number) => {
    const members = membersOf.get(slug) ?? [];
    const lead =
      members.find((m) => m.role === "convenor") ?? members.find((m) => m.role === "core") ?? members[0];
    if (!lead) return null;
    const anchor = Math.min(startMs, nowMs) - randInt(rng, 20, 35) * DAY_MS;
    const createdMs = Math.max(anchor, Date.parse(lead.joinedAt) + HOUR_MS);
    return { handle: lead.personHandle, createdMs: Math.min(createdMs, nowMs - HOUR_MS) };
  };

  /** Answers from members who had joined by the time the event was planned. */
  const answers = (
    slug: string,
    createdMs: number,
    startMs: number,
    endMs: number,
    counts: { going: number; waitlisted?: number; declined?: number; capacity: number | null },
  ): DemoRsvp[] => {
    const pool = shuffled(
      rng,
      (membersOf.get(slug) ?? []).filter((m) => Date.parse(m.joinedAt) < createdMs),
    );
    const lastMs = Math.min(startMs, nowMs) - HOUR_MS;
    const going = Math.min(counts.going, counts.capacity ?? counts.going, pool.length);
    const full = counts.capacity !== null && going >= counts.capacity;
    const waiting = full ? Math.min(counts.waitlisted ?? 0, pool.length - going) : 0;
    const declined = Math.min(counts.declined ?? 0, pool.length - going - waiting);
    const past = endMs <= nowMs;
    // Places fill first, so everyone waiting answered after the last person going.
    const times = Array.from({ length: going + waiting + declined }, () =>
      Math.floor(createdMs + rng() * Math.max(lastMs - createdMs, HOUR_MS)),
    );
    const sortedGoing = times.slice(0, going + waiting).sort((a, b) => a - b);
    return pool.slice(0, going + waiting + declined).map((m, i) => {
      const status: RsvpStatus = i < going ? "going" : i < going + waiting ? "waitlisted" : "declined";
      const at = iso(status === "declined" ? times[i]! : sortedGoing[i]!);
      return {
        personHandle: m.personHandle,
        status,
        respondedAt: at,
        waitlistedAt: status === "waitlisted" ? at : null,
        attended: past && status === "going" ? rng() < 0.85 : null,
      };
    });
  };

  const blank = {
    coHostSlugs: [] as string[],
    seriesKey: null,
    seriesIndex: null,
    timeZone: ZONE,
    location: "",
    onlineLink: "",
    capacity: null,
    accessibility: "",
    cancelledAt: null,
    cancelReason: "",
    notes: "",
    recordingExpected: false,
    recordingUrl: "",
    slidesUrl: "",
    links: "",
    topics: [] as string[],
    outputsAt: null,
    attendanceRecordedAt: null,
    votesPerPerson: 3,
    boardRooms: [] as string[],
    boardSlots: [] as string[],
    sessions: [] as DemoSession[],
  };

  const details = (script: Details) => ({
    type: script.type,
    title: script.title,
    description: script.description,
    format: script.format,
    location: script.location ?? "",
    onlineLink: script.onlineLink ?? "",
    accessibility: script.accessibility ?? "",
    capacity: script.capacity ?? null,
  });

  const withOutputs = (outputs: Outputs | undefined, endMs: number) =>
    outputs && endMs < nowMs
      ? {
          notes: outputs.notes,
          topics: [...outputs.topics],
          recordingUrl: outputs.recordingUrl ?? "",
          recordingExpected: Boolean(outputs.recordingExpected && !outputs.recordingUrl),
          slidesUrl: outputs.slidesUrl ?? "",
          links: outputs.links ?? "",
          outputsAt: iso(Math.min(nowMs - HOUR_MS, endMs + randInt(rng, 2, 48) * HOUR_MS)),
        }
      : {};

  for (const script of SERIES) {
    if (!present.has(script.slug)) continue;
    const now = new Date(nowMs);
    const startMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - script.past, 1));
    const firstDate = nthWeekdayOfMonth(
      startMonth.getUTCFullYear(),
      startMonth.getUTCMonth() + 1,
      script.weekOfMonth,
      script.weekday,
    );
    const count = script.past + script.upcoming;
    const dates = occurrenceDates(firstDate, {
      frequency: "monthly_weekday",
      count,
      weekOfMonth: script.weekOfMonth,
      weekday: script.weekday,
    });
    const firstStart = fromLocal(firstDate, script.start, ZONE).getTime();
    const who = planner(script.slug, firstStart);
    if (!who) continue;
    series.push({
      key: script.key,
      communitySlug: script.slug,
      frequency: "monthly_weekday",
      localStartTime: script.start,
      durationMinutes: script.minutes,
      weekOfMonth: script.weekOfMonth,
      weekday: script.weekday,
      occurrenceCount: count,
      createdByHandle: who.handle,
      createdAt: iso(who.createdMs),
    });
    let pastIndex = 0;
    dates.forEach((date, index) => {
      const startMs = fromLocal(date, script.start, ZONE).getTime();
      const endMs = endOf(date, script.start, script.minutes);
      const cancelled = script.cancelled?.index === index;
      // Answers thin out the further ahead an occurrence is.
      const ahead = Math.max(0, Math.floor((startMs - nowMs) / (30 * DAY_MS)));
      const going = Math.max(0, randInt(rng, script.going[0], script.going[1]) - ahead * 3);
      const rsvps = answers(script.slug, who.createdMs, startMs, endMs, {
        going,
        declined: randInt(rng, 0, 2),
        capacity: null,
      });
      const isPast = endMs < nowMs && !cancelled;
      if (cancelled) for (const r of rsvps) r.attended = null;
      const notes = isPast ? script.notes[pastIndex++] : undefined;
      events.push({
        ...blank,
        ...details(script),
        communitySlug: script.slug,
        seriesKey: script.key,
        seriesIndex: index + 1,
        startsAt: iso(startMs),
        endsAt: iso(endMs),
        cancelledAt: cancelled ? iso(nowMs - 2 * DAY_MS) : null,
        cancelReason: cancelled ? (script.cancelled?.reason ?? "") : "",
        createdByHandle: who.handle,
        createdAt: iso(who.createdMs),
        ...withOutputs(notes, endMs),
        attendanceRecordedAt: isPast ? iso(Math.min(nowMs - HOUR_MS, endMs + 3 * HOUR_MS)) : null,
        rsvps,
      });
    });
  }

  for (const script of ONE_OFFS) {
    if (!present.has(script.slug)) continue;
    const date = isoDate(nowMs + script.day * DAY_MS);
    const startMs = fromLocal(date, script.start, ZONE).getTime();
    const endMs = endOf(date, script.start, script.minutes);
    const who = planner(script.slug, startMs);
    if (!who) continue;
    const rsvps = answers(script.slug, who.createdMs, startMs, endMs, {
      going: script.going,
      waitlisted: script.waitlisted,
      declined: script.declined,
      capacity: script.capacity ?? null,
    });
    const isPast = endMs < nowMs;
    const going = rsvps.filter((r) => r.status === "going");
    const sessions: DemoSession[] = [];
    if (script.board && going.length > 0) {
      // Proposed by people going, after they answered; each voter spends up to three votes.
      script.board.sessions.forEach((session, i) => {
        const proposer = going[i % going.length]!;
        const atMs = Math.min(
          nowMs - HOUR_MS,
          Date.parse(proposer.respondedAt) + randInt(rng, 1, 48) * HOUR_MS,
        );
        sessions.push({
          ...session,
          proposerHandle: proposer.personHandle,
          voterHandles: [],
          createdAt: iso(atMs),
        });
      });
      for (const voter of going) {
        const choices = shuffled(rng, sessions).slice(0, randInt(rng, 0, 3));
        for (const choice of choices) choice.voterHandles.push(voter.personHandle);
      }
    }
    events.push({
      ...blank,
      ...details(script),
      coHostSlugs: (script.coHosts ?? []).filter((slug) => present.has(slug)),
      communitySlug: script.slug,
      startsAt: iso(startMs),
      endsAt: iso(endMs),
      createdByHandle: who.handle,
      createdAt: iso(who.createdMs),
      ...withOutputs(script.outputs, endMs),
      attendanceRecordedAt: isPast ? iso(Math.min(nowMs - HOUR_MS, endMs + 20 * HOUR_MS)) : null,
      boardRooms: script.board?.rooms ?? [],
      boardSlots: script.board?.slots ?? [],
      rsvps,
      sessions,
    });
  }

  // The large demo: a plain meet-up in each generated community, half of them already held.
  for (const [i, slug] of (plan.extraSlugs ?? []).entries()) {
    const startMs = fromLocal(
      isoDate(nowMs + (i % 2 === 0 ? -1 : 1) * randInt(rng, 3, 60) * DAY_MS),
      "13:00",
      ZONE,
    ).getTime();
    const endMs = startMs + HOUR_MS;
    const who = planner(slug, startMs);
    if (!who) continue;
    events.push({
      ...blank,
      type: "meeting",
      title: "Members' meet-up",
      description: "An hour to catch up on what everyone is working on and plan the next few months.",
      format: "online",
      onlineLink: "https://meet.example.org/meet-up",
      communitySlug: slug,
      startsAt: iso(startMs),
      endsAt: iso(endMs),
      createdByHandle: who.handle,
      createdAt: iso(who.createdMs),
      attendanceRecordedAt: endMs < nowMs ? iso(Math.min(nowMs - HOUR_MS, endMs + HOUR_MS)) : null,
      rsvps: answers(slug, who.createdMs, startMs, endMs, { going: randInt(rng, 3, 12), capacity: null }),
    });
  }

  events.sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0));
  return { series, events };
}
