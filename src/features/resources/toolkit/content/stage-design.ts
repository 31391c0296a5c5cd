import type { ToolkitItem } from "./types.js";

export const stageDesign: ToolkitItem = {
  slug: "stage-design",
  kind: "guide",
  title: "Design: how the community will work",
  summary:
    "Choose the first activities, draft the charter, set a rhythm, pick the tools and agree who does what.",
  tags: ["lifecycle", "design", "charter"],
  body: `Once you know there is a community worth building, decide how it will work day to day. Good design is light: enough structure that people know what to expect, and enough room for members to shape it once they arrive.

## Plan the first activities

Pick two or three things to start with, not ten. A monthly meeting, a place to ask questions, and an occasional show-and-tell cover most needs. The **Activity formats** item in this toolkit describes six formats and when each works best.

Ask of every activity: what will someone take away from it? If the answer is "nothing in particular", change the activity.

## Draft the charter

The charter is the community's shared agreement. It covers:

- the **mission**: why the community exists, in a sentence or two;
- **membership**: who can join, and how;
- a **code of conduct**: how members treat each other and what happens if someone does not;
- the **tools** the community uses;
- the **meeting rhythm**;
- how **decisions** are made: by consensus, by a vote, or by a named lead.

Start from the **Charter template** in this toolkit and write it with the people who will run the community. Members can read every version on the community's Charter tab, so it is fine to publish a first draft and improve it.

## Set a meeting rhythm

A steady, predictable rhythm does more for a community than any single event. Choose something people can keep to: the first Tuesday of each month, or every other Thursday morning. Avoid times that always clash with month end, term start or other fixed points in members' calendars.

## Choose the tools

Decide where conversations, files and news will live. Convene gives every community discussions, events and resources; you may also have a mailing list or chat group. Whatever you choose, link it from the community page so that a newcomer can find everything from one place. Fewer places is better.

## Agree who does what

Name the convenors and the core team and write down what each looks after: the calendar, welcoming newcomers, the resources, the round-up. Shared roles survive holidays and job changes; a community run by one person rarely does.

## Signs you are ready to move on

- The charter has a first version that the core team has read.
- The first two or three activities have dates.
- Everyone in the core team knows what they look after.

## Common pitfalls

- **Designing for a thousand members.** Design for the first twenty.
- **Too many channels.** Every extra place to look halves the chance that people look anywhere.
- **A charter nobody wrote together.** A charter handed down is read once; one written together is used.

Next comes **Prototype**: trying the design out with a small group before opening the doors.`,
};
