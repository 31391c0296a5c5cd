import type { ToolkitItem } from "./types.js";

export const activityFormats: ToolkitItem = {
  slug: "activity-formats",
  kind: "toolkit",
  title: "Activity formats",
  summary:
    "Six formats for community activities, from workshops to breakfast show-and-tells, with when to use each and how to run it well.",
  tags: ["activities", "events", "formats"],
  body: `Different activities suit different purposes. A community with a mix of formats gives people several ways in: some come to learn, some to meet people, some to solve a particular problem. Here are six formats that work well, each with a short recipe.

## Workshop

**Best for:** building a skill or producing something together.

A hands-on session of one to three hours with a clear outcome: a process mapped, a template drafted, a tool learned. Keep groups small (up to twenty), send any preparation in advance, and spend most of the time doing rather than listening. Publish what the group produced as a resource afterwards.

## Talk

**Best for:** sharing expertise or a project with a wide audience.

One speaker, twenty to thirty minutes, followed by questions. Talks are easy to attend and easy to record, so they suit communities spread across sites. Ask the speaker to end with one thing people can try. Add the recording and slides to the event's outputs so it becomes part of the community's archive.

## Roundtable

**Best for:** a shared problem with no single answer.

A facilitated conversation among eight to fifteen people around a question, such as "How are you handling the new approval process?". The facilitator keeps time, draws in quieter voices and summarises at the end. Write up the main points; they often become a tip-sheet.

## Unconference

**Best for:** a large, experienced community with lots to share.

Participants set the agenda on the day. People propose sessions, everyone votes, and the most popular fill the rooms and time slots. It takes a half or full day and good facilitation, but it surfaces topics the organisers would never have thought of. Convene's session board handles proposals, votes and the schedule.

## Mentoring circle

**Best for:** developing people, especially newer members.

A small group of four to six people with one or two experienced colleagues, meeting regularly for a few months. Each meeting one member brings a real challenge and the group helps them think it through. Agree confidentiality at the start. Mentoring circles build lasting connections across teams and grades.

## Show-and-tell over breakfast

**Best for:** regular, low-effort contact and quick inspiration.

An informal half hour early in the day, in person or online, with coffee. Two or three people each show something that worked this month in five minutes: a spreadsheet trick, a better letter, a new contact. No slides needed. Its low barrier makes it a good first activity for people on the edge of the community.

## Choosing a mix

- Start with one regular format (often a roundtable or breakfast show-and-tell) and add others as the community grows.
- Vary times and places so that part-time staff and people at other sites can take part.
- After each activity, add notes, recordings or slides, so that people who could not come still benefit.
- Ask members which formats they find most useful, and drop the ones nobody misses.`,
};
