import type { ToolkitItem } from "./types.js";

export const stageGrow: ToolkitItem = {
  slug: "stage-grow",
  kind: "guide",
  title: "Grow: learning and working together",
  summary:
    "Keep a steady rhythm, hand leadership to members, take on a shared project, reach across divisions and recognise contributions.",
  tags: ["lifecycle", "grow", "engagement"],
  body: `A community grows when members learn and do things together, not only when the member count rises. This stage is about depth as much as size.

## Keep a steady rhythm

Hold activities on a predictable schedule so that people can plan to come. A regular monthly session that happens every month is worth more than an ambitious programme that slips. If you must move a date, say so early and keep the pattern.

## Invite members to lead

Ask members, not only the core team, to run a session, answer questions or look after a resource. Ask individually: "Would you show the group how you set up that tracker?" gets a yes far more often than a general call for volunteers. People who lead something once tend to stay involved.

## Start a shared project

Take on a piece of work together: a toolkit for new starters, a better way of doing a common task, a response to a consultation. A shared project turns a group that talks into a group that produces. Keep it small enough to finish in a few months, and publish what you make as a resource in the community.

## Reach across divisions

Look at who is taking part. If most members come from one division or one building, invite people from the teams that are missing: ask members who they work with elsewhere, co-host an event with another community, or hold a session at a different site or time. Some of the most useful conversations happen between people who would not otherwise meet.

## Recognise contributions

Thank people in public: in the round-up, at the start of a meeting, on the resource they wrote. Let their managers know what they have done; a short note helps at appraisal time. Recognition costs little and is remembered.

## Look after the repertoire

As the community writes more, keep it usable. Tag resources consistently, archive what is out of date, and endorse the items that represent the community's agreed good practice, following the decision process in the charter.

## Signs of a healthy growing community

- Questions get a first reply within a day or two, often from someone other than a convenor.
- New people contribute each month.
- Members reuse each other's resources in their own work.

## Common pitfalls

- **Convenor burnout.** If the same two people do everything, share it out now, not when they leave.
- **Chasing numbers.** A smaller, active community does more good than a large, silent one.
- **Losing the newcomers.** Keep welcoming people; growth brings new members who need the same care as the first ones.

When the community has been running for a while, the **Sustain** guide helps you take stock and renew it.`,
};
