import type { ToolkitItem } from "./types.js";

export const stageSustain: ToolkitItem = {
  slug: "stage-sustain",
  kind: "guide",
  title: "Sustain: take stock and renew",
  summary:
    "Review the community's impact, refresh its resources, renew the core team, revisit the charter and report to the sponsor.",
  tags: ["lifecycle", "sustain", "impact"],
  body: `Established communities need renewal. People change jobs, priorities shift and resources age. The sustain stage is a regular habit, roughly once a year, of looking at what the community has produced and deciding what comes next.

## Review the community's impact

Gather evidence of what members gained and put into practice. Two sources work well together:

- a short **survey** of members, asking whether taking part helped them collaborate, share ideas across divisions, develop skills and apply what they learned;
- **value-creation stories**: short accounts of an activity, what someone gained from it, how they applied it and what changed.

The **Measuring value** item in this toolkit explains both. Look at the community's metrics too: meeting rhythm, how quickly questions are answered, how many people take part and at what level.

## Refresh the shared resources

Open the list of resources due for review. For each, decide: still right, needs an update, or out of date? Mark reviewed what is still right, update what needs it, and archive what no longer applies. Endorse the items that the community now treats as its agreed good practice.

## Renew the core team

Share out the running of the community and bring in new convenors and core members. A good moment to ask is when someone has led a session or looked after a resource. Thank the people who step back, and make it easy for them to stay involved as members.

## Revisit the charter

Read the charter together. Do the mission, meeting rhythm and tools still fit? Is the decision process the one you actually use? Update it as a new version with a note explaining the change.

## Report to the sponsor

Share what the community achieved and its plans with the sponsor and the programme team. A page is enough: a few numbers, two or three stories, what you will do next year and what help you need.

## Sometimes the answer is to rest

If the need that started the community has gone, or the domain is covered elsewhere, it is fine to let the community become dormant or close it. Say so openly, thank members, and make sure the resources stay readable. A community that ends well leaves a repertoire that others can still use.

## Common pitfalls

- **Reviewing only numbers.** Counts show activity; stories show value. You need both.
- **Keeping everything.** An archive full of stale guides hides the good ones.
- **Renewal by the same people.** If the core team has not changed in two years, ask who is next.`,
};
