import type { ToolkitItem } from "./types.js";

export const welcome: ToolkitItem = {
  slug: "about-this-toolkit",
  kind: "toolkit",
  title: "About this toolkit",
  summary:
    "What the starter toolkit holds, how to use it alongside the lifecycle checklists, and how to suggest improvements.",
  tags: ["getting started", "toolkit"],
  body: `This toolkit is for anyone starting or running a community of practice here. It gathers what the programme team has learned about getting communities off the ground and keeping them going, in short, practical pieces you can use straight away.

## What is in it

- **A guide to each stage of a community's life**: Inquire, Design, Prototype, Launch, Grow and Sustain. Each follows the same checklist that convenors see on their community's Lifecycle tab, with more on why each step matters and what tends to go wrong.
- **Templates** you can copy: a charter and a plan for a first meeting.
- **Activity formats**: six ways to bring people together, from workshops to show-and-tell over breakfast.
- **Keeping people engaged**: how people take part at different levels, and how to make it easy to join in.
- **Measuring value**: the measures the programme looks at and how to gather stories of what changed.

## How to use it

You do not need to read it all at once. A good way in:

1. If you are thinking about starting a community, read **Inquire** and talk to the programme team, then propose the community in Convene.
2. Once your community exists, open its Lifecycle tab and read the guide for its current stage alongside the checklist.
3. Use the templates when you reach the step that needs them.
4. Come back to **Keeping people engaged** and **Measuring value** once the community is running.

## Your own community's resources

Every community has its own Resources tab for the guides, tip-sheets and templates its members write. Items you adapt from this toolkit belong there, in your community's own words and with its own examples. Give each a review date so the collection stays current.

## Keeping the toolkit current

The programme team looks after this toolkit and reviews each item regularly. If something is unclear, out of date or missing, say so: start a discussion in your community, or contact the programme team. The best improvements come from convenors who have just tried something.`,
};
