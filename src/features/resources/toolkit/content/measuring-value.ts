import type { ToolkitItem } from "./types.js";

export const measuringValue: ToolkitItem = {
  slug: "measuring-value",
  kind: "guide",
  title: "Measuring value",
  summary:
    "The five measures of a community's health, and how value-creation stories show what changed because of it.",
  tags: ["impact", "metrics", "stories", "sustain"],
  body: `Sponsors, managers and members all ask the same question sooner or later: is this community worth the time? Numbers alone cannot answer it, and neither can anecdotes. Used together, they can.

## Five measures

The programme looks at five measures for each community, and for all communities together.

1. **Members.** How many people are active members, and how that changes: joins, leaves and breaks each month.
2. **Meeting rhythm.** How often the community holds activities, how regular the gaps are, and how many people attend. A steady rhythm matters more than a busy one.
3. **Discussion quality.** How long questions wait for a first reply from someone other than the asker, how many are answered within two days and within a week, how many have an accepted answer, and how many replies come from peers rather than convenors.
4. **Engagement.** The share of members taking part in a period, how people spread across the levels of participation, how many new contributors there are each month, and whether people who contribute once come back.
5. **Impact.** What the community changed: survey results, value-creation stories, resources reused by people other than their author, and practices the community has endorsed.

Each measure is shown with its parts and, where useful, a target and a plain reading, such as "questions wait four days for a first reply; the programme median is one". None is meant to be read alone.

## Surveys

A short yearly survey asks members whether taking part has helped them: collaborating with others, sharing ideas across divisions, meeting colleagues they would not otherwise have met, developing skills, applying something they learned, and feeling a greater sense of belonging. Responses are anonymous, and results are hidden for groups too small to protect people's answers.

## Value-creation stories

A value-creation story links an activity to what changed because of it. It follows value through a series of cycles:

- **Immediate**: the activity itself was worthwhile: an enjoyable session, a quick answer.
- **Potential**: someone gained knowledge, a contact or a resource they might use.
- **Applied**: they used it, and their practice changed.
- **Realised**: the change improved results: time saved, errors avoided, a better service.
- **Reframing**: it changed how people think about success, or what they aim for.

A good story is short and specific. For example: "At the March roundtable, I heard how the library handles contract renewals (potential). I adapted their checklist for our team (applied). Renewals now take a week instead of a month (realised)." Tell the first part now, and come back later to add what happened next.

The share of stories that reach "applied" or beyond is one of the clearest signs that a community makes a difference.

## Making it part of the routine

- Ask for a story at the end of a session: "Has anything from here changed how you work?"
- Gather two or three stories before every report to the sponsor.
- Look at the measures each quarter with the core team, and decide one thing to try.
- Share results with members, not only with sponsors: it shows them their time matters.`,
};
