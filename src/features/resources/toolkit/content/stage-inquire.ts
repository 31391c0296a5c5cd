import type { ToolkitItem } from "./types.js";

export const stageInquire: ToolkitItem = {
  slug: "stage-inquire",
  kind: "guide",
  title: "Inquire: is there a community here?",
  summary:
    "Before anything is organised, find out who the community is for, what it covers and why people would give it their time.",
  tags: ["lifecycle", "inquire", "getting started"],
  body: `A community of practice starts with a shared problem, not with a meeting. The inquire stage is about listening: finding out whether enough people care about the same area of work to learn from each other, and what they would want from a community if it existed.

## What this stage is for

By the end of it you should be able to say, in a few plain sentences, who the community is for, what it is about, what it is not about, and what would be different in a year's time if it worked.

## Steps

### Name the audience and purpose

Write down who you have in mind. Be specific: "people who process research contracts in any department" is more useful than "anyone interested in research". Then write what they would gain by taking part: answers to questions, fewer reinvented wheels, colleagues to call on.

### Talk to potential members

Have five to ten short conversations, ideally with people from different teams and divisions. Ask what gets in the way of their work, where they go for help now, and what they would give an hour a month to. Listen for the questions that keep coming up; they are your domain.

### Agree the domain

The domain is the area of practice the community shares. Settle what is inside it and, just as usefully, what is outside. A domain that is too wide becomes a mailing list; one that is too narrow runs out of things to say.

### Look for what already exists

Check for groups, networks or mailing lists doing something similar. If one exists, talk to its organisers. You might join forces, or agree how the two differ. Nobody thanks a programme for two half-empty communities on the same topic.

### Find a sponsor

Ask a senior colleague to back the community. A sponsor helps members justify the time, opens doors when you need a room or a budget, and hears what the community achieves. Their support matters more than their attendance.

### Describe success in a year

Write one or two sentences about what the community will have changed. "New starters in finance find answers within a day" is a good example: concrete, and something you could check.

## Signs you are ready to move on

- You can explain the community to a colleague in under a minute.
- At least a handful of people have said they would take part, and one or two would help run it.
- You have a sponsor, or know who to ask.

## Common pitfalls

- **Starting with the tool.** Choosing a chat platform before you know what people need.
- **Only asking friends.** Conversations with people who already agree with you will not show the gaps.
- **Promising too much.** A community that starts small and keeps its promises grows faster than one that launches with a grand programme.

When you are ready, move to **Design** on the community's Lifecycle tab and look at the guide for that stage.`,
};
