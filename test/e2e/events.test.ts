import assert from "node:assert/strict";
import { test } from "node:test";
import { and, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { communities } from "../../src/features/communities/tables.js";
import { events } from "../../src/features/events/tables.js";
import { memberships } from "../../src/features/memberships/tables.js";
import { people } from "../../src/features/people/tables.js";
import { screenshot, signIn, startBrowserApp, submit, text, visit } from "../support/browser.js";

// Issue 6's journey: a convenor plans a monthly series with 2 places; three members say they are
// going and the third is waitlisted; one gives up their place and the third is promoted and told;
// after the event the convenor records attendance and adds notes and a recording link; the event
// shows in the community's archive. Every page visited is checked with axe.

const app = await startBrowserApp({ seed: true });
const convenor = app.account("convenor");
const first = app.account("admin");
const second = app.account("programme");
const third = app.account("member");
const nameOf = (handle: string) => app.org?.people.find((p) => p.handle === handle)?.name ?? "";

const convenorPage = await app.newPage();
const firstPage = await app.newPage();
const secondPage = await app.newPage();
const thirdPage = await app.newPage();

const slug = "hr-operations";
const title = "Payroll questions over lunch";
let eventPath = "";

const main = (page: Page) => text(page.locator("main"));
const panel = (page: Page) => page.locator("#rsvp");

/** The first Tuesday of next month, as year-month-day: always ahead of today. */
function firstTuesdayOfNextMonth(): string {
  const today = new Date();
  const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1));
  while (day.getUTCDay() !== 2) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** Joins the host community from its page, accepting any code of conduct (if not a member yet). */
async function join(page: Page) {
  await visit(page, `/communities/${slug}`);
  const link = page.getByRole("link", { name: "Join community" });
  if ((await link.count()) === 0) return;
  await submit(page, () => link.click());
  const accept = page.getByLabel("I have read and accept the code of conduct");
  if ((await accept.count()) > 0) await accept.check();
  await submit(page, () => page.getByRole("button", { name: "Join community" }).click());
  assert.equal(await page.getByRole("link", { name: "Join community" }).count(), 0, "joined");
}

/** Answers on the event page; htmx swaps the panel in place, so wait for it, then reload with axe. */
async function answer(page: Page, button: string, expected: RegExp) {
  await visit(page, eventPath);
  await panel(page).getByRole("button", { name: button }).click();
  await panel(page).getByText(expected).first().waitFor();
  await visit(page, eventPath);
  assert.match(await text(panel(page)), expected);
}

test("the convenor plans a monthly series with 2 places", async () => {
  await signIn(convenorPage, convenor.email, convenor.password);
  await visit(convenorPage, `/communities/${slug}/events`);
  await screenshot(convenorPage, "journey-community-events");
  await visit(convenorPage, `/communities/${slug}/events/new`);
  await convenorPage.getByLabel("Kind of activity").selectOption("roundtable");
  await convenorPage.getByLabel("Title").fill(title);
  await convenorPage
    .getByLabel("Description (optional)")
    .fill("Bring a payroll question. We take them **in turn** and note the answers for everyone.");
  await convenorPage.getByLabel("Date", { exact: true }).fill(firstTuesdayOfNextMonth());
  await convenorPage.getByLabel("Start time").fill("12:30");
  await convenorPage.getByLabel("End time").fill("13:30");
  await convenorPage.getByLabel("Every month on the same weekday").check();
  await convenorPage.getByLabel("Number of events (for a series)").fill("3");
  await convenorPage.getByLabel("In person", { exact: true }).check();
  await convenorPage.getByLabel("Location").fill("Room 2.14, Civic Centre");
  await convenorPage.getByLabel("Places (optional)").fill("2");
  await screenshot(convenorPage, "journey-event-form");
  await submit(convenorPage, () => convenorPage.getByRole("button", { name: "Create event" }).click());
  eventPath = new URL(convenorPage.url()).pathname;
  assert.match(eventPath, /^\/events\/[\w-]+$/);
  assert.match(await main(convenorPage), /series of 3 events is planned/);
  assert.match(await main(convenorPage), new RegExp(title));
  assert.match(await main(convenorPage), /2 places left of 2/);
  await screenshot(convenorPage, "journey-event-page");
});

