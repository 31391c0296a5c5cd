// Discussions in the named communities of the demo: questions (some answered, some not), open
// discussions and an announcement, with replies, reactions and accepted answers. Written in our own
// words. Deterministic: it only draws from `rng`, and every time stays before `nowMs` and after the
// author joined the community.

import type { DemoMembership } from "./generate.js";

type Rng = () => number;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export type DemoThreadKind = "discussion" | "question" | "announcement";
export type DemoReactionKind = "thanks" | "helpful" | "same_problem";

export interface DemoReply {
  authorHandle: string;
  body: string;
  createdAt: string;
  /** Index of an earlier reply in the same thread this one answers. */
  inReplyTo: number | null;
}

export interface DemoReaction {
  /** null: the opening post; otherwise the index of the reply. */
  reply: number | null;
  personHandle: string;
  kind: DemoReactionKind;
  createdAt: string;
}

export interface DemoThread {
  communitySlug: string;
  authorHandle: string;
  kind: DemoThreadKind;
  title: string;
  body: string;
  tags: string[];
  createdAt: string;
  replies: DemoReply[];
  /** Index of the accepted reply (questions only). */
  accepted: number | null;
  acceptedAt: string | null;
  reactions: DemoReaction[];
}

/** Who writes a post: the thread's author, a convenor, the community's payroll expert, or anyone. */
type Who = "asker" | "convenor" | "expert" | "any";

interface ReplyScript {
  who?: Who;
  body: string;
  /** Answers the reply at this index ("in reply to"). */
  to?: number;
}

interface ThreadScript {
  kind: DemoThreadKind;
  who?: Who;
  title: string;
  body: string;
  tags: string[];
  replies: ReplyScript[];
  /** Index into `replies` of the accepted answer. */
  accepted?: number;
  /** Roughly how long ago it started, in days. */
  ago: number;
}

/** The HR Operations member who answers the payroll questions: the expert finder should find them. */
export const PAYROLL_EXPERT_COMMUNITY = "hr-operations";

