// Deterministic generator for a demo organisation: divisions, people, communities of practice,
// memberships and four ready-made sign-in accounts. Same options in, deep-equal data out, so demos,
// screenshots and tests are reproducible. No I/O and no dependencies beyond the word lists.

import { type DemoThread, writeDiscussions } from "./discussions.js";
import { type DemoEvent, type DemoEventSeries, writeEvents } from "./events.js";
import {
  ACTIVITIES,
  BIO_CLOSERS,
  BIO_FOCUS,
  BIO_OPENERS,
  CAN_HELP_WITH,
  DESCRIPTION_WHAT,
  DESCRIPTION_WHO,
  DIVISIONS,
  type DivisionSlug,
  GENERAL_HELP,
  GENERAL_SKILLS,
  GEO_FORMS,
  GEO_PLACES,
  HOBBIES,
  JOB_TITLES,
  LOCATIONS,
  NAME_GROUPS,
  NEUTRAL_FIRST_NAMES,
  PASSWORD_WORDS,
  PREVIOUS_SECTORS,
  PROFESSIONAL_FORMS,
  RESOURCES,
  RHYTHMS,
  SKILL_PHRASES,
  SKILLS,
  TAGLINES,
  TECHNOLOGY_FORMS,
  TOPICS,
  type TopicSeed,
  type TopicType,
  WANTS_TO_LEARN,
  WORD_DISPLAY,
} from "./names.js";
import { type DemoCollection, type DemoResource, writeResources } from "./resources.js";
import {
  type DemoCharterVersion,
  type DemoProposal,
  type DemoStageChange,
  STORY_COMMUNITIES,
  type StoryCommunity,
  tellStory,
} from "./story.js";

export type CommunityType = "professional" | "technology" | "interest" | "geographic";
export type Stage = "inquire" | "design" | "prototype" | "launch" | "grow" | "sustain";
export type JoinPolicy = "open" | "request" | "invite";
export type MembershipRole = "convenor" | "core" | "member" | "sponsor";
export type Involvement = "follow" | "take_part" | "help_run";
export type Mentoring = "offer" | "seek" | "neither";
export type DemoSize = "small" | "large";
export type { DemoReaction, DemoReply, DemoThread } from "./discussions.js";
export type { DemoEvent, DemoEventSeries, DemoRsvp, DemoSession } from "./events.js";
export type { DemoCollection, DemoResource, DemoRevision } from "./resources.js";
export type { DemoCharterVersion, DemoProposal, DemoStageChange } from "./story.js";
export interface DemoDivision {
  slug: string;
  name: string;
}
export interface DemoPerson {
  handle: string; // unique, lowercase, [a-z0-9-], e.g. "amara-okafor", "amara-okafor-2"
  name: string;
  email: string; // unique, lowercase, "first.last@<domain>" with a number on collision
  jobTitle: string;
  divisionSlug: string;
  location: string;
  timeZone: string; // IANA zone
  pronouns: string | null;
  bio: string; // 1-3 sentences of markdown
  skills: string[]; // 2-6 lowercase tags
  canHelpWith: string;
  wantsToLearn: string;
  mentoring: Mentoring;
}
/** What a community is, before the story (status, charter, history) is added. */
export interface DemoCommunityFacts {
  slug: string;
  name: string;
  tagline: string;
  description: string; // markdown, 2 short paragraphs
  type: CommunityType;
  practiceAreas: string[];
  joinPolicy: JoinPolicy;
  visibility: "listed" | "unlisted";
  stage: Stage;
  activeSince: string; // YYYY-MM-DD
}
export interface DemoCommunity extends DemoCommunityFacts {
  contentAccess: "staff" | "members";
  joiningQuestion: string;
  status: "active" | "dormant" | "closed";
  stageChangedAt: string | null; // ISO timestamps from here on
  dormantSince: string | null;
  closedAt: string | null;
  closingNote: string | null; // markdown
  closedByHandle: string | null;
}
export type DemoMembershipState = "active" | "on_break" | "requested" | "invited";
export interface DemoMembership {
  communitySlug: string;
  personHandle: string;
  role: MembershipRole;
  involvement: Involvement;
  joinedAt: string; // ISO timestamp
  state: DemoMembershipState;
  /** Requests: the answer to the joining question. */
  requestAnswer?: string;
  /** Invitations: who invited. */
  invitedByHandle?: string;
  /** Breaks: back after this date (YYYY-MM-DD), and since when. */
  breakUntil?: string;
  breakStartedAt?: string;
}
export interface DemoAccount {
  label: "admin" | "programme" | "convenor" | "member";
  siteRole: "admin" | "programme" | "member";
  personHandle: string;
  email: string;
  password: string;
}
export interface DemoOrganisation {
  divisions: DemoDivision[];
  people: DemoPerson[];
  communities: DemoCommunity[];
  memberships: DemoMembership[];
  accounts: DemoAccount[];
  charters: DemoCharterVersion[];
  stageChanges: DemoStageChange[];
  proposals: DemoProposal[];
  /** Discussions in the named communities (the large demo adds its bulk posts in SQL when seeding). */
  threads: DemoThread[];
  /** The HR Operations member with accepted answers on payroll questions. */
  payrollExpertHandle: string | null;
  /** Recurring series and events (occurrences included), with answers, outputs and session boards. */
  eventSeries: DemoEventSeries[];
  events: DemoEvent[];
  /** A few communities' resources (the same handful in both sizes), with one collection. */
  resources: DemoResource[];
  collections: DemoCollection[];
}

