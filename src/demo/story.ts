// The demo's story: what a real programme looks like after a few years. Charters (with a second
// version here and there), stage histories, join policies in use (a request waiting, an invitation
// waiting, someone on a break), a community that has gone quiet, one that has closed, and two
// proposals in review. Deterministic like the rest of the generator: it only draws from `rng`.

import type { DemoCommunity, DemoCommunityFacts, DemoMembership, DemoPerson, Stage } from "./generate.js";
import type { DivisionSlug } from "./names.js";

type Rng = () => number;
const DAY_MS = 86_400_000;

export type DecisionProcess = "consensus" | "vote" | "lead";

export interface DemoCharterVersion {
  communitySlug: string;
  version: number;
  mission: string;
  membershipCriteria: string;
  codeOfConduct: string;
  tools: string;
  meetingRhythm: string;
  decisionProcess: DecisionProcess;
  decisionNotes: string;
  summary: string;
  authorHandle: string;
  createdAt: string;
}

export interface DemoStageChange {
  communitySlug: string;
  fromStage: Stage;
  toStage: Stage;
  note: string;
  changedByHandle: string;
  createdAt: string;
}

export interface DemoProposalEvent {
  authorHandle: string;
  kind: "submitted" | "comment" | "changes_requested";
  body: string;
  createdAt: string;
}

export interface DemoProposal {
  proposerHandle: string;
  status: "submitted" | "changes_requested";
  name: string;
  practiceAreas: string[];
  need: string;
  audience: string;
  plannedActivities: string;
  foundingCoreHandles: string[];
  suggestedSponsorHandle: string | null;
  createdAt: string;
  updatedAt: string;
  events: DemoProposalEvent[];
  interestedHandles: string[];
}

export interface StoryCommunity extends DemoCommunityFacts {
  home: readonly DivisionSlug[];
  smallSize: readonly [number, number];
  largeSize: readonly [number, number];
  /** Nobody has joined (or done anything) for this many days. */
  quietForDays: number;
}

const DORMANT_SLUG = "sustainability-champions";
const CLOSED_SLUG = "print-and-post-users";

/** Two communities past their best: one gone quiet (dormant), one closed. */
export const STORY_COMMUNITIES: readonly StoryCommunity[] = [
  {
    slug: DORMANT_SLUG,
    name: "Sustainability Champions",
    tagline: "Colleagues cutting waste, energy and travel in their own teams.",
    description:
      "Champions from every building swap ideas for greener offices and labs: switching things off, sharing kit, travelling less and buying better.\n\nThe group was busy for its first two years. Its convenors have since moved on to other roles, and nobody has posted or met for some months.",
    type: "interest",
    practiceAreas: ["sustainability", "energy-saving", "travel"],
    joinPolicy: "open",
    visibility: "listed",
    stage: "launch",
    activeSince: "2021-04-19",
    home: ["estates"],
    smallSize: [20, 40],
    largeSize: [60, 160],
    quietForDays: 170,
  },
  {
    slug: CLOSED_SLUG,
    name: "Print and Post Room Users",
    tagline: "Getting printing and post out of the door on time.",
    description:
      "For everyone who sends large print runs or bulk post: exam papers, prospectuses, letters to every student. We shared deadlines, tips for the booking system and warnings about busy weeks.\n\nMost of this work now happens online, and the print room has joined Estates and Facilities.",
    type: "professional",
    practiceAreas: ["printing", "post", "facilities"],
    joinPolicy: "open",
    visibility: "listed",
    stage: "sustain",
    activeSince: "2016-10-03",
    home: ["estates", "student-administration"],
    smallSize: [20, 40],
    largeSize: [60, 160],
    quietForDays: 60,
  },
];

const CLOSING_NOTE =
  "Thank you to everyone who took part over eight years.\n\nPrinting and post are now part of **Estates and Facilities**, and questions about them go to the Estates service desk. Everything shared here stays readable, so the tips and the booking guides are still here when you need them.";

