// Resources in the demo: a few communities' repertoires (tip-sheets, guides, templates, a case
// study, a link and meeting notes), with one collection, reuse marks and first views. Written in
// our own words. Deterministic: it only draws from `rng`, and every date is before `nowMs` and
// after the people involved joined.

import type { ResourceKind, ResourceStatus, ReuseMarkKind } from "../features/resources/tables.js";
import type { DemoMembership } from "./generate.js";

type Rng = () => number;
const DAY_MS = 86_400_000;

export interface DemoRevision {
  number: number;
  authorHandle: string;
  title: string;
  body: string;
  note: string;
  createdAt: string;
}

export interface DemoResource {
  key: string;
  communitySlug: string;
  kind: ResourceKind;
  title: string;
  summary: string;
  body: string;
  externalUrl: string;
  tags: string[];
  status: ResourceStatus;
  ownerHandle: string;
  createdAt: string;
  publishedAt: string | null;
  reviewBy: string | null;
  endorsedAt: string | null;
  endorsedByHandle: string | null;
  archivedAt: string | null;
  lastEditedAt: string;
  lastEditedByHandle: string;
  revisions: DemoRevision[];
  marks: { personHandle: string; kind: ReuseMarkKind; createdAt: string }[];
  viewers: { personHandle: string; firstViewedAt: string }[];
}

export interface DemoCollection {
  communitySlug: string;
  slug: string;
  title: string;
  description: string;
  createdByHandle: string;
  createdAt: string;
  /** Resource keys, in order. */
  items: string[];
}

interface Script {
  key: string;
  slug: string;
  kind: ResourceKind;
  title: string;
  summary: string;
  body: string;
  url?: string;
  tags: string[];
  status: ResourceStatus;
  /** Days before the demo's "now" it was written. */
  age: number;
  /** Published long ago with a review date already passed. */
  overdue?: boolean;
  /** Earlier versions, oldest first (the current text is the last revision). */
  earlier?: { body: string; note: string }[];
  marks?: number;
  /** The note on the current revision when there are earlier ones. */
  note?: string;
}