const SCRIPTS: Readonly<Record<string, readonly ThreadScript[]>> = {
  "hr-operations": [
    {
      kind: "question",
      title: "Backdated pay rise missed the payroll cut-off: what do you do?",
      body: "A contract change for a promotion reached us two days after the monthly payroll cut-off. The rise is backdated to the start of last month. Do you pay it as a one-off next month, or ask payroll for an off-cycle payment?",
      tags: ["payroll", "contract changes"],
      replies: [
        {
          who: "expert",
          body: "We pay it in the next normal run as arrears, with a line on the payslip that says which months it covers. Off-cycle payments cost more and confuse the tax calculation. Do tell the person in writing before payday so the jump on the payslip is not a surprise.",
        },
        { who: "asker", body: "That makes sense. I had not thought about the tax side at all.", to: 0 },
        { who: "any", body: "Same here. We also add a note to the file so the audit trail is clear." },
      ],
      accepted: 0,
      ago: 120,
    },
    {
      kind: "question",
      title: "Overpayment after a leaver's date changed",
      body: "Someone brought their leaving date forward after payroll had already run, so they have been paid for nine days they did not work. What is the kindest way to recover it?",
      tags: ["payroll", "leavers"],
      replies: [
        {
          who: "any",
          body: "We usually take it from the final pay if there is any left, but here there is none.",
        },
        {
          who: "expert",
          body: "Write to them straight away with the exact amount, how you worked it out and two options: one payment, or a short plan over two or three months. Offer a call. Most people pay quickly when the letter is clear and polite. Payroll can give you the gross and net figures; ask for both.",
        },
        { who: "asker", body: "Thank you, I will draft the letter today." },
      ],
      accepted: 1,
      ago: 75,
    },
    {
      kind: "question",
      title: "Salary sacrifice and the national minimum wage check",
      body: "A part-time colleague on a low grade wants to join the cycle-to-work scheme. Is there a check we must do first?",
      tags: ["payroll", "benefits"],
      replies: [
        {
          who: "expert",
          body: "Yes: after the sacrifice their pay must not fall below the national minimum wage for the hours they work. Payroll can run the sum for you. If it would fall below, the scheme cannot go ahead at that amount, but a smaller one sometimes can.",
        },
        { who: "any", body: "Useful to know. We nearly got this wrong last spring." },
      ],
      accepted: 0,
      ago: 30,
    },
    {
      kind: "discussion",
      title: "How do you welcome new starters on their first morning?",
      body: "We are redesigning our first-day checklist. What does your team do in the first two hours so that a new colleague feels expected rather than processed?",
      tags: ["onboarding"],
      replies: [
        {
          who: "any",
          body: "A named buddy who meets them at reception and takes them for coffee before any forms.",
        },
        {
          who: "any",
          body: "Laptop ready and signed in the day before. Nothing says 'not expected' like a missing laptop.",
        },
        {
          who: "convenor",
          body: "Both great. Could someone turn these into a short tip-sheet for Resources?",
        },
        { who: "any", body: "Happy to draft one next week.", to: 2 },
      ],
      ago: 50,
    },
    {
      kind: "question",
      title: "Right to work checks for people starting remotely",
      body: "Has anybody set up online right to work checks for colleagues who never come on site in their first month? Which provider did you use?",
      tags: ["right to work", "recruitment"],
      replies: [],
      ago: 6,
    },
    {
      kind: "announcement",
      who: "convenor",
      title: "Quarterly workshop: changes to family leave",
      body: "Our next workshop looks at the new family leave rules and what they mean for our letters and forms. It is online, so people on every site can come. Bring your questions; we will collect them here beforehand.",
      tags: ["workshop", "family leave"],
      replies: [{ who: "any", body: "Thank you for organising this. Will it be recorded?" }],
      ago: 12,
    },
  ],
  "education-administration": [
    {
      kind: "question",
      title: "Exam board papers: how far ahead do you circulate them?",
      body: "Our board members say they get the papers too late to read them properly. How many working days before the meeting do you send them out?",
      tags: ["exam boards", "assessment"],
      replies: [
        {
          who: "any",
          body: "Five working days for us, and we stick to it even if one paper is late: the late one goes separately.",
        },
        {
          who: "any",
          body: "We do seven, with a one-page summary on top. The summary is what most people actually read.",
        },
        { who: "asker", body: "A summary sheet is a good idea. I will try it at the next board." },
      ],
      accepted: 1,
      ago: 95,
    },
    {
      kind: "discussion",
      title: "Sharing timetabling clash reports between schools",
      body: "Each school builds its own clash report at the start of term. Would a shared format help us spot joint-honours clashes earlier?",
      tags: ["timetabling"],
      replies: [
        {
          who: "any",
          body: "Yes please. Joint-honours students fall between our two schools every single year.",
        },
        {
          who: "convenor",
          body: "Let us put this on the agenda for the termly session and draft something together.",
        },
      ],
      ago: 40,
    },
    {
      kind: "question",
      title: "Recording extenuating circumstances in the student record",
      body: "Where do you record the outcome of an extenuating circumstances panel so the exam board sees it without seeing the private details?",
      tags: ["student records", "assessment"],
      replies: [
        {
          who: "any",
          body: "We keep only the outcome code in the record, and the evidence in a restricted folder.",
        },
      ],
      ago: 18,
    },
    {
      kind: "question",
      title: "Template for the academic-year calendar",
      body: "Is the shared calendar template up to date for next year, or is there a newer version somewhere?",
      tags: ["templates"],
      replies: [],
      ago: 3,
    },
  ],
  "executive-and-personal-assistants": [
    {
      kind: "question",
      title: "Keeping two senior diaries in step",
      body: "I now support two directors who often need to meet each other. Any tips for keeping both diaries in step without double-booking?",
      tags: ["diary management"],
      replies: [
        {
          who: "any",
          body: "We block a standing half-hour twice a week for the two of them, then release it if it is not needed.",
        },
        {
          who: "any",
          body: "Colour-code anything that involves both, and check both diaries before accepting either.",
        },
        { who: "asker", body: "The standing slot is exactly what I needed. Thank you!", to: 0 },
      ],
      accepted: 0,
      ago: 60,
    },
    {
      kind: "discussion",
      title: "Minute-taking: action log or full minutes?",
      body: "Our leadership team is moving from full minutes to an action log. Has anybody made that switch, and what did you lose?",
      tags: ["minute taking", "governance"],
      replies: [
        {
          who: "any",
          body: "We kept a short 'decisions' section as well. Without it nobody could remember why an action existed.",
        },
        {
          who: "any",
          body: "Committees with a formal remit still need proper minutes, so check the terms of reference first.",
        },
      ],
      ago: 22,
    },
    {
      kind: "announcement",
      who: "convenor",
      title: "Spring development day: save the date",
      body: "This year's development day will be in late March. We are looking for two members to run a short session each. Reply here if you would like to.",
      tags: ["events"],
      replies: [{ who: "any", body: "I could do twenty minutes on planning overseas travel." }],
      ago: 9,
    },
  ],
  content: [
    {
      kind: "question",
      title: "Link text for downloadable documents",
      body: "Should link text for a PDF say the file type and size? Our style guide is silent on it.",
      tags: ["accessibility", "style guide"],
      replies: [
        {
          who: "any",
          body: "Yes: people on slow connections or screen readers want to know before they click. For example, 'Travel policy (PDF, 240 KB)'.",
        },
        { who: "asker", body: "Clear, thank you. I will propose it for the style guide." },
      ],
      accepted: 0,
      ago: 80,
    },
    {
      kind: "discussion",
      title: "Retiring old news pages",
      body: "We have news pages going back twelve years. Do you archive, delete or leave them alone?",
      tags: ["web publishing", "content lifecycle"],
      replies: [
        {
          who: "any",
          body: "We archive after three years with a banner that says the page is no longer updated.",
        },
        {
          who: "any",
          body: "Check with the records team first: some of ours had to stay for legal reasons.",
        },
        { who: "convenor", body: "Good topic for a critique session. Shall we do it next month?" },
      ],
      ago: 35,
    },
    {
      kind: "question",
      title: "Plain-language version of a complicated policy",
      body: "Has anybody written a plain-language summary of a policy that legal also had to approve? How did you get it agreed?",
      tags: ["plain language"],
      replies: [{ who: "any", body: "Following: we have the same problem with our expenses policy." }],
      ago: 14,
    },
    {
      kind: "question",
      title: "Alt text for charts in reports",
      body: "What do you put in the alt text for a bar chart with a dozen bars?",
      tags: ["accessibility"],
      replies: [],
      ago: 4,
    },
  ],
  technology: [
    {
      kind: "question",
      title: "Scheduling a script that updates a spreadsheet overnight",
      body: "I have a small script that tidies a shared spreadsheet. What is the supported way to run it every night instead of on my laptop?",
      tags: ["automation"],
      replies: [
        {
          who: "any",
          body: "Ask the service desk for a scheduled job on the automation server; they will want to know who owns it when you are on leave.",
        },
        { who: "any", body: "And keep the script in the shared code repository, not in a personal folder." },
        { who: "asker", body: "Done both. It ran last night without me. Thank you!" },
      ],
      accepted: 0,
      ago: 70,
    },
    {
      kind: "discussion",
      title: "Lightning talks for the next afternoon",
      body: "We have four slots left for the lightning-talk afternoon. Five minutes, any topic, no slides needed. What would you like to hear about?",
      tags: ["lightning talks"],
      replies: [
        { who: "any", body: "How the library moved its catalogue to the cloud, please." },
        { who: "any", body: "I could show the little dashboard we built for room bookings." },
        { who: "convenor", body: "Lovely, you are both in. Two slots left.", to: 1 },
      ],
      ago: 26,
    },
    {
      kind: "question",
      title: "Which database for a small internal tool?",
      body: "We are building a small tool for about thirty users. Is there a standard database we should use, or can we pick?",
      tags: ["data", "software development"],
      replies: [
        {
          who: "any",
          body: "PostgreSQL is the supported choice here, and the platform team can give you a managed one.",
        },
      ],
      ago: 11,
    },
    {
      kind: "question",
      title: "Rotating secrets for a service account",
      body: "How often should we rotate the password of a service account that only talks to one internal system?",
      tags: ["cloud", "security"],
      replies: [],
      ago: 2,
    },
  ],
  leadership: [
    {
      kind: "discussion",
      title: "Leading a team through a restructure you did not choose",
      body: "My team is being merged with another. I support the reasons but did not choose the timing. How have others handled the first conversation with their team?",
      tags: ["change", "line management"],
      replies: [
        {
          who: "any",
          body: "Say what you know, what you do not know yet and when you will know more. Then keep that promise.",
        },
        {
          who: "any",
          body: "Give people time on their own with you afterwards. The real questions come then.",
        },
        { who: "asker", body: "Thank you both. This helps a lot." },
      ],
      ago: 45,
    },
    {
      kind: "question",
      title: "Coaching questions for a one-to-one that keeps going in circles",
      body: "Any favourite questions for moving a one-to-one forward when the same issue comes back every month?",
      tags: ["coaching"],
      replies: [
        { who: "any", body: "'What would you try if you knew it could not fail?' works surprisingly often." },
        { who: "any", body: "I ask what they want from me this time: advice, a decision or just listening." },
      ],
      accepted: 1,
      ago: 16,
    },
  ],
  "leading-projects": [
    {
      kind: "question",
      title: "A lightweight template for a business case",
      body: "Our project is too small for the full business case template. Does anybody have a two-page version that finance accepts?",
      tags: ["business case", "templates"],
      replies: [
        {
          who: "any",
          body: "We use a two-pager: problem, options with rough costs, recommendation, risks. Finance were happy with it.",
        },
        { who: "asker", body: "Perfect. Would you share it in Resources?", to: 0 },
        { who: "any", body: "Uploaded this morning." },
      ],
      accepted: 0,
      ago: 85,
    },
    {
      kind: "discussion",
      title: "Retrospectives that people actually come to",
      body: "Attendance at our retrospectives has dropped. What has worked for you?",
      tags: ["agile", "retrospectives"],
      replies: [
        {
          who: "any",
          body: "Shorter, with one change agreed at the end, and a report back next time on whether it worked.",
        },
        { who: "any", body: "Rotate who runs it. People come when a colleague is running it." },
      ],
      ago: 28,
    },
    {
      kind: "question",
      title: "Handing over a project when you go on leave",
      body: "I am away for three weeks in the middle of delivery. What goes in a good handover note?",
      tags: ["project management"],
      replies: [],
      ago: 5,
    },
  ],
  security: [
    {
      kind: "question",
      title: "What counts as a reportable incident?",
      body: "If I send an email with an attachment to the wrong colleague inside the organisation, do I need to report it?",
      tags: ["data protection", "incidents"],
      replies: [
        {
          who: "any",
          body: "Yes, report it: the data protection team decides whether it is serious, not you. It takes five minutes and nobody gets into trouble for reporting.",
        },
        { who: "asker", body: "Good to know. I had been worrying I would get someone into trouble." },
      ],
      accepted: 0,
      ago: 55,
    },
    {
      kind: "discussion",
      title: "Glossary entries for next month",
      body: "Which terms should we add to the plain-English glossary next? Suggestions so far: phishing, multi-factor authentication, data breach.",
      tags: ["glossary"],
      replies: [
        {
          who: "any",
          body: "Please add 'tailgating': most people have not heard the word but have seen it happen.",
        },
      ],
      ago: 8,
    },
  ],
};

