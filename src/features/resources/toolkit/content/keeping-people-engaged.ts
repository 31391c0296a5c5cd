import type { ToolkitItem } from "./types.js";

export const keepingPeopleEngaged: ToolkitItem = {
  slug: "keeping-people-engaged",
  kind: "guide",
  title: "Keeping people engaged",
  summary:
    "How people take part at different levels, why reading and listening count, and practical ways to make it easy to join in and come back.",
  tags: ["engagement", "participation", "newcomers"],
  body: `People take part in communities in different ways, and that is how it should be. A healthy community does not need everyone to post every week. It needs a few people who keep it going, some who contribute regularly, and many who read, listen and use what the community makes.

## Levels of participation

It helps to think in levels:

- **Core**: a small group, often around a tenth of members, who run activities and contribute most weeks.
- **Active**: people who contribute regularly, perhaps answering questions or attending most events.
- **Occasional**: people who contribute now and then, when a topic touches their work.
- **Peripheral**: people who read, listen and attend without posting. This is usually the majority.

Peripheral participation is legitimate, not a failure. Many people learn a great deal by reading discussions and using resources, and they take that learning into their teams. Some will move towards the centre when a topic matters to them; some never will, and still gain from belonging.

## Ways of contributing

Contribution is more than posting. People may:

- **consume**: read the round-up, attend a talk;
- **contribute**: ask or answer a question, share a resource, give a talk;
- **collaborate**: improve someone else's resource, co-run a session;
- **co-create**: start something new with others, such as a working group or event;
- **champion**: welcome newcomers and speak up for the community.

Make each step easy and visible, so that someone who reads today can answer a question next month.

## Practical ways to keep people involved

- **Make it easy to enter and re-enter.** A regular round-up lets people catch up after a busy month. Recorded talks and event notes mean nobody is left behind by missing a session.
- **Ask small, specific favours.** "Could you check this tip-sheet against your team's process?" is easier to say yes to than "Please contribute more".
- **Respond quickly.** A first question that gets a friendly reply within a day is often followed by a second.
- **Welcome people by name.** Greet newcomers, and introduce people with shared interests to each other.
- **Recognise contributions.** Thank people in public and let their managers know.
- **Respect breaks.** Busy periods happen. Members can take a break and return, and should be welcomed back without guilt.
- **Listen to people who leave.** Leaving reasons, seen in aggregate, show what to change.

## What to watch

Look at the community's engagement figures over a rolling quarter: how many people take part at each level, how many new contributors there were, and whether people who contributed once come back. Treat them as prompts for conversation, not targets. A drop in activity during the summer is not a crisis; a steady fall over several months is worth a conversation with the core team.

## Common pitfalls

- **Counting only posts.** Readers and attendees are part of the community too.
- **Pressuring the quiet majority.** Invitations work; obligations do not.
- **Relying on one enthusiast.** Spread the work before it wears someone out.`,
};