const SCRIPTS: readonly Script[] = [
  {
    key: "hr-leavers",
    slug: "hr-operations",
    kind: "tip_sheet",
    title: "Closing a leaver's record",
    summary: "The order that keeps payroll, IT access and the pension file in step.",
    body: "## Before the last day\n\n- Check the leaving date against the notice in the resignation letter.\n- Tell payroll in writing, with any holiday still owed or overtaken.\n- Ask the manager to book the return of laptop, badge and keys.\n\n## On the last day\n\n- If it falls on a weekend, close the record on the Friday before.\n- End the system access request so accounts lock that evening.\n\n## Afterwards\n\n- File the exit questionnaire, if one came back.\n- Check the final payslip with payroll before the pension notice goes out.",
    tags: ["leavers", "payroll", "checklist"],
    status: "endorsed",
    age: 200,
    marks: 4,
    note: "Added the pension check and the weekend rule",
    earlier: [
      {
        body: "## On the last day\n\n- Close the record in the HR system.\n- End the system access request.\n\n## Afterwards\n\n- File the exit questionnaire.",
        note: "First version",
      },
      {
        body: "## Before the last day\n\n- Check the leaving date against the resignation letter.\n- Tell payroll in writing.\n\n## On the last day\n\n- Close the record in the HR system.\n- End the system access request so accounts lock that evening.\n\n## Afterwards\n\n- File the exit questionnaire, if one came back.",
        note: "Added the steps before the last day",
      },
    ],
  },
  {
    key: "hr-new-starter-checklist",
    slug: "hr-operations",
    kind: "template",
    title: "New starter checklist",
    summary: "A checklist to copy for each new colleague, from offer to the end of the first month.",
    body: "Copy this list into the new starter's file and tick items off as they happen.\n\n## Before day one\n\n- [ ] Contract signed and returned\n- [ ] Right-to-work check recorded\n- [ ] Bank and tax details passed to payroll\n- [ ] Laptop and accounts requested (allow ten working days)\n\n## First week\n\n- [ ] Welcome meeting with the manager\n- [ ] Fire safety and building induction\n- [ ] Mandatory online training assigned\n\n## First month\n\n- [ ] Probation objectives agreed and written down\n- [ ] First one-to-one held\n- [ ] Questions collected for the onboarding drop-in",
    tags: ["onboarding", "new starters", "template"],
    status: "published",
    age: 120,
    marks: 3,
  },
  {
    key: "hr-probation-guide",
    slug: "hr-operations",
    kind: "guide",
    title: "Probation reviews: a short guide for managers",
    summary: "When reviews fall due, what to write, and what to do if things are not going well.",
    body: "## When reviews happen\n\nThe system reminds the manager and the HR adviser at three and five months. The final review is due before the end of month six.\n\n## What to write\n\n- One line per objective: met, partly met or not met, with an example.\n- Any support offered, and whether it was taken up.\n\n## If things are not going well\n\nTalk to your HR adviser before the five-month review, not after. An extension of up to three months is possible when the reasons are written down and the colleague knows what must change.\n\n## After the final review\n\nRecord the outcome the same week; payroll and pensions take their cue from it.",
    tags: ["probation", "managers"],
    status: "published",
    age: 90,
    marks: 2,
  },
  {
    key: "tech-scheduled-jobs",
    slug: "technology",
    kind: "guide",
    title: "Moving a manual report to a scheduled job",
    summary: "How to stop building the same report by hand every Monday.",
    body: "## Start with the people\n\nWrite down who reads the report, when, and what they do with it. That tells you what must not change.\n\n## Then the steps\n\n1. Save the sources the report reads from, and check they can be read by a service account.\n2. Write the script in the shared repository, not on a laptop.\n3. Run it by hand for two weeks beside the manual version and compare the results.\n4. Ask the service desk for a scheduled job; do not leave a machine switched on.\n\n## When it breaks\n\nThe job emails its owner on failure. Keep a short runbook next to the script saying how to run it by hand.",
    tags: ["automation", "reports", "scheduled jobs"],
    status: "endorsed",
    age: 70,
    marks: 4,
  },
  {
    key: "tech-spreadsheet-risks",
    slug: "technology",
    kind: "case_study",
    title: "Case study: the equipment loans spreadsheet",
    summary: "How one team moved a spreadsheet the whole department relied on, without a bad week.",
    body: "## The situation\n\nA shared spreadsheet tracked about 400 laptops and cameras on loan. Six teams edited it, and nobody owned it.\n\n## What we did\n\n- Listed everyone who used the sheet, and what for.\n- Moved one column at a time into the asset system, starting with serial numbers.\n- Kept the old sheet read-only for a month, with a note pointing to the new place.\n\n## What we learnt\n\n- The hardest part was agreeing who owns the data, not the move itself.\n- Read-only for a month caught two reports we did not know about.",
    tags: ["spreadsheets", "data migration", "service ownership"],
    status: "published",
    age: 30,
    marks: 3,
  },
  {
    key: "tech-old-vpn",
    slug: "technology",
    kind: "tip_sheet",
    title: "Connecting to the old VPN from home",
    summary: "Replaced by the new remote access service; kept for the record.",
    body: "This sheet described the old VPN client, which was switched off in the spring.\n\n## What to use now\n\n- Sign in to the remote access portal with your usual account.\n- The service desk can help if your laptop still has the old client installed.\n\n## Why this is archived\n\nThe steps below no longer work and could confuse someone searching for help.\n\n- Install the client from the software centre.\n- Choose the nearest gateway.\n- Approve the sign-in on your phone.",
    tags: ["remote access", "vpn"],
    status: "archived",
    age: 300,
  },
  {
    key: "content-alt-text",
    slug: "content",
    kind: "tip_sheet",
    title: "Alt text in five questions",
    summary: "Ask these before writing alt text for any image, chart or diagram.",
    body: "1. **Why is the image on the page?** Describe its purpose, not only what it shows.\n2. **Is it decorative?** Then leave the alt text empty so screen readers skip it.\n3. **Does it contain text?** Repeat the words, unless they are already on the page.\n4. **Is it a chart?** Give the one message in a sentence, then link to the data.\n5. **Is it long?** Keep alt text to a sentence or two; put detail in the page itself.\n\n## Checking your work\n\nRead the page aloud with the images hidden. If it still makes sense, the alt text is doing its job.",
    tags: ["accessibility", "alt text", "images"],
    status: "published",
    age: 15,
    marks: 3,
  },
  {
    key: "content-style-link",
    slug: "content",
    kind: "link",
    title: "Our writing style guide",
    summary: "The organisation's house style for web pages, letters and emails.",
    body: "The style guide is the place to check spelling, capitals, dates and numbers before publishing.\n\n## Sections people use most\n\n- Dates and times\n- Job titles and capitals\n- Plain words to use instead of jargon\n\n## How we use it\n\n- Check the guide first, then ask in the forum if it is silent.\n- When two pages disagree, the guide wins; tell the page owner.\n- Suggest changes through the editors' request form, with an example of the problem.\n\nIf something is missing, post a question in the forum and we will raise it with the editors.",
    url: "https://style.example.org/guide",
    tags: ["style", "writing"],
    status: "published",
    age: 400,
    overdue: true,
    marks: 2,
  },
  {
    key: "content-page-review",
    slug: "content",
    kind: "template",
    title: "Page review template",
    summary: "A short form for the yearly check of a web page.",
    body: "Copy this into the page's review ticket.\n\n## The page\n\n- Address:\n- Owner:\n- Last reviewed:\n\n## Checks\n\n- [ ] Still needed? If not, ask for it to be removed or redirected.\n- [ ] Facts, prices and dates correct\n- [ ] Links work\n- [ ] Headings in order, and images have alt text\n- [ ] Reading age checked\n\n## Outcome\n\n- Changes made:\n- Next review date:\n\nKeep the finished form with the page's history, so the next reviewer can see what was checked and why.",
    tags: ["content review", "template"],
    status: "draft",
    age: 6,
  },
  {
    key: "edu-resit-timetable",
    slug: "education-administration",
    kind: "guide",
    title: "Building the resit timetable",
    summary: "Deadlines and steps for the summer resit timetable.",
    body: "## The dates that matter\n\n- Draft timetables are due a week earlier than last year.\n- Room changes go through the booking team only.\n\n## Steps\n\n1. Export the resit list from the student record after the exam boards.\n2. Group students by module and check for clashes.\n3. Send the draft to the module leaders for a two-day check.\n4. Publish to students no later than three weeks before the first resit.\n\n## Common snags\n\n- Students with extra time need a separate room; book it with the main one.\n- Check the list again after late mitigating circumstances decisions.",
    tags: ["resits", "timetabling", "exam boards"],
    status: "published",
    age: 50,
    marks: 2,
  },
  {
    key: "edu-admin-notes",
    slug: "education-administration",
    kind: "notes",
    title: "Notes: admin catch-up on enrolment checks",
    summary: "What we agreed about the duplicate-record report.",
    body: "## Present\n\nTeam leads from four faculties and the student records office.\n\n## Discussed\n\n- The new duplicate-record report catches about twenty cases each week in September.\n- Faculties want a named person to run it rather than a shared inbox.\n\n## Agreed\n\n- Each faculty names one person to run the report on Mondays.\n- The records office merges confirmed duplicates within two working days.\n- We look at the numbers again at the November catch-up.\n\n## Actions\n\n- Records office: share the report guide with the named people this week.",
    tags: ["enrolment", "student records", "meeting notes"],
    status: "published",
    age: 40,
    marks: 1,
  },
  {
    key: "lp-kickoff",
    slug: "leading-projects",
    kind: "template",
    title: "Project kick-off agenda",
    summary: "A one-hour agenda for the first meeting of a new project.",
    body: "## Agenda (60 minutes)\n\n1. **Why we are doing this** (10 min): the problem, in the sponsor's words.\n2. **What done looks like** (10 min): two or three outcomes we can check.\n3. **Who is involved** (10 min): roles, and who decides what.\n4. **Risks we already know** (15 min): list them, name an owner for each.\n5. **How we will work** (10 min): meetings, where notes live, how to raise a problem.\n6. **Next steps** (5 min).\n\n## After the meeting\n\nSend the notes within a day and ask everyone to correct them within a week.",
    tags: ["kick-off", "meetings", "template"],
    status: "published",
    age: 100,
    marks: 3,
  },
  {
    key: "lp-stakeholders",
    slug: "leading-projects",
    kind: "tip_sheet",
    title: "Keeping stakeholders informed",
    summary: "Small habits that keep questions out of the project inbox.",
    body: "- **Name a contact in each area.** One person who hears news first and passes it on.\n- **Send a short update every fortnight.** Three headings: done, next, help needed.\n- **Say what has not changed.** People worry most about what they have not heard.\n- **Write decisions down.** A dated list of decisions saves re-opening them.\n- **Plan the dry runs.** Each rehearsal of a cut-over finds something the testing did not.\n\nThese came out of the talk on moving the student record; add your own in the forum.",
    tags: ["stakeholders", "communication"],
    status: "published",
    age: 45,
    marks: 2,
  },
  {
    key: "epa-travel",
    slug: "executive-and-personal-assistants",
    kind: "tip_sheet",
    title: "Booking travel for someone else",
    summary: "What to check before confirming a trip, so nothing falls through on the day.",
    body: "## Before booking\n\n- Confirm the dates and times in writing with the traveller.\n- Check the travel policy for class of travel and hotel limits.\n- Ask about access needs, diet and preferred seats once, and keep a note.\n\n## After booking\n\n- Put tickets, the hotel address and a contact number in one calendar entry.\n- Add travel time either side of meetings.\n- Check the return journey again two days before.\n\n## If plans change\n\nCancel with the provider first, then the calendar, so refunds are not missed.",
    tags: ["travel", "diaries"],
    status: "published",
    age: 80,
    marks: 3,
  },
];