const GENERIC_QUESTION = "What would you like to get from this community, and what could you bring to it?";

const JOINING_QUESTIONS: Readonly<Record<string, string>> = {
  "executive-and-personal-assistants":
    "Which leader or team do you support, and what would you most like help with?",
};

/** Communities whose conversations stay among their members. */
const MEMBERS_ONLY = new Set(["executive-and-personal-assistants", "leadership"]);

// -----------------------------------------------------------------------------------------------
// Charters, in our own words.

const SHARED_CONDUCT = [
  "- Be kind and assume good intent. Everyone here is learning, including the experts.",
  "- Share what you can, and say when something is confidential. What is shared in confidence stays in the community.",
  "- Disagree with ideas, not people. Criticism should help the work get better.",
  "- Make room for others: keep contributions short in meetings and invite quieter voices in.",
  "- No selling, no recruiting and no chasing people for favours outside the community.",
  "- If something makes you uncomfortable, tell a convenor. They will listen and act.",
].join("\n");

interface CharterText {
  mission: string;
  membershipCriteria: string;
  conduct?: string;
  tools: string;
  meetingRhythm: string;
  decisionProcess: DecisionProcess;
  decisionNotes: string;
  /** A second version, for a couple of communities. */
  second?: { field: "meetingRhythm" | "tools" | "mission"; text: string; summary: string };
}

