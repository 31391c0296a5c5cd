import { type Stage, stages } from "../communities/tables.js";

/** One suggested action for convenors at a stage. The key is stored when ticked: never rename one. */
export interface ChecklistItem {
  key: string;
  stage: Stage;
  title: string;
  hint: string;
}

export interface StageGuide {
  stage: Stage;
  label: string;
  /** What the stage is for, in one sentence. */
  purpose: string;
  items: ChecklistItem[];
}

type Draft = { label: string; purpose: string; items: [key: string, title: string, hint: string][] };

// The stages follow the EDUCAUSE design guide for communities of practice; the words are ours.
const drafts: Record<Stage, Draft> = {
  inquire: {
    label: "Inquire",
    purpose: "Find out who the community is for, what it is about and why it is worth people's time.",
    items: [
      [
        "audience",
        "Name the audience and purpose",
        "Write down who the community is for and what they would gain by taking part.",
      ],
      [
        "conversations",
        "Talk to potential members",
        "Have a handful of conversations about what people need and what they would give time to.",
      ],
      [
        "domain",
        "Agree the domain",
        "Settle the practice area the community covers, and what is outside it.",
      ],
      [
        "existing",
        "Look for what already exists",
        "Check for groups, mailing lists or networks doing something similar, and talk to them.",
      ],
      [
        "sponsor",
        "Find a sponsor",
        "Ask a senior colleague to back the community and help members find time for it.",
      ],
      [
        "vision",
        "Describe success in a year",
        "Say in a sentence or two what the community will have changed.",
      ],
    ],
  },
  design: {
    label: "Design",
    purpose: "Decide how the community will work: its activities, tools, roles and guidelines.",
    items: [
      [
        "activities",
        "Plan the first activities",
        "Choose a few to start with, such as a monthly meeting, a question forum or a show-and-tell.",
      ],
      [
        "charter",
        "Draft the charter",
        "Write the mission, who can join, the code of conduct and how decisions are made.",
      ],
      [
        "rhythm",
        "Set a meeting rhythm",
        "Pick a pattern people can keep to, for example the first Tuesday of each month.",
      ],
      [
        "tools",
        "Choose the tools",
        "Decide where conversations, files and news will live, and link them from the community page.",
      ],
      [
        "roles",
        "Agree who does what",
        "Name the convenors and core team, and what each of them looks after.",
      ],
    ],
  },
  prototype: {
    label: "Prototype",
    purpose: "Try the community out with a small core group, learn what works and win early supporters.",
    items: [
      [
        "core-group",
        "Gather a core group",
        "Invite a small group of committed people to try the community out.",
      ],
      ["first-session", "Run a first session", "Hold a first meeting or activity with the core group."],
      [
        "feedback",
        "Ask for feedback",
        "Ask the core group what was useful and what to change before opening up.",
      ],
      [
        "adjust",
        "Adjust the plan",
        "Change the activities, tools or charter in the light of what you learned.",
      ],
      [
        "story",
        "Record an early success",
        "Write down one thing the pilot helped someone do, to share when you launch.",
      ],
    ],
  },
  launch: {
    label: "Launch",
    purpose: "Open the community to everyone it is for, and make each newcomer's first visit worthwhile.",
    items: [
      [
        "announce",
        "Announce the community",
        "Tell the wider audience through newsletters, team meetings and the channels people read.",
      ],
      [
        "joining",
        "Check how people join",
        "Make sure the join policy, visibility and joining question suit a wider audience.",
      ],
      [
        "welcome",
        "Welcome newcomers",
        "Greet new members, point them to the charter and suggest an easy first step.",
      ],
      [
        "open-event",
        "Hold an open session",
        "Run an event anyone can join, with something useful to take away on the day.",
      ],
      [
        "starter-resources",
        "Share starter resources",
        "Publish a few guides, templates or tip-sheets that newcomers can use straight away.",
      ],
    ],
  },
  grow: {
    label: "Grow",
    purpose: "Deepen what members learn and do together, and widen who takes part.",
    items: [
      [
        "rhythm",
        "Keep a steady rhythm",
        "Hold activities on a predictable schedule so that people can plan to come.",
      ],
      [
        "member-led",
        "Invite members to lead",
        "Ask members to run a session, answer questions or look after a resource.",
      ],
      [
        "project",
        "Start a shared project",
        "Take on a piece of work together, such as a toolkit or a better way of doing a task.",
      ],
      [
        "divisions",
        "Reach across divisions",
        "Invite people from divisions and teams that are not yet taking part.",
      ],
      [
        "recognise",
        "Recognise contributions",
        "Thank people in public and let their managers know what they have done.",
      ],
    ],
  },
  sustain: {
    label: "Sustain",
    purpose: "Take stock of what the community has produced, renew it, and plan for what comes next.",
    items: [
      [
        "impact",
        "Review the community's impact",
        "Run a survey or gather stories about what members gained and put into practice.",
      ],
      [
        "resources",
        "Refresh the shared resources",
        "Review guides and templates, archive what is out of date and endorse good practice.",
      ],
      [
        "roles",
        "Renew the core team",
        "Share out the running of the community and bring in new convenors and core members.",
      ],
      [
        "charter",
        "Revisit the charter",
        "Check that the mission, rhythm and tools still fit, and update them together.",
      ],
      [
        "report",
        "Report to the sponsor",
        "Share what the community achieved and its plans with the sponsor and the programme team.",
      ],
    ],
  },
};

/** Every stage, in order, with its purpose and checklist. */
export const stageGuides: StageGuide[] = stages.map((stage) => {
  const draft = drafts[stage];
  return {
    stage,
    label: draft.label,
    purpose: draft.purpose,
    items: draft.items.map(([key, title, hint]) => ({ key: `${stage}.${key}`, stage, title, hint })),
  };
});

export const stageLabel = (stage: Stage): string => drafts[stage].label;

const itemsByKey = new Map(stageGuides.flatMap((guide) => guide.items.map((item) => [item.key, item])));

/** The checklist item with this key, or null when there is none (an old link or a typo). */
export function checklistItem(key: string): ChecklistItem | null {
  return itemsByKey.get(key) ?? null;
}

export const allItemKeys = (): string[] => [...itemsByKey.keys()];
