import type { ToolkitItem } from "./types.js";

export const firstMeetingPlan: ToolkitItem = {
  slug: "first-meeting-plan",
  kind: "template",
  title: "First-meeting plan",
  summary:
    "A 60-minute plan for a community's first meeting, with what to prepare, a running order and what to do afterwards.",
  tags: ["meetings", "template", "prototype", "launch"],
  body: `The first meeting sets the tone. People should leave having met someone new, with one useful thing to take back, and knowing when the next meeting is. This plan is for about an hour and up to thirty people; adapt the timings to suit.

## Before the meeting

- **Create the event** in Convene, with a clear title and two or three sentences on what people will get from it. Say whether it is in person, online or both, and give accessibility details for the room.
- **Invite** the core group personally, then the wider audience.
- **Prepare two or three prompt questions** for the small-group conversation, such as "What part of your work takes longer than it should?".
- **Ask one member to share a short example** of something that worked for them. Five minutes is plenty.
- **Arrange a note-taker**, so the convenor can concentrate on the room.
- For online or hybrid meetings, test the link and the breakout rooms, and name someone to watch the chat.

## Running order (60 minutes)

| Time | What happens |
| --- | --- |
| 0:00 | **Welcome** (5 min). Why the community exists, in a sentence or two. What the hour holds. |
| 0:05 | **Introductions** (10 min). Name, team, and one thing you hope the community will help with. In a large group, do this at tables or in breakout rooms. |
| 0:15 | **A member's example** (10 min). A short story of something that worked, with questions. |
| 0:25 | **Small-group conversation** (15 min). Groups of three to five, one prompt question each. Ask each group to note the two most useful points. |
| 0:40 | **Report back** (10 min). One point from each group. The note-taker captures them. |
| 0:50 | **What next** (10 min). The draft charter and where to read it; the next date; how to ask a question between meetings; a call for someone to lead a future session. |

Finish on time. People remember whether a meeting respected their diary.

## After the meeting

- **Within two days**, add the notes to the event as its outputs: the points from each group, any decisions, and links mentioned.
- **Thank** the member who shared an example, in public.
- **Post a discussion** asking what people would like next, using the points from the report back.
- **Follow up individually** with anyone who offered to help.
- **Put the next meeting in the calendar** if it is not there already.

## Things that help

- Name badges or display names that include the team.
- A slide or sheet with the community's address in Convene.
- Refreshments for in-person meetings, especially early in the morning.
- A moment at the start for people joining online to say hello.

## Things to avoid

- A long presentation from the convenor. The first meeting is about members meeting each other.
- Asking everyone to volunteer for something on the spot. Ask individually afterwards.
- Ending without a date for the next meeting.`,
};