const COLLECTION = {
  slug: "hr-operations",
  key: "new-starter-pack",
  title: "New starter pack",
  description: "Everything a manager needs for a new colleague's first months, in the order they need it.",
  items: ["hr-new-starter-checklist", "hr-probation-guide", "hr-leavers"],
};

export interface ResourcePlan {
  rng: Rng;
  nowMs: number;
  memberships: readonly DemoMembership[];
  /** Communities present in this demo. */
  slugs: readonly string[];
  /** People who must not appear (the demo sign-ins). */
  quiet?: ReadonlySet<string>;
}

const iso = (ms: number) => new Date(ms).toISOString();
const isoDate = (ms: number) => iso(ms).slice(0, 10);
const randInt = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const addMonths = (ms: number, months: number) => {
  const d = new Date(ms);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
};

function shuffled<T>(rng: Rng, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const joined = (m: DemoMembership) => new Date(m.joinedAt).getTime();

export function writeResources(plan: ResourcePlan): {
  resources: DemoResource[];
  collections: DemoCollection[];
} {
  const { rng, nowMs } = plan;
  const present = new Set(plan.slugs);
  const membersOf = new Map<string, DemoMembership[]>();
  for (const m of plan.memberships) {
    if (m.state !== "active" || plan.quiet?.has(m.personHandle)) continue;
    const list = membersOf.get(m.communitySlug) ?? [];
    list.push(m);
    membersOf.set(m.communitySlug, list);
  }
  const resources: DemoResource[] = [];

  for (const s of SCRIPTS) {
    const members = membersOf.get(s.slug) ?? [];
    if (!present.has(s.slug) || members.length < 3) continue;
    const leads = members.filter((m) => m.role === "convenor" || m.role === "core");
    // The owner: someone who had joined a while before it was written (else the earliest joiner).
    let createdMs = nowMs - s.age * DAY_MS + randInt(rng, 8, 17) * 3_600_000;
    const settled = members.filter((m) => joined(m) < createdMs - 7 * DAY_MS);
    const pool = settled.length > 0 ? settled : members;
    const owner = [...pool].sort((a, b) => joined(a) - joined(b))[
      randInt(rng, 0, Math.min(pool.length, 6) - 1)
    ]!;
    createdMs = Math.max(createdMs, joined(owner) + DAY_MS);
    const span = Math.max(nowMs - createdMs, DAY_MS);
    const after = (fraction: number) => Math.min(createdMs + Math.floor(span * fraction), nowMs - 3_600_000);

    // Revisions: earlier versions by the owner then others, the last one being the current text.
    const editors = shuffled(
      rng,
      members.filter((m) => m !== owner && joined(m) < createdMs),
    );
    const versions = [...(s.earlier ?? []), { body: s.body, note: s.note ?? "First version" }];
    const revisions: DemoRevision[] = versions.map((v, i) => ({
      number: i + 1,
      authorHandle: i === 0 ? owner.personHandle : (editors[i - 1] ?? owner).personHandle,
      title: s.title,
      body: v.body,
      note: v.note,
      createdAt: iso(i === 0 ? createdMs : after((0.4 * i) / versions.length)),
    }));
    const last = revisions[revisions.length - 1]!;

    const published = s.status !== "draft";
    const publishedMs = createdMs;
    const endorser = s.status === "endorsed" ? (leads.find((m) => m !== owner) ?? leads[0] ?? owner) : null;
    const endorsedMs = endorser
      ? Math.min(Math.max(after(0.6), joined(endorser) + DAY_MS), nowMs - 3_600_000)
      : null;
    const archivedMs = s.status === "archived" ? after(0.7) : null;
    const reviewBy = !published
      ? null
      : s.overdue
        ? isoDate(nowMs - 12 * DAY_MS)
        : isoDate(addMonths(publishedMs, 12));

    // Reuse marks and first views: members other than the owner, after both joined and it was published.
    const marks: DemoResource["marks"] = [];
    const viewers: DemoResource["viewers"] = [];
    if (published) {
      const readers = shuffled(
        rng,
        members.filter((m) => m !== owner),
      );
      const viewerCount = Math.min(readers.length, (s.marks ?? 0) + randInt(rng, 2, 6));
      for (const [i, reader] of readers.slice(0, viewerCount).entries()) {
        const from = Math.max(publishedMs, joined(reader));
        const seenMs = Math.min(
          from + randInt(rng, 1, 20) * DAY_MS,
          Math.max(nowMs - 3_600_000, from + 60_000),
        );
        if (seenMs >= nowMs) continue;
        viewers.push({ personHandle: reader.personHandle, firstViewedAt: iso(seenMs) });
        if (i < (s.marks ?? 0) && s.status !== "archived") {
          marks.push({ personHandle: reader.personHandle, kind: "helped", createdAt: iso(seenMs + 60_000) });
          if (i % 2 === 0)
            marks.push({ personHandle: reader.personHandle, kind: "used", createdAt: iso(seenMs + 120_000) });
        }
      }
    }

    resources.push({
      key: s.key,
      communitySlug: s.slug,
      kind: s.kind,
      title: s.title,
      summary: s.summary,
      body: s.body,
      externalUrl: s.url ?? "",
      tags: s.tags,
      status: s.status,
      ownerHandle: owner.personHandle,
      createdAt: iso(createdMs),
      publishedAt: published ? iso(publishedMs) : null,
      reviewBy,
      endorsedAt: endorsedMs ? iso(endorsedMs) : null,
      endorsedByHandle: endorser?.personHandle ?? null,
      archivedAt: archivedMs ? iso(archivedMs) : null,
      lastEditedAt: last.createdAt,
      lastEditedByHandle: last.authorHandle,
      revisions,
      marks,
      viewers,
    });
  }

  const collections: DemoCollection[] = [];
  const items = COLLECTION.items.filter((key) => resources.some((r) => r.key === key));
  const curator = (membersOf.get(COLLECTION.slug) ?? []).find(
    (m) => m.role === "convenor" || m.role === "core",
  );
  if (items.length === COLLECTION.items.length && curator) {
    const latest = Math.max(
      ...resources.filter((r) => items.includes(r.key)).map((r) => Date.parse(r.createdAt)),
    );
    collections.push({
      communitySlug: COLLECTION.slug,
      slug: COLLECTION.key,
      title: COLLECTION.title,
      description: COLLECTION.description,
      createdByHandle: curator.personHandle,
      createdAt: iso(Math.min(Math.max(latest, joined(curator)) + DAY_MS, nowMs - 3_600_000)),
      items,
    });
  }
  return { resources, collections };
}