test("three members answer: two are going and the third is waitlisted", async () => {
  await signIn(firstPage, first.email, first.password);
  await join(firstPage);
  await answer(firstPage, "I'm going", /You are going/);
  await signIn(secondPage, second.email, second.password);
  await join(secondPage);
  await answer(secondPage, "I'm going", /You are going/);
  assert.match(await text(panel(secondPage)), /Full \(2 places\)/);
  await signIn(thirdPage, third.email, third.password);
  await join(thirdPage);
  await answer(thirdPage, "Join the waitlist", /You are number 1 on the waitlist/);
  const members = await app.database.db
    .select({ handle: people.handle })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .innerJoin(communities, eq(communities.id, memberships.communityId))
    .where(and(eq(communities.slug, slug), eq(memberships.state, "active")));
  const handles = new Set(members.map((m) => m.handle));
  for (const account of [first, second, third]) assert.ok(handles.has(account.personHandle), account.label);
  await screenshot(thirdPage, "journey-event-waitlisted");
});

test("the convenor sees who is coming and who is waiting", async () => {
  await visit(convenorPage, `${eventPath}/attendees`);
  const going = await text(convenorPage.locator("section", { has: convenorPage.locator("#going-title") }));
  assert.match(going, /Going \(2\)/);
  assert.match(going, new RegExp(nameOf(first.personHandle)));
  const waiting = await text(
    convenorPage.locator("section", { has: convenorPage.locator("#waitlist-title") }),
  );
  assert.match(waiting, new RegExp(nameOf(third.personHandle)));
  await screenshot(convenorPage, "journey-event-attendees");
});

test("one gives up their place; the third is promoted and told", async () => {
  await visit(firstPage, eventPath);
  // Giving up a place on a full event asks twice (a <details> with a second button).
  await panel(firstPage).locator("summary", { hasText: "I can't go" }).click();
  await panel(firstPage).getByRole("button", { name: "Give up my place" }).click();
  await panel(firstPage).getByText("You said you cannot go.").first().waitFor();

  await visit(thirdPage, eventPath);
  assert.match(await text(panel(thirdPage)), /You are going/);
  await visit(thirdPage, "/me/notifications");
  assert.match(await main(thirdPage), new RegExp(`A place came up: you are going to .${title}.`));
  await screenshot(thirdPage, "journey-event-promoted-notification");
});

test("after the event the convenor records attendance", async () => {
  // The app reads the real clock (no injected `now` in the browser app), so the first occurrence is
  // moved into the past in the database, as if the lunch had taken place this morning.
  const id = eventPath.split("/").at(-1)!;
  const now = Date.now();
  await app.database.db
    .update(events)
    .set({ startsAt: new Date(now - 3 * 3_600_000), endsAt: new Date(now - 2 * 3_600_000) })
    .where(eq(events.id, id));

  await visit(convenorPage, `${eventPath}/attendees`);
  await convenorPage.getByLabel(nameOf(second.personHandle)).check();
  await convenorPage.getByLabel(nameOf(third.personHandle)).check();
  await submit(convenorPage, () => convenorPage.getByRole("button", { name: "Save attendance" }).click());
  assert.match(await main(convenorPage), /Attendance was last saved/);
  await screenshot(convenorPage, "journey-event-attendance");
  const [row] = await app.database.db.select().from(events).where(eq(events.id, id));
  assert.ok(row?.attendanceRecordedAt, "attendance is recorded");
});

