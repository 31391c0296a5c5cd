import type { ToolkitItem } from "./types.js";

export const stageLaunch: ToolkitItem = {
  slug: "stage-launch",
  kind: "guide",
  title: "Launch: open the doors",
  summary:
    "Tell the people the community is for, make joining easy, welcome each newcomer and give them something useful on day one.",
  tags: ["lifecycle", "launch", "newcomers"],
  body: `Launching is when the community opens to everyone it is for. The aim is not a big crowd on the first day but a good first visit for each person who comes, so that they come back.

## Announce the community

Tell the wider audience through the channels they already read: divisional newsletters, team meetings, staff news, the mailing lists of related groups. Say in a sentence who it is for and what they will get, and link straight to the community page. The early success from your pilot makes the announcement concrete.

Ask your sponsor to mention it too. A line from a senior colleague tells people that taking part is a good use of their time.

## Check how people join

Look at the community's settings with fresh eyes:

- Is the **join policy** right? Open joining suits most communities. "Request to join" suits those with a clear membership criterion; if you use it, write a short joining question and answer requests promptly.
- Is the **visibility** right? A listed community appears in the directory and search; an unlisted one is found only by link.
- Is the **code of conduct** in the charter? People accept it when they join.

## Welcome newcomers

Greet each new member, by name, within a few days. Point them to the charter and suggest one easy first step: introduce yourself in the discussions, come to the next session, or read the starter resources. People who are welcomed personally are far more likely to take part.

## Hold an open session

Run an event that anyone can join, with something useful to take away on the day: a short talk with questions, a roundtable on a common problem, or a show-and-tell. Record it or write notes, and add them to the event afterwards so that people who missed it can catch up.

## Share starter resources

Publish a few guides, templates or tip-sheets that newcomers can use straight away. Three good ones beat thirty half-finished ones. Give each a review date, so the collection stays current.

## Signs you are ready to move on

- New people are joining without being asked individually.
- Someone outside the core group has asked or answered a question.
- The next few activities are in the calendar.

## Common pitfalls

- **An empty room online.** If the discussions are empty on launch day, seed them with two or three real questions from the pilot.
- **Forgetting the quiet majority.** Most people will read before they speak. That is normal; make reading worthwhile.
- **Launching and leaving.** The weeks after launch need more attention than the launch itself.

Next comes **Grow**: deepening what members do together.`,
};