const SHORT_THANKS: readonly DemoReactionKind[] = ["thanks", "helpful", "helpful", "same_problem"];

function randInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

function pick<T>(rng: Rng, list: readonly T[]): T {
  const item = list[Math.floor(rng() * list.length)];
  if (item === undefined) throw new Error("pick() needs a non-empty list");
  return item;
}

/** A working-hours time `days` before `nowMs`, plus jitter. */
function workingTime(rng: Rng, nowMs: number, days: number): number {
  const day = nowMs - days * DAY_MS;
  return day - (day % DAY_MS) + randInt(rng, 8 * 60, 17 * 60) * MINUTE_MS;
}

export interface DiscussionPlan {
  rng: Rng;
  nowMs: number;
  memberships: readonly DemoMembership[];
  /** Communities that get discussions; others (dormant, closed, generated) get none here. */
  slugs: readonly string[];
  /** People who must not write anything (e.g. the member demo account, so its inbox stays clean). */
  quiet?: ReadonlySet<string>;
}

/**
 * Threads for each named community, written by its current members. Returns the threads and the
 * payroll expert's handle.
 */
export function writeDiscussions(plan: DiscussionPlan): {
  threads: DemoThread[];
  payrollExpert: string | null;
} {
  const { rng, nowMs } = plan;
  const threads: DemoThread[] = [];
  let payrollExpert: string | null = null;

  for (const slug of plan.slugs) {
    const scripts = SCRIPTS[slug];
    if (!scripts) continue;
    const members = plan.memberships
      .filter((m) => m.communitySlug === slug && m.state === "active" && !plan.quiet?.has(m.personHandle))
      .sort((a, b) => (a.joinedAt < b.joinedAt ? -1 : a.joinedAt > b.joinedAt ? 1 : 0));
    if (members.length === 0) continue;
    const convenors = members.filter((m) => m.role === "convenor");
    // The expert joined early (so can answer the oldest question) and is one of the core or convenors.
    const expert =
      slug === PAYROLL_EXPERT_COMMUNITY ? (members.find((m) => m.role === "core") ?? members[0]!) : null;
    if (expert) payrollExpert = expert.personHandle;

    for (const script of scripts) {
      let startMs = workingTime(rng, nowMs, script.ago + rng() * 2);
      // The expert must have joined before the questions they answer.
      if (expert && script.replies.some((r) => r.who === "expert"))
        startMs = Math.max(startMs, Date.parse(expert.joinedAt) + DAY_MS);
      // Whoever posts must have joined first; the earliest members always qualify.
      const joinedBy = (ms: number) => members.filter((m) => Date.parse(m.joinedAt) < ms);
      if (joinedBy(startMs).length < 3) {
        startMs = Math.min(
          nowMs - MINUTE_MS,
          Date.parse(members[Math.min(2, members.length - 1)]!.joinedAt) + DAY_MS,
        );
      }
      const eligible = joinedBy(startMs);
      const pool = eligible.length > 0 ? eligible : members.slice(0, 1);
      const eligibleConvenors = convenors.filter((m) => Date.parse(m.joinedAt) < startMs);
      const choose = (who: Who | undefined, asker: string, avoid: string | null): string => {
        if (who === "asker") return asker;
        if (who === "expert" && expert) return expert.personHandle;
        if (who === "convenor" && eligibleConvenors.length > 0)
          return pick(rng, eligibleConvenors).personHandle;
        const others = pool.filter(
          (m) =>
            m.personHandle !== asker && m.personHandle !== avoid && m.personHandle !== expert?.personHandle,
        );
        return pick(rng, others.length > 0 ? others : pool).personHandle;
      };
      const author =
        script.who === "convenor" && eligibleConvenors.length > 0
          ? pick(rng, eligibleConvenors).personHandle
          : choose("any", "", null);

      const replies: DemoReply[] = [];
      let at = startMs;
      for (const reply of script.replies) {
        at += randInt(rng, 20, 60 * 30) * MINUTE_MS;
        at = Math.min(at, nowMs - MINUTE_MS);
        replies.push({
          authorHandle: choose(reply.who, author, replies.at(-1)?.authorHandle ?? null),
          body: reply.body,
          createdAt: new Date(at).toISOString(),
          inReplyTo: reply.to ?? null,
        });
      }
      const accepted = script.kind === "question" && script.accepted !== undefined ? script.accepted : null;
      const acceptedAt =
        accepted === null
          ? null
          : new Date(
              Math.min(
                nowMs - MINUTE_MS,
                Date.parse(replies[accepted]!.createdAt) + randInt(rng, 30, 600) * MINUTE_MS,
              ),
            ).toISOString();

      // A few reactions: helpful on the accepted answer, thanks here and there.
      const reactions: DemoReaction[] = [];
      const seen = new Set<string>();
      const react = (reply: number | null, kind: DemoReactionKind) => {
        const target = reply === null ? author : replies[reply]!.authorHandle;
        const base = reply === null ? startMs : Date.parse(replies[reply]!.createdAt);
        const person = pick(rng, pool).personHandle;
        const key = `${reply}:${person}:${kind}`;
        if (person === target || seen.has(key)) return;
        seen.add(key);
        reactions.push({
          reply,
          personHandle: person,
          kind,
          createdAt: new Date(
            Math.min(nowMs - MINUTE_MS, base + randInt(rng, 10, 2000) * MINUTE_MS),
          ).toISOString(),
        });
      };
      if (accepted !== null) for (let i = randInt(rng, 1, 3); i > 0; i--) react(accepted, "helpful");
      if (replies.length > 0 && rng() < 0.6)
        react(randInt(rng, 0, replies.length - 1), pick(rng, SHORT_THANKS));
      if (script.kind === "question" && rng() < 0.4) react(null, "same_problem");

      threads.push({
        communitySlug: slug,
        authorHandle: author,
        kind: script.kind,
        title: script.title,
        body: script.body,
        tags: [...script.tags],
        createdAt: new Date(startMs).toISOString(),
        replies,
        accepted,
        acceptedAt,
        reactions,
      });
    }
  }
  // Mentions: the convenor's announcement in HR Operations asks the expert to help.
  const announcement = threads.find(
    (t) => t.communitySlug === PAYROLL_EXPERT_COMMUNITY && t.kind === "announcement",
  );
  if (announcement && payrollExpert) {
    announcement.body += ` @${payrollExpert} has kindly agreed to answer payroll questions on the day.`;
  }
  threads.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  return { threads, payrollExpert };
}