test("the convenor adds notes and a recording link", async () => {
  await visit(convenorPage, `${eventPath}/outputs`);
  await convenorPage
    .getByLabel("Notes", { exact: true })
    .fill("## What we covered\n\n- Back pay after a grade change\n- Salary sacrifice and pensions");
  await convenorPage.getByLabel("Recording link").fill("https://video.example.org/payroll-lunch");
  await convenorPage.getByLabel("Topics discussed").fill("back pay, pensions");
  await screenshot(convenorPage, "journey-event-outputs-form");
  await submit(convenorPage, () =>
    convenorPage.getByRole("button", { name: "Save notes and recording", exact: true }).click(),
  );
  assert.equal(new URL(convenorPage.url()).pathname, eventPath);
  const page = await main(convenorPage);
  assert.match(page, /Back pay after a grade change/);
  assert.ok(
    (await convenorPage.locator('a[href="https://video.example.org/payroll-lunch"]').count()) > 0,
    "the recording is linked from the event page",
  );
  await screenshot(convenorPage, "journey-event-outputs");
});

test("the event appears in the community's archive", async () => {
  await visit(thirdPage, `/communities/${slug}/events/archive`);
  const entry = thirdPage
    .locator("li, article", { has: thirdPage.getByRole("link", { name: title }) })
    .first();
  assert.equal(await entry.count(), 1, "the event is in the archive");
  assert.match(await main(thirdPage), /back pay/i);
  await screenshot(thirdPage, "journey-event-archive");
});

test("the events list, month view, community tab and personal calendar pass axe", async () => {
  await visit(thirdPage, "/events");
  await screenshot(thirdPage, "journey-events-list");
  await visit(thirdPage, "/events?view=month");
  await screenshot(thirdPage, "journey-events-month");
  await visit(thirdPage, `/communities/${slug}/events`);
  // The series goes on: its next occurrence is still upcoming.
  assert.match(await main(thirdPage), new RegExp(title));
  await visit(thirdPage, "/me/calendar");
  await screenshot(thirdPage, "journey-my-calendar");
});

test("the demo's unconference board and its full workshop pass axe", async () => {
  const idOf = async (name: string) => {
    const [row] = await app.database.db.select({ id: events.id }).from(events).where(eq(events.title, name));
    assert.ok(row, `demo event "${name}"`);
    return row.id;
  };
  const unconference = await idOf("Technology unconference");
  await visit(thirdPage, `/events/${unconference}`);
  await visit(thirdPage, `/events/${unconference}/board`);
  assert.match(await main(thirdPage), /What should we stop maintaining\?/);
  await screenshot(thirdPage, "journey-demo-board");
  await visit(thirdPage, `/events/${await idOf("Hands-on: accessible spreadsheets")}`);
  assert.match(await text(panel(thirdPage)), /Full \(12 places\), 3 people on the waitlist/);
});

test("the organiser's pages pass axe: edit, cancel confirmation, the schedule grid and the empty form's errors", async () => {
  // A later occurrence of the series: edit (with the this/following choice) and the cancel confirmation.
  await visit(convenorPage, eventPath);
  const later = convenorPage.getByRole("link", { name: title }).last();
  const laterPath = await later.getAttribute("href");
  assert.ok(laterPath?.startsWith("/events/"));
  await visit(convenorPage, `${laterPath}/edit`);
  assert.match(await main(convenorPage), /This and following events/);
  await screenshot(convenorPage, "journey-event-edit");
  await visit(convenorPage, `${laterPath}/cancel`);
  await screenshot(convenorPage, "journey-event-cancel");
  // The form refuses an empty submission with an error summary, still accessible.
  await visit(convenorPage, `/communities/${slug}/events/new`);
  await submit(convenorPage, () => convenorPage.getByRole("button", { name: "Create event" }).click(), {
    status: 422,
  });
  assert.match(await main(convenorPage), /There is a problem/);
  // The programme team organises any event: the demo unconference's schedule grid.
  const [row] = await app.database.db
    .select({ id: events.id })
    .from(events)
    .where(eq(events.title, "Technology unconference"));
  await visit(secondPage, `/events/${row!.id}/board/schedule`);
  await screenshot(secondPage, "journey-demo-schedule");
});