const CHARTERS: Readonly<Record<string, CharterText>> = {
  "education-administration": {
    mission:
      "We help the people who run teaching, assessment and the student record do it well and consistently, by sharing how each school does things and agreeing better ways together.",
    membershipCriteria:
      "Open to anyone whose work touches programmes, exams, boards or student records, in a school or a central team.",
    tools:
      "Discussions here for questions; the shared templates folder for checklists and calendars; the termly session for anything that needs a room.",
    meetingRhythm:
      "A 30-minute online show-and-tell on the first Tuesday of each month, and a half-day session in person each term.",
    decisionProcess: "consensus",
    decisionNotes:
      "Changes to shared templates are proposed in a discussion and adopted when nobody has a strong objection after two weeks.",
  },
  "hr-operations": {
    mission:
      "We make everyday HR work simpler and more consistent across divisions: new starters, contract changes, visas and leavers.",
    membershipCriteria:
      "HR administrators, advisers and systems specialists, and anyone in a division who does HR work as part of their job.",
    tools:
      "Discussions here; the tip-sheet library in Resources; the HR systems sandbox for trying changes before they go live.",
    meetingRhythm: "A fortnightly drop-in on Thursdays at 2pm, and a workshop each quarter.",
    decisionProcess: "lead",
    decisionNotes:
      "The convenors decide after hearing from members. Anything that changes a policy goes to the HR leadership team.",
    second: {
      field: "meetingRhythm",
      text: "A fortnightly drop-in on Thursdays at 2pm (online, so people on every site can come), a workshop each quarter, and an extra session whenever legislation changes.",
      summary: "Drop-ins are now online; added sessions for changes in legislation.",
    },
  },
  "executive-and-personal-assistants": {
    mission:
      "A peer network where assistants support each other, share good practice and grow in their careers.",
    membershipCriteria:
      "Executive assistants, personal assistants and office managers who support senior leaders. Membership is by request so conversations about senior diaries stay among assistants.",
    conduct: "- Never share the detail of a leader's diary, travel or correspondence outside this community.",
    tools: "Discussions here (members only); the mentoring scheme sign-up in Resources.",
    meetingRhythm: "A monthly lunchtime catch-up, and a development day every spring.",
    decisionProcess: "vote",
    decisionNotes: "Proposals are put to a simple majority vote of members who take part, open for one week.",
  },
  content: {
    mission:
      "We make what the organisation publishes clear, accessible and easy to find, and we help each other write better.",
    membershipCriteria: "Anyone who writes, edits or publishes for others to read. No experience needed.",
    tools:
      "Discussions here; the style guide and the critique sign-up sheet in Resources; recordings of past talks.",
    meetingRhythm: "A critique session every other Wednesday and a talk from a colleague each month.",
    decisionProcess: "consensus",
    decisionNotes:
      "Changes to the style guide are drafted in the open and agreed at a critique session; the convenors record the outcome.",
    second: {
      field: "tools",
      text: "Discussions here; the style guide, the accessibility checklist and the critique sign-up sheet in Resources; recordings of past talks, with transcripts.",
      summary: "Added the accessibility checklist and transcripts of recordings.",
    },
  },
  technology: {
    mission:
      "We share how we build and run our systems, so that good ideas spread and nobody solves the same problem twice.",
    membershipCriteria:
      "Anyone who builds, supports or enjoys working with digital tools, whatever their job title.",
    tools: "Discussions here; the demo calendar; the code samples repository.",
    meetingRhythm: "Lightning talks on the last Friday of each month, and an unconference once a year.",
    decisionProcess: "consensus",
    decisionNotes: "Talks and topics are chosen by whoever turns up; the convenors break ties.",
  },
  leadership: {
    mission:
      "A trusted circle where people who lead teams and services can think through real challenges with peers.",
    membershipCriteria:
      "Heads of service and team leaders, by invitation from the convenors, so that the group stays small enough to trust.",
    conduct: "- What is said in a session stays in the session. Share lessons, never names or stories.",
    tools: "Sessions in person; discussions here are for members only.",
    meetingRhythm: "An action-learning session every six weeks, two hours, in person.",
    decisionProcess: "consensus",
    decisionNotes: "The group agrees its own topics and who is invited next, at the end of each session.",
  },
  "leading-projects": {
    mission:
      "We help people plan, run and close projects with less stress, by sharing methods, templates and honest lessons.",
    membershipCriteria: "Anyone who runs a project, whether it is their job or their first time.",
    tools: "Discussions here; the template library; the plan-review pairing list.",
    meetingRhythm: "Every other month: one project's story, the good and the bad, then questions.",
    decisionProcess: "lead",
    decisionNotes: "The convenors choose the speakers and keep the template library in order.",
  },
  security: {
    mission:
      "We help colleagues in every division keep information, systems and buildings safe, in plain English.",
    membershipCriteria: "Security specialists, and anyone who finds themselves answering security questions.",
    tools: "Discussions here; the glossary and incident-reporting walk-through in Resources.",
    meetingRhythm: "A 20-minute briefing on current threats every fortnight while we pilot.",
    decisionProcess: "lead",
    decisionNotes: "During the pilot the convenors decide, and ask the core group before any change.",
  },
};

const STAGE_ORDER: readonly Stage[] = ["inquire", "design", "prototype", "launch", "grow", "sustain"];
const STAGE_NOTES: Readonly<Record<Stage, string>> = {
  inquire: "",
  design: "We know who it is for and why. Now agreeing how it will run.",
  prototype: "Trying a first meeting rhythm with a small group.",
  launch: "The pilot went well: open to everyone now.",
  grow: "Membership is steady; the focus now is bringing new people in.",
  sustain: "Well established. Keeping it fresh and handing on roles.",
};

// -----------------------------------------------------------------------------------------------

const iso = (ms: number) => new Date(ms).toISOString();
const isoDay = (ms: number) => iso(ms).slice(0, 10);
const randInt = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
/** Working hours, so dates look like real acts. */
const atWorkingHour = (rng: Rng, dayMs: number) =>
  Math.floor(dayMs / DAY_MS) * DAY_MS + randInt(rng, 9 * 60, 17 * 60) * 60_000;

export interface StoryInput {
  rng: Rng;
  nowMs: number;
  people: DemoPerson[];
  plans: { community: DemoCommunityFacts; endMs: number | null }[];
  memberships: DemoMembership[];
  /** Handles of each community's convenors. */
  convenors: Map<string, string[]>;
  accounts: Record<"admin" | "programme" | "convenor" | "member", string>;
  namedSlugs: string[];
}

