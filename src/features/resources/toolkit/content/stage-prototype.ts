import type { ToolkitItem } from "./types.js";

export const stagePrototype: ToolkitItem = {
  slug: "stage-prototype",
  kind: "guide",
  title: "Prototype: try it with a core group",
  summary:
    "Run the community with a small group of committed people first, learn what works, and gather an early success to share.",
  tags: ["lifecycle", "prototype", "core group"],
  body: `A pilot with a small group is the cheapest way to find out what works. Mistakes made in front of eight people who want you to succeed cost far less than mistakes made in front of eighty who are deciding whether to come back.

## Gather a core group

Invite a small group, typically six to twelve people, who care about the domain and will give the pilot honest attention. Include people from different teams, and at least one person who is sceptical: they will tell you what the wider audience will think. Add them to the community as members, and give the people who will help run it the core role.

## Run a first session

Hold a first meeting or activity using the **First-meeting plan** in this toolkit. Keep it short and practical. Make sure everyone leaves having met someone new and with one useful thing to take back to their desk.

Try the tools too: post a question in the discussions, publish a tip-sheet, and create the next event in Convene. You will find the awkward parts before newcomers do.

## Ask for feedback

Within a week, ask the core group a few simple questions:

1. What was most useful?
2. What would you change?
3. Would you recommend this to a colleague, and what would you tell them it is for?
4. What would stop you coming next time?

A short conversation often gives better answers than a form. Write the answers down.

## Adjust the plan

Change the activities, tools or charter in the light of what you learned. If nobody used the chat group, drop it. If the meeting ran long, shorten it. Record changes to the charter as a new version with a note, so everyone can see what changed and why.

## Record an early success

Look for one concrete thing the pilot helped someone do: a form that got simpler, a problem solved in a day instead of a week, two teams that stopped duplicating work. Write it down in a few sentences. This story is what you will tell when you launch, and it is the first entry in the community's record of value (see **Measuring value**).

## Signs you are ready to move on

- The core group would come again without being asked twice.
- You have changed at least one thing because of their feedback.
- You have one early success you can describe.

## Common pitfalls

- **Piloting in secret.** Tell your sponsor what you are trying; they may want to help.
- **Skipping the feedback.** A pilot without feedback is just a small launch.
- **A pilot that never ends.** Set a date for the launch decision and keep to it.

Next comes **Launch**: opening the community to everyone it is for.`,
};