const DEFAULT_NOW = "2026-11-01T09:00:00Z";
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const PEOPLE_COUNT: Readonly<Record<DemoSize, number>> = { small: 300, large: 30_000 };
const COMMUNITY_COUNT: Readonly<Record<DemoSize, number>> = { small: 8, large: 300 };
const SIZE_LIMITS: Readonly<Record<DemoSize, readonly [number, number]>> = {
  small: [8, 120],
  large: [10, 1500],
};

// ---------------------------------------------------------------------------------------------
// Randomness

type Rng = () => number;

// mulberry32: tiny, fast and good enough for demo data; state is a single 32-bit integer.
function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// One independent stream per concern, so that (say) tweaking how bios are written does not
// reshuffle which people join which community for the same seed.
function streamFor(seed: number, salt: number): Rng {
  let h = (Math.trunc(seed) ^ Math.imul(salt, 0x9e3779b9)) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return mulberry32(h);
}

function pick<T>(rng: Rng, list: readonly T[]): T {
  const item = list[Math.floor(rng() * list.length)];
  if (item === undefined) throw new Error("pick() needs a non-empty list");
  return item;
}

function randInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

function chance(rng: Rng, probability: number): boolean {
  return rng() < probability;
}

// Cumulative weights are built once because people generation draws tens of thousands of times.
function weightedPicker<T>(items: readonly T[], weightOf: (item: T) => number): (rng: Rng) => T {
  let total = 0;
  const entries = items.map((item) => {
    total += weightOf(item);
    return { item, upTo: total };
  });
  const last = entries[entries.length - 1];
  if (!last) throw new Error("weightedPicker() needs a non-empty list");
  return (rng) => {
    const target = rng() * total;
    for (const entry of entries) if (target < entry.upTo) return entry.item;
    return last.item;
  };
}

// Partial Fisher-Yates on a copy: `count` distinct items in random order.
function sampleDistinct<T>(rng: Rng, list: readonly T[], count: number): T[] {
  const copy = [...list];
  const n = Math.min(count, copy.length);
  for (let i = 0; i < n; i++) {
    const j = randInt(rng, i, copy.length - 1);
    const a = copy[i];
    const b = copy[j];
    if (a === undefined || b === undefined) continue;
    copy[i] = b;
    copy[j] = a;
  }
  return copy.slice(0, n);
}

// ---------------------------------------------------------------------------------------------
// Text helpers

// Letters that NFD does not decompose into an ASCII base plus an accent.
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ł: "l",
  ø: "o",
  æ: "ae",
  œ: "oe",
  ß: "ss",
  đ: "d",
  ı: "i",
};

function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[łøæœßđı]/g, (letter) => SPECIAL_LETTERS[letter] ?? "")
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

// First use of a key gets it bare; later uses get a counter via `numbered`. Keys never end in a
// digit (they come from names), so a numbered key can never clash with a bare one.
function uniqueKey(counts: Map<string, number>, base: string, numbered: (base: string, n: number) => string) {
  const seen = (counts.get(base) ?? 0) + 1;
  counts.set(base, seen);
  return seen === 1 ? base : numbered(base, seen);
}

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "");
}

function fill(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => vars[key] ?? match);
}

