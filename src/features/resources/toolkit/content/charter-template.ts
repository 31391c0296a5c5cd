import type { ToolkitItem } from "./types.js";

export const charterTemplate: ToolkitItem = {
  slug: "charter-template",
  kind: "template",
  title: "Charter template",
  summary:
    "A ready structure for a community's charter: mission, membership, code of conduct, tools, meeting rhythm and decision process.",
  tags: ["charter", "template", "design"],
  body: `Copy the headings below into your community's Charter tab and replace the text in square brackets. Keep each section short; a charter people actually read is better than a complete one nobody does. Write it with the core team, and revise it when things change.

## Mission

[One or two sentences: why the community exists and who it is for.]

*Example: We bring together everyone who supports research contracts across the university, so that we solve common problems once and new colleagues get up to speed quickly.*

## Membership

[Who can join, and how. Is the community open to all staff, to people in particular roles, or by request? Are managers, students or external partners welcome?]

*Example: Open to any member of staff whose work involves research contracts. Join from the community page; no approval needed.*

## Code of conduct

[How members treat each other, and what happens if someone does not. Keep it specific to how your community works.]

We expect every member to:

- be respectful and assume good intentions;
- share what they know, including what did not work;
- keep confidential information out of shared spaces, and ask before sharing someone else's work outside the community;
- welcome newcomers and avoid jargon without explanation;
- disagree about ideas, never about people.

If something goes wrong, tell a convenor. Convenors can hide posts that break this code and will explain why to the author. Repeated or serious breaches may lead to removal from the community.

## Tools

[Where the community talks, shares files and publishes news. Name each tool and what it is for.]

*Example: Questions and discussions in Convene. Events and their notes in Convene. Resources (guides, templates, tip-sheets) in Convene. A monthly round-up by email to all members.*

## Meeting rhythm

[When the community meets, and in what format.]

*Example: Monthly, on the first Tuesday, 12:30 to 13:30, online with a room open for those who prefer to meet in person. A longer workshop each term.*

## Decision process

[How the community decides things: changes to this charter, which resources it endorses as good practice, what it works on next.]

Choose one and describe it:

- **Consensus**: a proposal is shared in the discussions for at least a week; it goes ahead unless someone raises a concern that is not resolved.
- **Vote**: members vote over a set period; a simple majority of those voting decides.
- **Designated lead**: the convenors decide after inviting comments, and explain their decision.

*Example: Convenors propose changes in the discussions and decide after two weeks of comments. Resources are endorsed when a convenor and one core member agree they reflect our good practice.*

## Roles

[Who does what. Name roles rather than only people, so the charter survives changes.]

- **Convenors**: [names] look after the calendar, the charter and welcoming newcomers.
- **Core team**: [names] run sessions, answer questions, look after resources.
- **Sponsor**: [name] backs the community and hears what it achieves.

## Review

This charter was agreed on [date] and will be reviewed by [date, usually a year later].`,
};