export function tellStory(input: StoryInput) {
  const { rng, nowMs, people, memberships, accounts } = input;
  const accountHandles = new Set(Object.values(accounts));
  const bySlug = new Map<string, DemoMembership[]>();
  for (const membership of memberships) {
    const list = bySlug.get(membership.communitySlug) ?? [];
    list.push(membership);
    bySlug.set(membership.communitySlug, list);
  }
  const convenorOf = (slug: string) => input.convenors.get(slug)?.[0] ?? accounts.programme;

  const communities: DemoCommunity[] = input.plans.map(({ community }) => ({
    ...community,
    contentAccess:
      MEMBERS_ONLY.has(community.slug) || community.joinPolicy === "invite" ? "members" : "staff",
    joiningQuestion:
      JOINING_QUESTIONS[community.slug] ?? (community.joinPolicy === "request" ? GENERIC_QUESTION : ""),
    status: "active",
    stageChangedAt: null,
    dormantSince: null,
    closedAt: null,
    closingNote: null,
    closedByHandle: null,
  }));
  const endOf = new Map(input.plans.map((plan) => [plan.community.slug, plan.endMs ?? nowMs]));

  // Every active community has had someone join in the last few weeks, so the dormancy sweep
  // flags only the one community meant to be quiet.
  for (const community of communities) {
    if (endOf.get(community.slug) !== nowMs) continue;
    const members = bySlug.get(community.slug) ?? [];
    let latest: DemoMembership | undefined;
    for (const m of members) if (!latest || m.joinedAt > latest.joinedAt) latest = m;
    const startMs = Date.parse(`${community.activeSince}T00:00:00Z`);
    if (latest && Date.parse(latest.joinedAt) < nowMs - 45 * DAY_MS) {
      const ms = atWorkingHour(rng, nowMs - randInt(rng, 3, 40) * DAY_MS);
      if (ms >= startMs && ms <= nowMs) latest.joinedAt = iso(ms);
    }
  }

  // The quiet community and the closed one.
  const dormant = communities.find((c) => c.slug === DORMANT_SLUG);
  if (dormant) {
    dormant.status = "dormant";
    dormant.dormantSince = iso(atWorkingHour(rng, (endOf.get(DORMANT_SLUG) ?? nowMs) + 91 * DAY_MS));
  }
  const closed = communities.find((c) => c.slug === CLOSED_SLUG);
  if (closed) {
    closed.status = "closed";
    closed.closedAt = iso(atWorkingHour(rng, (endOf.get(CLOSED_SLUG) ?? nowMs) + 25 * DAY_MS));
    closed.closingNote = CLOSING_NOTE;
    closed.closedByHandle = accounts.programme;
  }

  // Someone in HR Operations is on a break.
  const hr = (bySlug.get("hr-operations") ?? []).filter(
    (m) => m.role === "member" && !accountHandles.has(m.personHandle),
  );
  const resting = hr[randInt(rng, 0, Math.max(0, hr.length - 1))];
  if (resting) {
    resting.state = "on_break";
    resting.breakStartedAt = iso(
      Math.max(Date.parse(resting.joinedAt), atWorkingHour(rng, nowMs - 9 * DAY_MS)),
    );
    resting.breakUntil = isoDay(nowMs + 40 * DAY_MS);
  }

  // Two people waiting for the assistants' convenors to answer.
  const outsiders = (slug: string) => {
    const inside = new Set((bySlug.get(slug) ?? []).map((m) => m.personHandle));
    return people.filter((p) => !inside.has(p.handle) && !accountHandles.has(p.handle));
  };
  const assistantsPool = outsiders("executive-and-personal-assistants");
  const preferred = assistantsPool.filter((p) => p.divisionSlug === "executive-office");
  const answers = [
    "I support the Director of Estates and I am new to the role. I would love to learn how others manage a diary that changes by the hour.",
    "I look after two heads of school. I would like help with committee papers, and I can share the travel booking checklist I use.",
  ];
  const requesters = pickDistinct(rng, preferred.length >= 2 ? preferred : assistantsPool, 2);
  requesters.forEach((person, index) => {
    memberships.push({
      communitySlug: "executive-and-personal-assistants",
      personHandle: person.handle,
      role: "member",
      involvement: "take_part",
      joinedAt: iso(atWorkingHour(rng, nowMs - (index === 0 ? 5 : 2) * DAY_MS)),
      state: "requested",
      requestAnswer: answers[index] ?? answers[0],
    });
  });

  // The member account has been invited to Leadership and has not answered yet.
  memberships.push({
    communitySlug: "leadership",
    personHandle: accounts.member,
    role: "member",
    involvement: "take_part",
    joinedAt: iso(atWorkingHour(rng, nowMs - 3 * DAY_MS)),
    state: "invited",
    invitedByHandle: convenorOf("leadership"),
  });

  // Stage histories: each move from inquire up to today's stage, spread over the community's life.
  const stageChanges: DemoStageChange[] = [];
  const storied = new Set([...input.namedSlugs, ...STORY_COMMUNITIES.map((c) => c.slug)]);
  for (const community of communities) {
    if (!storied.has(community.slug)) continue;
    const target = STAGE_ORDER.indexOf(community.stage);
    if (target <= 0) continue;
    const startMs = Date.parse(`${community.activeSince}T00:00:00Z`);
    const endMs = Math.min(endOf.get(community.slug) ?? nowMs, nowMs - 20 * DAY_MS);
    if (endMs <= startMs) continue;
    const step = Math.min((endMs - startMs) / (target + 1), 240 * DAY_MS);
    let last = 0;
    for (let i = 1; i <= target; i++) {
      last = atWorkingHour(rng, startMs + Math.round(i * step));
      stageChanges.push({
        communitySlug: community.slug,
        fromStage: STAGE_ORDER[i - 1] ?? "inquire",
        toStage: STAGE_ORDER[i] ?? "inquire",
        note: STAGE_NOTES[STAGE_ORDER[i] ?? "inquire"],
        changedByHandle: convenorOf(community.slug),
        createdAt: iso(last),
      });
    }
    community.stageChangedAt = iso(last);
  }

  // Charters: version 1 soon after the start, and a second version lately for a couple.
  const charters: DemoCharterVersion[] = [];
  for (const community of communities) {
    const text = CHARTERS[community.slug];
    if (!text) continue;
    const author = convenorOf(community.slug);
    const startMs = Date.parse(`${community.activeSince}T00:00:00Z`);
    const codeOfConduct = text.conduct ? `${SHARED_CONDUCT}\n${text.conduct}` : SHARED_CONDUCT;
    const first: DemoCharterVersion = {
      communitySlug: community.slug,
      version: 1,
      mission: text.mission,
      membershipCriteria: text.membershipCriteria,
      codeOfConduct,
      tools: text.tools,
      meetingRhythm: text.meetingRhythm,
      decisionProcess: text.decisionProcess,
      decisionNotes: text.decisionNotes,
      summary: "Our first charter.",
      authorHandle: author,
      createdAt: iso(atWorkingHour(rng, Math.min(startMs + 21 * DAY_MS, nowMs - 60 * DAY_MS))),
    };
    charters.push(first);
    if (text.second) {
      charters.push({
        ...first,
        version: 2,
        [text.second.field]: text.second.text,
        summary: text.second.summary,
        createdAt: iso(atWorkingHour(rng, nowMs - randInt(rng, 6, 20) * DAY_MS)),
      });
    }
  }

  // Two proposals from the member account: one waiting for review, one sent back for changes.
  const research = people.filter(
    (p) => p.divisionSlug === "research-services" && !accountHandles.has(p.handle),
  );
  const hrPeople = people.filter(
    (p) => (p.divisionSlug === "hr" || p.divisionSlug === "estates") && !accountHandles.has(p.handle),
  );
  const anyone = people.filter((p) => !accountHandles.has(p.handle));
  const [stewardSponsor, ...stewardCore] = pickDistinct(rng, research, 4);
  const [mentorSponsor, ...mentorCore] = pickDistinct(rng, hrPeople, 3);
  const submittedAt = atWorkingHour(rng, nowMs - 6 * DAY_MS);
  const requestedAt = atWorkingHour(rng, nowMs - 20 * DAY_MS);
  const changesAt = atWorkingHour(rng, nowMs - 15 * DAY_MS);
  const proposals: DemoProposal[] = [
    {
      proposerHandle: accounts.member,
      status: "submitted",
      name: "Research Data Stewards",
      practiceAreas: ["research-data", "data-management", "open-research"],
      need: "Every research group now needs a data management plan, and the people who write and follow them work alone. Questions about storage, retention and sharing get answered again and again in different corners.",
      audience:
        "Research administrators, data stewards in schools, library staff who advise on open research, and IT colleagues who run research storage.",
      plannedActivities:
        "A monthly clinic where anyone can bring a data management plan, a shared set of worked examples, and a short guide to where research data can safely live.",
      foundingCoreHandles: stewardCore.map((p) => p.handle),
      suggestedSponsorHandle: stewardSponsor?.handle ?? null,
      createdAt: iso(submittedAt),
      updatedAt: iso(submittedAt + 3 * DAY_MS),
      events: [
        { authorHandle: accounts.member, kind: "submitted", body: "", createdAt: iso(submittedAt) },
        {
          authorHandle: accounts.programme,
          kind: "comment",
          body: "Thank you, this is a clear need. Could you say which systems the stewards would look after, and how this differs from the Library's open research drop-in? We will discuss it at next week's review.",
          createdAt: iso(submittedAt + 2 * DAY_MS),
        },
        {
          authorHandle: accounts.member,
          kind: "comment",
          body: "Mostly the research storage service and the repository. The drop-in answers one-off questions; this would be for the people who do this work every week.",
          createdAt: iso(submittedAt + 3 * DAY_MS),
        },
      ],
      interestedHandles: pickDistinct(rng, anyone, 5).map((p) => p.handle),
    },
    {
      proposerHandle: accounts.member,
      status: "changes_requested",
      name: "Apprenticeship Mentors",
      practiceAreas: ["apprenticeships", "mentoring", "learning-and-development"],
      need: "We have more apprentices every year, and the colleagues who mentor them have nowhere to compare notes.",
      audience: "Anyone who mentors or line-manages an apprentice.",
      plannedActivities: "A termly meet-up and a discussion space for quick questions.",
      foundingCoreHandles: mentorCore.map((p) => p.handle),
      suggestedSponsorHandle: mentorSponsor?.handle ?? null,
      createdAt: iso(requestedAt),
      updatedAt: iso(changesAt),
      events: [
        { authorHandle: accounts.member, kind: "submitted", body: "", createdAt: iso(requestedAt) },
        {
          authorHandle: accounts.programme,
          kind: "changes_requested",
          body: "We like this. Before we approve it, please say who from HR's early careers team will be involved, and add one or two activities for the first three months so the founding group knows where to start.",
          createdAt: iso(changesAt),
        },
      ],
      interestedHandles: pickDistinct(rng, anyone, 3).map((p) => p.handle),
    },
  ];

  return { communities, charters, stageChanges, proposals };
}

function pickDistinct<T>(rng: Rng, list: readonly T[], count: number): T[] {
  const copy = [...list];
  const n = Math.min(count, copy.length);
  for (let i = 0; i < n; i++) {
    const j = randInt(rng, i, copy.length - 1);
    const a = copy[i] as T;
    copy[i] = copy[j] as T;
    copy[j] = a;
  }
  return copy.slice(0, n);
}