// Picks a template whose placeholders can all be filled, e.g. skipping "based at {location}"
// for people who work remotely.
function fillFitting(rng: Rng, templates: readonly string[], vars: Readonly<Record<string, string>>): string {
  const fitting = templates.filter((template) => placeholders(template).every((key) => vars[key]));
  return fill(pick(rng, fitting.length > 0 ? fitting : templates), vars);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

const KEEP_CASE = new Set(Object.values(WORD_DISPLAY));

function skillWords(tag: string): string {
  const phrase = SKILL_PHRASES[tag];
  if (phrase) return phrase;
  return tag
    .split("-")
    .map((word) => WORD_DISPLAY[word] ?? word)
    .join(" ");
}

// "Research Funding" -> "research funding", but "Power BI", "DevOps" and "Python" keep their case.
function topicPhrase(topic: TopicSeed): string {
  if (topic.phrase) return topic.phrase;
  return topic.name
    .split(" ")
    .map((word) => (KEEP_CASE.has(word) || /^.+[A-Z]/.test(word) ? word : word.toLowerCase()))
    .join(" ");
}

function withArticle(title: string): string {
  // "an HR Adviser", "a User Experience Designer", "a University Librarian".
  const vowelSound = /^(HR\b|[AEIO])/.test(title) || (/^U/.test(title) && !/^U(ni|se|s)/.test(title));
  return `${vowelSound ? "an" : "a"} ${title}`;
}

function yearsPhrase(years: number): string {
  return years === 1 ? "a year" : `${years} years`;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// People

interface PeopleIndex {
  people: DemoPerson[];
  senior: number[]; // indices of heads and directors, the natural sponsors
  byDivision: Map<DivisionSlug, number[]>;
}

const SKILL_COUNTS: readonly number[] = [2, 3, 3, 4, 4, 4, 5, 5, 6];
const DIVISION_NAMES = new Map<string, string>(DIVISIONS.map((division) => [division.slug, division.name]));

function generatePeople(rng: Rng, count: number, domain: string): PeopleIndex {
  const pickGroup = weightedPicker(NAME_GROUPS, (group) => group.weight);
  const pickDivision = weightedPicker(DIVISIONS, (division) => division.weight);
  const pickLocation = weightedPicker(LOCATIONS, (location) => location.weight);
  const handleCounts = new Map<string, number>();
  const emailCounts = new Map<string, number>();
  const people: DemoPerson[] = [];
  const senior: number[] = [];
  const byDivision = new Map<DivisionSlug, number[]>(DIVISIONS.map((division) => [division.slug, []]));

  for (let i = 0; i < count; i++) {
    const group = pickGroup(rng);
    const roll = rng();
    const gender = roll < 0.47 ? "f" : roll < 0.94 ? "m" : "n";
    const firstNames =
      gender === "f" ? group.feminine : gender === "m" ? group.masculine : NEUTRAL_FIRST_NAMES;
    // Large organisations would otherwise be full of namesakes (the lists are only a few hundred
    // long), so re-roll a taken name a few times, widening the surname choice as we go.
    let first = "";
    let surname = "";
    for (let attempt = 0; attempt < 4; attempt++) {
      first = pick(rng, firstNames);
      // Most surnames share the first name's background; the rest reflect mixed families and marriages.
      surname = pick(rng, attempt < 2 && chance(rng, 0.82) ? group.surnames : pickGroup(rng).surnames);
      if (chance(rng, 0.03)) {
        const second = pick(rng, pickGroup(rng).surnames);
        if (second !== surname && !`${surname}${second}`.includes(" ")) surname = `${surname}-${second}`;
      }
      if (!handleCounts.has(slugify(`${first} ${surname}`))) break;
    }
    const name = `${first} ${surname}`;
    const handle = uniqueKey(handleCounts, slugify(name), (base, n) => `${base}-${n}`);
    const local = uniqueKey(emailCounts, `${slugify(first)}.${slugify(surname)}`, (base, n) => `${base}${n}`);

    const division = pickDivision(rng);
    const isSenior = chance(rng, 0.07);
    const titles = JOB_TITLES[division.slug];
    const jobTitle = pick(rng, isSenior ? titles.senior : titles.common);
    const skills = pickSkills(rng, division.slug, () => pickDivision(rng).slug);
    const location = pickLocation(rng);

    let pronouns: string | null = null;
    if (chance(rng, 0.3)) {
      if (gender === "n") pronouns = pick(rng, ["they/them", "they/them", "she/her", "he/him"]);
      else pronouns = chance(rng, 0.92) ? (gender === "f" ? "she/her" : "he/him") : "they/them";
    }
    const mentoringRoll = rng();
    const mentoring: Mentoring = mentoringRoll < 0.2 ? "offer" : mentoringRoll < 0.35 ? "seek" : "neither";

    const help = chance(rng, 0.3)
      ? [pick(rng, CAN_HELP_WITH[division.slug]), pick(rng, GENERAL_HELP)]
      : sampleDistinct(rng, CAN_HELP_WITH[division.slug], randInt(rng, 1, 2));
    const learn = sampleDistinct(rng, WANTS_TO_LEARN, randInt(rng, 1, 2));

    const index = people.length;
    people.push({
      handle,
      name,
      email: `${local}@${domain}`,
      jobTitle,
      divisionSlug: division.slug,
      location: location.name,
      timeZone: location.timeZone,
      pronouns,
      bio: writeBio(rng, jobTitle, division.phrase ?? division.name, location.name, skills),
      skills,
      canHelpWith: `${capitalise(joinList(help))}.`,
      wantsToLearn: `${capitalise(joinList(learn))}.`,
      mentoring,
    });
    if (isSenior) senior.push(index);
    byDivision.get(division.slug)?.push(index);
  }
  return { people, senior, byDivision };
}

// Mostly skills from the person's own division, plus now and then a general or neighbouring one,
// which is what makes cross-division matches possible.
function pickSkills(rng: Rng, division: DivisionSlug, otherDivision: () => DivisionSlug): string[] {
  const target = pick(rng, SKILL_COUNTS);
  const extras: string[] = [];
  if (chance(rng, 0.45)) extras.push(pick(rng, GENERAL_SKILLS));
  if (chance(rng, 0.12)) extras.push(pick(rng, SKILLS[otherDivision()]));
  const own = SKILLS[division];
  const skills = new Set<string>(sampleDistinct(rng, own, Math.max(1, target - extras.length)));
  for (const extra of extras) skills.add(extra);
  while (skills.size < 2) skills.add(pick(rng, own));
  return [...skills].slice(0, 6);
}

function writeBio(rng: Rng, jobTitle: string, division: string, location: string, skills: string[]): string {
  const [first = "teamwork", second, third] = sampleDistinct(rng, skills, 3).map(skillWords);
  const vars: Record<string, string> = {
    aTitle: withArticle(jobTitle),
    division,
    // Remote workers get openers that do not say where they are based.
    location: location.startsWith("Working remotely") ? "" : location,
    years: yearsPhrase(randInt(rng, 1, 22)),
    previous: pick(rng, PREVIOUS_SECTORS),
    skill: first,
    skill2: second ?? "",
    hobby: pick(rng, HOBBIES),
  };
  const opener = fillFitting(rng, BIO_OPENERS, vars);
  const sentences = [opener];
  // Do not repeat the opener's skill in the next sentence.
  const focusVars = opener.includes(first)
    ? { ...vars, skill: second ?? first, skill2: third ?? first }
    : vars;
  if (chance(rng, 0.7)) sentences.push(fillFitting(rng, BIO_FOCUS, focusVars));
  if (chance(rng, 0.45)) sentences.push(fillFitting(rng, BIO_CLOSERS, vars));
  return sentences.join(" ");
}

// ---------------------------------------------------------------------------------------------
// Communities

interface CommunityPlan {
  community: DemoCommunityFacts;
  /** Nobody joins after this (a community that went quiet or closed); default: now. */
  endMs?: number;
  home: readonly DivisionSlug[]; // divisions most members come from; empty means anyone
  geoMatch: readonly string[] | null; // location fragments for geographic communities
  size: number;
  hasSponsor: boolean;
}

interface NamedCommunity extends DemoCommunityFacts {
  home: readonly DivisionSlug[];
  smallSize: readonly [number, number];
  largeSize: readonly [number, number];
}

// The eight communities every demo has, so walkthroughs can refer to them by name.
const NAMED_COMMUNITIES: readonly NamedCommunity[] = [
  {
    slug: "education-administration",
    name: "Education Administration",
    tagline: "For everyone who keeps teaching, assessment and the student record running.",
    description:
      "A home for the colleagues who organise programmes, exams, boards and records in schools and central teams. Whether you timetable a single course or run a registry-wide process, someone here has already solved your puzzle.\n\nWe meet online every month for a short show-and-tell, hold a longer in-person session each term, and look after a shared set of templates, checklists and academic-year calendars that members keep up to date.",
    type: "professional",
    practiceAreas: ["student-administration", "assessment", "timetabling", "quality-assurance"],
    joinPolicy: "open",
    visibility: "listed",
    stage: "sustain",
    activeSince: "2017-09-18",
    home: ["student-administration", "academic-departments"],
    smallSize: [70, 120],
    largeSize: [800, 1500],
  },
  {
    slug: "hr-operations",
    name: "HR Operations",
    tagline: "Practical help for the people who make contracts, pay and onboarding happen.",
    description:
      "HR Operations links HR administrators, advisers and systems specialists from every division. We compare how each area handles the same everyday tasks (new starters, contract changes, visas, leavers) and agree simpler, more consistent ways of doing them.\n\nThere is a fortnightly drop-in for quick questions, a workshop each quarter when policy or legislation changes, and a growing shelf of tip-sheets written by members for members.",
    type: "professional",
    practiceAreas: ["hr-operations", "payroll", "recruitment", "hr-systems"],
    joinPolicy: "open",
    visibility: "listed",
    stage: "grow",
    activeSince: "2019-03-04",
    home: ["hr"],
    smallSize: [40, 90],
    largeSize: [400, 900],
  },
  {
    slug: "executive-and-personal-assistants",
    name: "Executive and Personal Assistants",
    tagline: "A peer network for assistants who support senior leaders.",
    description:
      "Assistants are often the only person in their team doing their kind of job. This community gives EAs, PAs and office managers somewhere to trade tips on diaries, travel, committee papers and the quiet art of taming a busy inbox.\n\nWe ask new members to request access so conversations about senior diaries stay among assistants. Alongside the forum we run a mentoring scheme that pairs experienced and newer assistants, and a development day every spring.",
    type: "professional",
    practiceAreas: ["diary-management", "minute-taking", "governance", "events"],
    joinPolicy: "request",
    visibility: "listed",
    stage: "sustain",
    activeSince: "2018-05-14",
    home: ["executive-office"],
    smallSize: [25, 60],
    largeSize: [250, 500],
  },
  {
    slug: "content",
    name: "Content",
    tagline: "Writers, editors and designers making what we publish clear and findable.",
    description:
      "If you write, edit or publish anything people read (web pages, newsletters, guidance, social posts), this is your community. We care about plain language, accessibility, and content that is easy to find and easy to keep current.\n\nSince late 2018 we have run regular critique sessions where members bring a draft for friendly feedback, along with talks from colleagues and an archive of recordings and notes going back years.",
    type: "professional",
    practiceAreas: ["content-design", "web-publishing", "accessibility", "plain-language"],
    joinPolicy: "open",
    visibility: "listed",
    stage: "grow",
    activeSince: "2018-12-01",
    home: ["communications-marketing", "library"],
    smallSize: [40, 90],
    largeSize: [500, 1100],
  },
  {
    slug: "technology",
    name: "Technology",
    tagline: "Developers, analysts and tinkerers sharing how we build and run our systems.",
    description:
      "The Technology community is open to anyone who builds, supports or simply enjoys working with digital tools, whatever their job title says. Topics range from cloud hosting and automation to the spreadsheet that quietly became a critical system.\n\nWe host lightning-talk afternoons, a yearly unconference and demos of new services, and members help each other in the forum between meetings.",
    type: "technology",
    practiceAreas: ["software-development", "cloud", "automation", "data"],
    joinPolicy: "open",
    visibility: "listed",
    stage: "grow",
    activeSince: "2020-02-10",
    home: ["it-services"],
    smallSize: [50, 120],
    largeSize: [900, 1500],
  },
  {
    slug: "leadership",
    name: "Leadership",
    tagline: "A trusted circle for people who lead teams and services.",
    description:
      "This invitation-only group brings together heads of service and team leaders from across professional services to talk candidly about leading people through change, heavy workloads and uncertainty.\n\nSessions use a simple action-learning format: one member brings a live challenge and the rest of the group helps them think it through. What is shared in the room stays there.",
    type: "professional",
    practiceAreas: ["leadership", "line-management", "coaching"],
    joinPolicy: "invite",
    visibility: "listed",
    stage: "launch",
    activeSince: "2023-01-16",
    home: [],
    smallSize: [15, 40],
    largeSize: [150, 350],
  },
  {
    slug: "leading-projects",
    name: "Leading Projects",
    tagline: "Methods, templates and honest lessons from projects of every size.",
    description:
      "Whether you manage projects for a living or have just been handed your first one, this community helps you plan, run and close them with less stress. We cover everything from drafting a business case to running a useful retrospective.\n\nMembers swap templates, pair up to review each other's project plans, and meet every other month to hear how a recent project went, including the parts that went wrong.",
    type: "professional",
    practiceAreas: ["project-management", "change-management", "agile"],
    joinPolicy: "open",
    visibility: "listed",
    stage: "launch",
    activeSince: "2022-06-06",
    home: ["it-services", "estates", "research-services"],
    smallSize: [25, 70],
    largeSize: [400, 900],
  },
  {
    slug: "security",
    name: "Security",
    tagline: "Good security habits across every team, not only in IT.",
    description:
      "A new community for people who help keep information, systems and buildings safe. It is meant both for security specialists and for colleagues in every division who find themselves fielding security questions as part of their day.\n\nThis year we are piloting with a small core group: short briefings on current threats, walk-throughs of how to report an incident, and a shared glossary written in plain English.",
    type: "professional",
    practiceAreas: ["information-security", "risk-management", "data-protection"],
    joinPolicy: "open",
    visibility: "listed",
    stage: "prototype",
    activeSince: "2025-04-07",
    home: ["it-services", "legal-compliance"],
    smallSize: [8, 25],
    largeSize: [60, 180],
  },
];

// The story communities (one gone quiet, one closed) come after the named ones, in both sizes.
function storyPlans(rng: Rng, size: DemoSize, nowMs: number): CommunityPlan[] {
  return STORY_COMMUNITIES.map(
    ({ home, smallSize, largeSize, quietForDays, ...community }: StoryCommunity) => {
      const [min, max] = size === "small" ? smallSize : largeSize;
      return {
        community: { ...community, practiceAreas: [...community.practiceAreas] },
        home,
        geoMatch: null,
        size: randInt(rng, min, max),
        hasSponsor: true,
        endMs: nowMs - quietForDays * DAY_MS,
      };
    },
  );
}

const SECURITY_SLUG = "security";
/** The member account is invited to Leadership, so is never already in it. */
const LEADERSHIP_SLUG = "leadership";
const CONVENOR_ACCOUNT_COMMUNITY = "hr-operations";

function namedPlans(rng: Rng, size: DemoSize): CommunityPlan[] {
  return NAMED_COMMUNITIES.map(({ home, smallSize, largeSize, ...community }) => {
    const [min, max] = size === "small" ? smallSize : largeSize;
    return {
      community: { ...community, practiceAreas: [...community.practiceAreas] },
      home,
      geoMatch: null,
      size: randInt(rng, min, max),
      hasSponsor: true,
    };
  });
}

const STAGE_AGES: Readonly<Record<Stage, readonly [number, number]>> = {
  // Days between a community starting and "now", by how far along it is.
  inquire: [20, 200],
  design: [40, 320],
  prototype: [90, 600],
  launch: [180, 1500],
  grow: [365, 3300],
  sustain: [900, 4200],
};

type GeneratedKind = TopicType | "geographic";

function generatedPlans(rng: Rng, count: number, nowMs: number, usedSlugs: Set<string>): CommunityPlan[] {
  const pickKind = weightedPicker<{ kind: GeneratedKind; weight: number }>(
    [
      { kind: "professional", weight: 50 },
      { kind: "technology", weight: 20 },
      { kind: "interest", weight: 16 },
      { kind: "geographic", weight: 14 },
    ],
    (entry) => entry.weight,
  );
  const pickStage = weightedPicker<{ stage: Stage; weight: number }>(
    [
      { stage: "inquire", weight: 3 },
      { stage: "design", weight: 5 },
      { stage: "prototype", weight: 8 },
      { stage: "launch", weight: 20 },
      { stage: "grow", weight: 36 },
      { stage: "sustain", weight: 28 },
    ],
    (entry) => entry.weight,
  );
  const topicsOf: Record<TopicType, TopicSeed[]> = {
    professional: TOPICS.filter((topic) => topic.type === "professional"),
    technology: TOPICS.filter((topic) => topic.type === "technology"),
    interest: TOPICS.filter((topic) => topic.type === "interest"),
  };
  // Regional chapters only make sense for real places.
  const chapterPlaces = GEO_PLACES.filter((place) => place.name !== "Remote and Hybrid");

  const plans: CommunityPlan[] = [];
  for (let attempt = 0; plans.length < count; attempt++) {
    if (attempt > count * 200) throw new Error("Could not find enough distinct community names");
    const kind = pickKind(rng).kind;
    let name: string;
    let form: string;
    let home: readonly DivisionSlug[] = [];
    let geoMatch: readonly string[] | null = null;
    let practiceAreas: string[];
    const vars: Record<string, string> = {};

    if (kind === "geographic") {
      const place = pick(rng, GEO_PLACES);
      form = pick(rng, GEO_FORMS);
      name = `${place.name} ${form}`;
      geoMatch = place.match;
      practiceAreas = [
        "local-network",
        slugify(place.name),
        pick(rng, ["wellbeing", "social", "networking"]),
      ];
      vars.where = place.where;
    } else {
      const topic = pick(rng, topicsOf[kind]);
      form = pick(rng, topic.forms ?? (kind === "technology" ? TECHNOLOGY_FORMS : PROFESSIONAL_FORMS));
      const chapter =
        kind !== "technology" && chance(rng, kind === "interest" ? 0.25 : 0.12)
          ? pick(rng, chapterPlaces)
          : null;
      name = [chapter?.name ?? "", topic.name, form].filter(Boolean).join(" ");
      home = topic.divisions;
      practiceAreas = [...topic.areas];
      if (chapter && practiceAreas.length < 4) practiceAreas.push(slugify(chapter.name));
      vars.topic = topicPhrase(topic);
      if (home.length > 0) vars.divisions = joinList(home.map((slug) => DIVISION_NAMES.get(slug) ?? slug));
    }

    const slug = slugify(name);
    if (usedSlugs.has(slug)) continue;
    usedSlugs.add(slug);

    vars.form = form ? form.toLowerCase() : "group";
    const [activity, activity2] = sampleDistinct(rng, ACTIVITIES, 2);
    vars.activity = activity ?? "";
    vars.activity2 = activity2 ?? "";
    vars.rhythm = pick(rng, RHYTHMS);
    vars.resource = pick(rng, RESOURCES);

    const stage = pickStage(rng).stage;
    const [minAge, maxAge] = STAGE_AGES[stage];
    const policyRoll = rng();
    const joinPolicy: JoinPolicy = policyRoll < 0.72 ? "open" : policyRoll < 0.92 ? "request" : "invite";
    const unlisted = chance(rng, 0.03) || (joinPolicy === "invite" && chance(rng, 0.3));
    const type: CommunityType = kind;

    // Skewed sizes: most communities are modest, a few are very large.
    const [minSize, maxSize] = SIZE_LIMITS.large;
    const skew = kind === "professional" || kind === "technology" ? 3 : 4;
    const size = minSize + Math.floor((maxSize - minSize) * rng() ** skew);

    plans.push({
      community: {
        slug,
        name,
        tagline: fillFitting(rng, TAGLINES[kind], vars),
        description: `${fillFitting(rng, DESCRIPTION_WHO[kind], vars)}\n\n${fillFitting(rng, DESCRIPTION_WHAT, vars)}`,
        type,
        practiceAreas,
        joinPolicy,
        visibility: unlisted ? "unlisted" : "listed",
        stage,
        activeSince: isoDate(nowMs - randInt(rng, minAge, maxAge) * DAY_MS),
      },
      home,
      geoMatch,
      size,
      hasSponsor: chance(rng, 0.85),
    });
  }
  return plans;
}

// ---------------------------------------------------------------------------------------------
// Memberships

interface ReservedMember {
  person: number; // the demo "member" account: kept out of every community except `communities`
  communities: ReadonlySet<string>;
}

// Draws a person not yet in the community, preferring `pool` with probability `bias`. Falls back
// to walking the whole organisation when the preferred pool is exhausted (small organisations).
function drawPerson(rng: Rng, pool: readonly number[], bias: number, taken: Set<number>, total: number) {
  for (let attempt = 0; attempt < 24; attempt++) {
    const index = pool.length > 0 && rng() < bias ? pick(rng, pool) : Math.floor(rng() * total);
    if (!taken.has(index)) {
      taken.add(index);
      return index;
    }
  }
  const start = Math.floor(rng() * total);
  for (let step = 0; step < total; step++) {
    const index = (start + step) % total;
    if (!taken.has(index)) {
      taken.add(index);
      return index;
    }
  }
  return null;
}

function involvementFor(rng: Rng, role: MembershipRole): Involvement {
  const roll = rng();
  switch (role) {
    case "convenor":
      return roll < 0.9 ? "help_run" : "take_part";
    case "core":
      return roll < 0.7 ? "help_run" : "take_part";
    case "sponsor":
      return roll < 0.5 ? "follow" : roll < 0.9 ? "take_part" : "help_run";
    case "member":
      return roll < 0.55 ? "follow" : roll < 0.95 ? "take_part" : "help_run";
  }
}

function joinedAtFor(rng: Rng, startMs: number, endMs: number, role: MembershipRole): string {
  const u = rng();
  // Founders arrive first; ordinary membership keeps growing, so members skew towards recent dates.
  const fraction =
    role === "convenor" ? u * 0.08 : role === "sponsor" ? u * 0.2 : role === "core" ? u * 0.5 : Math.sqrt(u);
  const days = Math.floor((fraction * (endMs - startMs)) / DAY_MS);
  // People join during the working day (08:00-18:00 UTC); clamp so nobody joins after `now`.
  const ms = startMs + days * DAY_MS + randInt(rng, 8 * 60, 18 * 60 - 1) * MINUTE_MS;
  const clamped = Math.min(ms, endMs - (endMs % MINUTE_MS));
  return new Date(Math.max(clamped, startMs)).toISOString();
}

function generateMemberships(
  rng: Rng,
  plans: readonly CommunityPlan[],
  index: PeopleIndex,
  nowMs: number,
  reserved: ReservedMember,
): { memberships: DemoMembership[]; convenors: Map<string, number[]> } {
  const { people } = index;
  const total = people.length;
  const memberships: DemoMembership[] = [];
  const convenors = new Map<string, number[]>();
  const poolCache = new Map<string, number[]>();

  const poolFor = (plan: CommunityPlan): number[] => {
    const key = plan.geoMatch ? `geo:${plan.geoMatch.join("|")}` : `div:${plan.home.join("|")}`;
    let pool = poolCache.get(key);
    if (!pool) {
      const match = plan.geoMatch;
      if (match) {
        pool = [];
        for (let i = 0; i < total; i++) {
          const location = people[i]?.location ?? "";
          if (match.some((fragment) => location.includes(fragment))) pool.push(i);
        }
      } else {
        pool = plan.home.flatMap((slug) => index.byDivision.get(slug) ?? []);
      }
      poolCache.set(key, pool);
    }
    return pool;
  };

  for (const plan of plans) {
    const { community } = plan;
    const pool = poolFor(plan);
    const startMs = Date.parse(`${community.activeSince}T00:00:00Z`);
    // If a caller's `now` precedes the founding date, everyone joins on the founding day.
    const endMs = Math.max(plan.endMs ?? nowMs, startMs);
    const includeReserved = reserved.communities.has(community.slug);
    const taken = new Set<number>([reserved.person]);
    const add = (person: number, role: MembershipRole) => {
      const handle = people[person]?.handle;
      if (!handle) return;
      memberships.push({
        communitySlug: community.slug,
        personHandle: handle,
        role,
        involvement: involvementFor(rng, role),
        joinedAt: joinedAtFor(rng, startMs, endMs, role),
        state: "active",
      });
    };

    // Local communities cannot be bigger than the number of people nearby allows.
    const size = plan.geoMatch
      ? Math.min(plan.size, Math.max(SIZE_LIMITS.large[0], Math.floor(pool.length * 0.8)))
      : plan.size;
    let remaining = Math.min(size, total) - (includeReserved ? 1 : 0);

    const convenorCount = chance(rng, remaining >= 30 ? 0.55 : 0.2) ? 2 : 1;
    const coreCount = Math.max(1, Math.round(size * (0.1 + rng() * 0.05)));
    const homeBias = plan.geoMatch ? 0.9 : plan.home.length > 0 ? 0.6 : 0;
    const leaderBias = plan.geoMatch ? 0.95 : plan.home.length > 0 ? 0.9 : 0;

    if (plan.hasSponsor) {
      // Sponsors are senior people, often from outside the community's own division.
      const sponsor = drawPerson(rng, index.senior, 0.95, taken, total);
      if (sponsor !== null) {
        add(sponsor, "sponsor");
        remaining--;
      }
    }

    const leads: number[] = [];
    for (let i = 0; i < remaining; i++) {
      const isLeader = i < convenorCount + coreCount;
      const person = drawPerson(rng, pool, isLeader ? leaderBias : homeBias, taken, total);
      if (person === null) break;
      const role: MembershipRole = i < convenorCount ? "convenor" : isLeader ? "core" : "member";
      if (role === "convenor") leads.push(person);
      add(person, role);
    }
    convenors.set(community.slug, leads);
    if (includeReserved) add(reserved.person, "member");
  }
  return { memberships, convenors };
}

// ---------------------------------------------------------------------------------------------
// Accounts

function firstFreeIn(
  rng: Rng,
  candidates: readonly number[],
  used: ReadonlySet<number>,
  total: number,
): number {
  const lists = [candidates, Array.from({ length: total }, (_, i) => i)];
  for (const list of lists) {
    const start = Math.floor(rng() * list.length);
    for (let step = 0; step < list.length; step++) {
      const candidate = list[(start + step) % list.length];
      if (candidate !== undefined && !used.has(candidate)) return candidate;
    }
  }
  throw new Error("Not enough people for the demo accounts");
}

// ---------------------------------------------------------------------------------------------
// Entry point

export function generateDemoOrganisation(options: {
  seed: number;
  size: DemoSize;
  emailDomain: string;
  now?: Date;
}): DemoOrganisation {
  const { seed, size } = options;
  if (size !== "small" && size !== "large") throw new Error(`Unknown demo size: ${String(size)}`);
  const domain = options.emailDomain.trim().toLowerCase().replace(/^@/, "");
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(domain))
    throw new Error(`Invalid email domain: ${options.emailDomain}`);
  const nowMs = (options.now ?? new Date(DEFAULT_NOW)).getTime();
  if (Number.isNaN(nowMs)) throw new Error("Invalid `now` date");

  const peopleRng = streamFor(seed, 1);
  const communityRng = streamFor(seed, 2);
  const membershipRng = streamFor(seed, 3);
  const accountRng = streamFor(seed, 4);

  const index = generatePeople(peopleRng, PEOPLE_COUNT[size], domain);
  const { people } = index;

  const storyRng = streamFor(seed, 5);
  const plans = namedPlans(communityRng, size);
  plans.push(...storyPlans(storyRng, size, nowMs));
  if (size === "large") {
    const usedSlugs = new Set(plans.map((plan) => plan.community.slug));
    plans.push(...generatedPlans(communityRng, COMMUNITY_COUNT.large - plans.length, nowMs, usedSlugs));
  }

  // The "member" account must be a plain member of two or three named communities and never of
  // Security, so that person is chosen up front and kept out of the random draws.
  const seniorSet = new Set(index.senior);
  let memberPerson = Math.floor(accountRng() * people.length);
  while (seniorSet.has(memberPerson)) memberPerson = (memberPerson + 1) % people.length;
  const memberCommunities = sampleDistinct(
    accountRng,
    NAMED_COMMUNITIES.map((community) => community.slug).filter(
      (slug) => slug !== SECURITY_SLUG && slug !== LEADERSHIP_SLUG,
    ),
    randInt(accountRng, 2, 3),
  );

  const { memberships, convenors } = generateMemberships(membershipRng, plans, index, nowMs, {
    person: memberPerson,
    communities: new Set(memberCommunities),
  });

  // Prefer a convenor who actually works in HR, so the demo persona makes sense.
  const hrConvenors = convenors.get(CONVENOR_ACCOUNT_COMMUNITY) ?? [];
  const convenorPerson = hrConvenors.find((i) => people[i]?.divisionSlug === "hr") ?? hrConvenors[0];
  if (convenorPerson === undefined) throw new Error("HR Operations has no convenor");
  const used = new Set([memberPerson, convenorPerson]);
  const adminPerson = firstFreeIn(accountRng, index.byDivision.get("it-services") ?? [], used, people.length);
  used.add(adminPerson);
  const programmePerson = firstFreeIn(
    accountRng,
    index.byDivision.get("executive-office") ?? [],
    used,
    people.length,
  );

  const words = sampleDistinct(accountRng, PASSWORD_WORDS, 4);
  const specs = [
    { label: "admin", siteRole: "admin", person: adminPerson },
    { label: "programme", siteRole: "programme", person: programmePerson },
    { label: "convenor", siteRole: "member", person: convenorPerson },
    { label: "member", siteRole: "member", person: memberPerson },
  ] as const;
  const accounts: DemoAccount[] = specs.map((spec, i) => {
    const person = people[spec.person];
    if (!person) throw new Error(`No person for the ${spec.label} account`);
    // Generated addresses always contain a dot before the @, so these never collide with them.
    person.email = `${spec.label}@${domain}`;
    return {
      label: spec.label,
      siteRole: spec.siteRole,
      personHandle: person.handle,
      email: person.email,
      password: `convene-${words[i] ?? "demo"}-${randInt(accountRng, 1000, 9999)}`,
    };
  });

  const story = tellStory({
    rng: storyRng,
    nowMs,
    people,
    plans: plans.map((plan) => ({ community: plan.community, endMs: plan.endMs ?? null })),
    memberships,
    convenors: new Map(
      [...convenors].map(([slug, leads]) => [slug, leads.map((i) => people[i]?.handle ?? "")]),
    ),
    accounts: Object.fromEntries(accounts.map((a) => [a.label, a.personHandle])) as Record<
      DemoAccount["label"],
      string
    >,
    namedSlugs: NAMED_COMMUNITIES.map((community) => community.slug),
  });

  const discussions = writeDiscussions({
    rng: streamFor(seed, 6),
    nowMs,
    memberships,
    slugs: NAMED_COMMUNITIES.map((community) => community.slug),
  });

  // The demo sign-ins answer no invitations, so their pages and inboxes start the same every time.
  const planned = writeEvents({
    rng: streamFor(seed, 7),
    nowMs,
    memberships,
    slugs: NAMED_COMMUNITIES.map((community) => community.slug),
    // The large demo (the benchmark) gets one meet-up in each of up to 150 generated communities.
    extraSlugs: plans
      .filter((plan) => !plan.endMs && !NAMED_COMMUNITIES.some((c) => c.slug === plan.community.slug))
      .slice(0, 150)
      .map((plan) => plan.community.slug),
    quiet: new Set(accounts.map((a) => a.personHandle)),
  });

  const repertoire = writeResources({
    rng: streamFor(seed, 8),
    nowMs,
    memberships,
    slugs: NAMED_COMMUNITIES.map((community) => community.slug),
    quiet: new Set(accounts.map((a) => a.personHandle)),
  });

  return {
    divisions: DIVISIONS.map(({ slug, name }) => ({ slug, name })),
    people,
    communities: story.communities,
    memberships,
    accounts,
    charters: story.charters,
    stageChanges: story.stageChanges,
    proposals: story.proposals,
    threads: discussions.threads,
    payrollExpertHandle: discussions.payrollExpert,
    eventSeries: planned.series,
    events: planned.events,
    resources: repertoire.resources,
    collections: repertoire.collections,
  };
}
