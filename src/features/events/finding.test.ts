import assert from "node:assert/strict";
import { test } from "node:test";
import { Validator } from "@seriousme/openapi-schema-validator";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { buildEvent } from "../../../test/support/event-factories.js";
import { buildCommunity, buildPerson } from "../../../test/support/factories.js";
import { apiClient, signInOnce } from "../../../test/support/signed-in.js";
import { monthGrid } from "./views/month-calendar.js";
import { fromLocal, toLocal } from "./zoned-time.js";

const { app, db } = await createTestApp();

const DAY = 86_400_000;
const inDays = (days: number, hours = 0) => new Date(Date.now() + days * DAY + hours * 3_600_000);

const convenor = await buildPerson(db, { name: "Cara Convenor" });
const member = await buildPerson(db, { name: "Mo Member" });
const outsider = await buildPerson(db, { name: "Olu Outsider" });
const programme = await buildPerson(db, { name: "Pat Programme", siteRole: "programme" });
const insider = await buildPerson(db, { name: "Ines Insider" });
const loner = await buildPerson(db, { name: "Lou Loner" });

const payroll = await buildCommunity(db, {
  name: "Payroll Practitioners",
  slug: "payroll",
  members: [{ personId: convenor.id, role: "convenor" }, { personId: member.id }],
});
const wellbeing = await buildCommunity(db, {
  name: "Staff Wellbeing",
  slug: "wellbeing",
  contentAccess: "members",
  members: [{ personId: member.id }],
});
const hidden = await buildCommunity(db, {
  name: "Quiet Room",
  slug: "quiet-room",
  visibility: "unlisted",
  members: [{ personId: insider.id }],
});
const other = await buildCommunity(db, { name: "Open Talks", slug: "open-talks" });
const archiveCommunity = await buildCommunity(db, {
  name: "Archive Keepers",
  slug: "archive-keepers",
  members: [{ personId: member.id }],
});
const quiet = await buildCommunity(db, { name: "Nothing Planned", slug: "nothing-planned" });

// Events that are still to come.
const openTalk = await buildEvent(db, other.id, {
  title: "Open talk on spreadsheets",
  type: "talk",
  format: "online",
  startsAt: inDays(1),
});
const breakfast = await buildEvent(db, payroll.id, {
  title: "Payroll breakfast",
  startsAt: inDays(3),
  capacity: 10,
  going: [member.id, convenor.id],
});
const walk = await buildEvent(db, wellbeing.id, {
  title: "Wellbeing walk",
  type: "social",
  startsAt: inDays(4),
});
const huddle = await buildEvent(db, hidden.id, { title: "Quiet huddle", startsAt: inDays(5) });
const clinic = await buildEvent(db, wellbeing.id, {
  title: "Co-hosted clinic",
  type: "workshop",
  format: "hybrid",
  startsAt: inDays(6),
  coHostIds: [other.id],
});
const cancelled = await buildEvent(db, payroll.id, {
  title: "Cancelled social",
  type: "social",
  startsAt: inDays(7),
  status: "cancelled",
  cancelledAt: new Date(),
});
const hostile = await buildEvent(db, payroll.id, {
  title: '<script>alert("x")</script> & "quotes" \u202Eodd',
  startsAt: inDays(8),
});

const api = apiClient(app, db, "finding");
const call = (path: string, who?: { id: string }) => api.call(path, { as: who });

const signedIn = signInOnce(app);
const visitorFor = (person?: { email: string }) => (person ? signedIn(person) : new Visitor(app as never));

async function page(path: string, person?: { email: string }) {
  const response = await (await visitorFor(person)).get(path);
  assert.equal(response.status, 200, `${path}: ${response.status}`);
  assert.equal(response.html.match(/<h1[ >]/g)?.length, 1, "one h1");
  return response.html;
}

/** The table cell of one date in the month calendar. */
function cell(html: string, date: string) {
  const at = html.indexOf(`<time datetime="${date}"`);
  assert.ok(at >= 0, `a cell for ${date}`);
  const start = html.lastIndexOf("<td", at);
  return html.slice(start, html.indexOf("</td>", at));
}

const upcomingTitles = [openTalk, breakfast, walk, huddle, clinic, cancelled].map((e) => e.title);
const seen = (html: string) => upcomingTitles.filter((title) => html.includes(title));

test("/events: who sees which events (visibility matrix, co-hosted events)", async () => {
  const anonymous = await page("/events");
  assert.match(anonymous, /Sign in to see what is on/);
  assert.deepEqual(seen(anonymous), []);

  assert.deepEqual(seen(await page("/events", outsider)), [
    "Open talk on spreadsheets",
    "Payroll breakfast",
    "Co-hosted clinic",
  ]);
  assert.deepEqual(seen(await page("/events", programme)), [
    "Open talk on spreadsheets",
    "Payroll breakfast",
    "Co-hosted clinic",
  ]);
  assert.deepEqual(seen(await page("/events", member)).sort(), [
    "Co-hosted clinic",
    "Open talk on spreadsheets",
    "Payroll breakfast",
    "Wellbeing walk",
  ]);
  const insiderView = await page("/events", insider);
  assert.ok(insiderView.includes("Quiet huddle"), "members see their unlisted community's events");
  assert.ok(!insiderView.includes("Wellbeing walk"));
});

test("/events lists the viewer's communities first, grouped by day, with places left", async () => {
  const html = await page("/events", member);
  const mine = html.indexOf("In your communities");
  const others = html.indexOf("Other events you can see");
  assert.ok(mine > 0 && others > mine);
  // The open talk is the soonest, but it is not one of the member's communities.
  assert.ok(html.indexOf("Payroll breakfast") < others);
  assert.ok(html.indexOf("Wellbeing walk") < others);
  assert.ok(html.indexOf("Co-hosted clinic") < others, "co-hosted by one of mine");
  assert.ok(html.indexOf("Open talk on spreadsheets") > others);
  const day = toLocal(breakfast.startsAt, "Europe/London").date;
  assert.match(html, new RegExp(`<h3 class="event-day-heading"><time datetime="${day}">`));
  assert.match(html, /2 going, 8 places left/);
  assert.match(html, new RegExp(`href="/events/${breakfast.id}"`));
  // An outsider has no communities: told how to find one.
  const outsiderView = await page("/events", outsider);
  assert.match(outsiderView, /You have not joined a community yet/);
});

test("/events filters by community, type, format and cancelled, without JavaScript", async () => {
  assert.deepEqual(seen(await page("/events?community=payroll", member)), ["Payroll breakfast"]);
  assert.deepEqual(seen(await page("/events?community=open-talks", member)), [
    "Open talk on spreadsheets",
    "Co-hosted clinic",
  ]);
  assert.deepEqual(seen(await page("/events?type=talk", member)), ["Open talk on spreadsheets"]);
  assert.deepEqual(seen(await page("/events?format=hybrid", member)), ["Co-hosted clinic"]);
  const withCancelled = await page("/events?community=payroll&cancelled=1", member);
  assert.deepEqual(seen(withCancelled), ["Payroll breakfast", "Cancelled social"]);
  assert.match(withCancelled, /badge-cancelled">Cancelled/);
  // The form is a plain GET form with labels, keeping what was chosen.
  const form = await page("/events?type=talk", member);
  assert.match(form, /<form class="filters" method="get" action="\/events"/);
  assert.match(form, /<label for="events-type">Type<\/label>/);
  assert.match(form, /<option value="talk" selected="">Talk<\/option>/);
  // Members-only communities an outsider cannot read are not offered, nor shown when asked for.
  const outsiderForm = await page("/events?community=wellbeing", outsider);
  assert.doesNotMatch(outsiderForm, /<option value="wellbeing"/);
  assert.deepEqual(seen(outsiderForm), ["Co-hosted clinic"]);
  const none = await page("/events?type=mentoring", member);
  assert.match(none, /No upcoming events match these filters/);
  assert.match(none, /Clear the filters/);
});

test("odd input never fails: bad months, cursors, types", async () => {
  for (const path of [
    "/events?view=month&month=2026-13",
    "/events?view=month&month=%3Cscript%3E",
    "/events?cursor=not-a-cursor",
    "/events?type=%00&format=zzz&community=%F0%9F%98%80",
    `/events?community=${"x".repeat(500)}`,
  ]) {
    const response = await (await visitorFor(member)).get(path);
    assert.equal(response.status, 200, path);
  }
  assert.equal((await (await visitorFor(member)).get("/communities/no-such/events")).status, 404);
  assert.equal((await (await visitorFor(member)).get("/communities/no-such/events/archive")).status, 404);
  assert.equal((await (await visitorFor(member)).get("/communities/payroll/events?cursor=%%%")).status, 200);
});

test("hostile titles stay inert everywhere", async () => {
  const month = toLocal(hostile.startsAt, "Europe/London").date.slice(0, 7);
  for (const html of [
    await page("/events", member),
    await page(`/events?view=month&month=${month}`, member),
    await page("/communities/payroll/events", member),
    await page("/", member),
  ]) {
    assert.ok(!html.includes('<script>alert("x")'), "no live script");
    assert.ok(html.includes("&lt;script&gt;alert"), "escaped");
  }
});

test("the month calendar: a table of weeks, events on their local date across clock changes", async () => {
  const london = "Europe/London";
  const clocks = await buildCommunity(db, { name: "Clock Watchers", slug: "clock-watchers" });
  // 00:30 British Summer Time on 30 March 2026 is 23:30 UTC on the 29th.
  const early = await buildEvent(db, clocks.id, {
    title: "Just after midnight",
    startsAt: fromLocal("2026-03-30", "00:30", london),
    timeZone: london,
  });
  const late = await buildEvent(db, clocks.id, {
    title: "Late session",
    startsAt: fromLocal("2026-03-31", "23:30", london),
    timeZone: london,
  });
  // On the day the clocks go forward, 10:00 is BST.
  const springDay = await buildEvent(db, clocks.id, {
    title: "Clocks go forward",
    startsAt: fromLocal("2026-03-29", "10:00", london),
    timeZone: london,
  });
  // The first of April at 00:30 is still March in UTC: it belongs to April's cell.
  const april = await buildEvent(db, clocks.id, {
    title: "April fool",
    startsAt: fromLocal("2026-04-01", "00:30", london),
    timeZone: london,
  });
  // In New York at 20:00 (summer time there already), which is midnight in London.
  const abroad = await buildEvent(db, clocks.id, {
    title: "New York evening",
    startsAt: fromLocal("2026-03-10", "20:00", "America/New_York"),
    timeZone: "America/New_York",
  });
  assert.equal(early.startsAt.toISOString().slice(0, 10), "2026-03-29");

  const html = await page("/events?view=month&month=2026-03&community=clock-watchers", member);
  assert.match(html, /<table class="month-calendar">/);
  assert.equal(html.match(/<th scope="col">/g)?.length, 7);
  assert.match(html, /<abbr title="Monday">Mon<\/abbr>/);
  const body = html.slice(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
  assert.equal(body.match(/<tr>/g)?.length, monthGrid("2026-03").length);
  assert.equal(monthGrid("2026-03").length, 6, "1 March 2026 is a Sunday");
  assert.equal(monthGrid("2026-03")[0]![0], "2026-02-23");

  assert.match(cell(html, "2026-03-30"), /00:30<\/time>\s*Just after midnight/);
  assert.doesNotMatch(cell(html, "2026-03-29"), /Just after midnight/);
  assert.match(cell(html, "2026-03-29"), /10:00<\/time>\s*Clocks go forward/);
  assert.match(cell(html, "2026-03-31"), /23:30<\/time>\s*Late session/);
  assert.match(cell(html, "2026-04-01"), /00:30<\/time>\s*April fool/);
  assert.match(cell(html, "2026-04-01"), /month-day-outside/);
  assert.match(cell(html, "2026-03-11"), /00:00<\/time>\s*New York evening/, "shown in the viewer's zone");
  assert.match(cell(html, "2026-03-11"), new RegExp(`href="/events/${abroad.id}"`));
  assert.match(cell(html, "2026-03-02"), /month-day-empty/);
  assert.match(html, /href="\/events\?view=month&amp;month=2026-02&amp;community=clock-watchers" rel="prev"/);
  assert.match(html, /href="\/events\?view=month&amp;month=2026-04&amp;community=clock-watchers" rel="next"/);
  assert.match(html, /<h2 class="month-title">March 2026<\/h2>/);
  for (const e of [early, late, springDay, april]) assert.ok(html.includes(`/events/${e.id}`));

  // October: 00:30 on the day the clocks go back is still BST, 23:30 UTC the day before.
  const autumn = await buildEvent(db, clocks.id, {
    title: "Clocks go back",
    startsAt: fromLocal("2026-10-25", "00:30", london),
  });
  const october = await page("/events?view=month&month=2026-10&community=clock-watchers", member);
  assert.match(cell(october, "2026-10-25"), /00:30<\/time>\s*Clocks go back/);
  assert.ok(october.includes(autumn.id));
  assert.doesNotMatch(cell(october, "2026-10-24"), /Clocks go back/);

  // An empty month says so and where to go next.
  const empty = await page("/events?view=month&month=2031-02&community=clock-watchers", member);
  assert.match(empty, /No events match these filters in February 2031/);
  // Today is marked in words, not colour alone.
  const today = toLocal(new Date(), london).date;
  const now = await page("/events?view=month", member);
  const todayCell = cell(now, today);
  assert.match(todayCell, /aria-current="date"/);
  assert.match(todayCell, /Today/);
});

test("pagination walks every event once, mine first across the page boundary", async () => {
  const many = await buildCommunity(db, {
    name: "Many Meetings",
    slug: "many",
    members: [{ personId: loner.id }],
  });
  const same = inDays(20);
  const ids = new Set<string>();
  for (let i = 0; i < 25; i++) {
    const event = await buildEvent(db, many.id, {
      title: `Series meeting ${i}`,
      // Some share a start time, so the id breaks the tie.
      startsAt: i % 5 === 0 ? same : inDays(10 + i),
    });
    ids.add(event.id);
  }
  const walk = async (start: string, who: { email: string }) => {
    const found: string[] = [];
    const groups: boolean[] = [];
    let path: string | null = start;
    let pages = 0;
    while (path) {
      const html = await page(path, who);
      pages++;
      const results = html.slice(html.indexOf('<div id="results">'));
      const othersAt = results.indexOf("Other events you can see");
      for (const match of results.matchAll(
        /class="event-card-title">(?:(?!<\/h\d>).)*?href="\/events\/([0-9a-f-]{36})"/gs,
      )) {
        found.push(match[1]!);
        groups.push(othersAt >= 0 && match.index! > othersAt);
      }
      path = /href="([^"]+)" rel="next"/.exec(results)?.[1]?.replaceAll("&amp;", "&") ?? null;
      assert.ok(pages < 10);
    }
    return { found, groups, pages };
  };
  const filtered = await walk("/events?community=many", loner);
  assert.equal(filtered.pages, 2);
  assert.equal(filtered.found.length, 25);
  assert.deepEqual(new Set(filtered.found), ids);

  // The loner's own community comes first; the other events after, each once, in one walk.
  const all = await walk("/events", loner);
  assert.equal(new Set(all.found).size, all.found.length, "no event twice");
  assert.ok(all.found.includes(openTalk.id) && all.found.includes(breakfast.id));
  const firstOther = all.groups.indexOf(true);
  assert.ok(firstOther >= 25, "all 25 of mine before the others");
  assert.ok(all.groups.slice(firstOther).every(Boolean));

  // The API's pages, a few at a time.
  const apiIds: string[] = [];
  let cursor: string | null = "";
  while (cursor !== null) {
    const response = await call(`/events?community=many&limit=7${cursor ? `&cursor=${cursor}` : ""}`, loner);
    assert.equal(response.status, 200);
    apiIds.push(...response.json.data.map((e: { id: string }) => e.id));
    cursor = response.json.nextCursor;
  }
  assert.equal(apiIds.length, 25);
  assert.deepEqual(new Set(apiIds), ids);

  // Going back from the second page returns the first.
  const second = await (await visitorFor(loner)).get("/events?community=many");
  const next = /href="([^"]+)" rel="next"/.exec(second.html)![1]!.replaceAll("&amp;", "&");
  const back = await (await visitorFor(loner)).get(next);
  const prev = /href="([^"]+)" rel="prev"/.exec(back.html)![1]!.replaceAll("&amp;", "&");
  const again = await (await visitorFor(loner)).get(prev);
  assert.ok(again.html.includes("Series meeting 0"));
});

test("a community's Events tab: upcoming, places, cancelled marked, planning and subscribing", async () => {
  const asConvenor = await page("/communities/payroll/events", convenor);
  assert.match(asConvenor, /href="\/communities\/payroll\/events\/new">Plan an event/);
  assert.match(
    asConvenor,
    /href="\/me\/calendar\?community=payroll">Subscribe to this community&#39;s events/,
  );
  assert.match(asConvenor, /href="\/communities\/payroll\/events\/archive"/);
  assert.match(asConvenor, /Payroll breakfast/);
  assert.match(asConvenor, /2 going, 8 places left/);
  assert.match(asConvenor, /badge-cancelled">Cancelled<\/span>\s*<a href="\/events\/[^"]+">Cancelled social/);
  assert.match(asConvenor, /aria-current="page"/);

  const asMember = await page("/communities/payroll/events", member);
  assert.doesNotMatch(asMember, /Plan an event/);
  assert.match(asMember, /Payroll breakfast/);

  // A co-hosted event shows on both hosts' tabs.
  assert.match(await page("/communities/open-talks/events", outsider), /Co-hosted clinic/);
  assert.match(await page("/communities/wellbeing/events", member), /Co-hosted clinic/);

  // Members-only: outsiders and the programme team learn how to join, not what is planned.
  for (const who of [outsider, programme]) {
    const html = await page("/communities/wellbeing/events", who);
    assert.doesNotMatch(html, /Wellbeing walk|Co-hosted clinic/);
  }
  const anonymous = await page("/communities/payroll/events");
  assert.doesNotMatch(anonymous, /Payroll breakfast/);
  assert.match(anonymous, /Sign in/);

  const programmeView = await page("/communities/payroll/events", programme);
  assert.match(programmeView, /Plan an event/);

  const empty = await page("/communities/nothing-planned/events", outsider);
  assert.match(empty, /Nothing planned yet/);
  assert.ok(quiet.id);
});

test("the archive: past events by month, newest first, with their outputs", async () => {
  const at = (date: string, time = "18:00") => fromLocal(date, time, "Europe/London");
  await buildEvent(db, archiveCommunity.id, {
    title: "Mapping our processes",
    type: "workshop",
    startsAt: at("2025-10-14"),
    notes: "We drew the month-end flow.",
    recordingUrl: "https://video.example.org/mapping",
    slidesUrl: "https://slides.example.org/mapping",
    topics: ["process maps", "month end"],
  });
  await buildEvent(db, archiveCommunity.id, {
    title: "Retro on the pilot",
    type: "roundtable",
    startsAt: at("2025-10-02"),
    recordingExpected: true,
    topics: ["pilot"],
  });
  await buildEvent(db, archiveCommunity.id, {
    title: "September social",
    type: "social",
    startsAt: at("2025-09-30", "23:30"),
    recordingUrl: "javascript:alert(1)",
  });
  await buildEvent(db, archiveCommunity.id, {
    title: "Called off",
    startsAt: at("2025-09-10"),
    status: "cancelled",
  });
  await buildEvent(db, archiveCommunity.id, { title: "Still to come", startsAt: inDays(2) });

  const html = await page("/communities/archive-keepers/events/archive", member);
  const october = html.indexOf("October 2025");
  const september = html.indexOf("September 2025");
  assert.ok(october > 0 && september > october, "newest month first");
  assert.ok(html.indexOf("Mapping our processes") < html.indexOf("Retro on the pilot"));
  assert.ok(html.indexOf("Retro on the pilot") < september);
  assert.ok(html.indexOf("September social") > september, "23:30 on 30 September is September");
  assert.doesNotMatch(html, /Called off|Still to come/);
  assert.match(html, /process maps · month end/);
  assert.match(html, />Notes</);
  assert.match(html, /href="https:\/\/video.example.org\/mapping"[^>]*>Recording/);
  assert.match(html, /href="https:\/\/slides.example.org\/mapping"[^>]*>Slides/);
  assert.match(html, /Recording coming soon/);
  assert.doesNotMatch(html, /href="javascript:/);
  assert.match(html, /Workshop/);

  const outsiderView = await page("/communities/archive-keepers/events/archive", outsider);
  assert.match(outsiderView, /Mapping our processes/, "staff-wide community");
  const empty = await page("/communities/nothing-planned/events/archive", outsider);
  assert.match(empty, /No past events yet/);
  const closed = await page("/communities/wellbeing/events/archive", outsider);
  assert.doesNotMatch(closed, /Archive of past events/);

  const api = await call("/communities/archive-keepers/events/archive", member);
  assert.equal(api.status, 200);
  assert.deepEqual(
    api.json.data.map((e: { title: string }) => e.title),
    ["Mapping our processes", "Retro on the pilot", "September social"],
  );
  assert.deepEqual(api.json.data[0].outputs, {
    notes: true,
    recordingUrl: "https://video.example.org/mapping",
    recordingExpected: false,
    slidesUrl: "https://slides.example.org/mapping",
    topics: ["process maps", "month end"],
  });
  assert.equal(api.json.data[1].outputs.recordingExpected, true);
  const past = await call("/communities/archive-keepers/events?when=past&limit=2", member);
  assert.equal(past.json.data.length, 2);
  assert.ok(past.json.nextCursor);
  const rest = await call(
    `/communities/archive-keepers/events?when=past&limit=2&cursor=${past.json.nextCursor}`,
    member,
  );
  assert.deepEqual(
    rest.json.data.map((e: { title: string }) => e.title),
    ["September social"],
  );
});

test("the API: visibility, filters, scope and refusals", async () => {
  const titles = (response: { json: { data: { title: string }[] } }) =>
    response.json.data.map((e) => e.title).filter((t) => upcomingTitles.includes(t));

  assert.equal((await call("/events")).status, 401);
  assert.deepEqual(titles(await call("/events", outsider)), [
    "Open talk on spreadsheets",
    "Payroll breakfast",
    "Co-hosted clinic",
  ]);
  assert.deepEqual(titles(await call("/events", programme)), [
    "Open talk on spreadsheets",
    "Payroll breakfast",
    "Co-hosted clinic",
  ]);
  assert.deepEqual(titles(await call("/events", member)), [
    "Open talk on spreadsheets",
    "Payroll breakfast",
    "Wellbeing walk",
    "Co-hosted clinic",
  ]);
  assert.deepEqual(titles(await call("/events?scope=mine", member)), [
    "Payroll breakfast",
    "Wellbeing walk",
    "Co-hosted clinic",
  ]);
  assert.deepEqual(titles(await call("/events", insider)), [
    "Open talk on spreadsheets",
    "Payroll breakfast",
    "Quiet huddle",
    "Co-hosted clinic",
  ]);
  assert.deepEqual(titles(await call("/events?type=workshop&format=hybrid", member)), ["Co-hosted clinic"]);
  assert.deepEqual(titles(await call("/events?community=payroll&includeCancelled=true", member)), [
    "Payroll breakfast",
    "Cancelled social",
  ]);
  const day = toLocal(breakfast.startsAt, "Europe/London").date;
  assert.deepEqual(titles(await call(`/events?from=${day}&to=${day}`, member)), ["Payroll breakfast"]);

  const one = (await call("/events?community=payroll", member)).json.data[0];
  assert.equal(one.placesLeft, 8);
  assert.equal(one.url, `/events/${breakfast.id}`);
  assert.deepEqual(one.hosts, [{ slug: "payroll", name: "Payroll Practitioners", isHost: true }]);
  assert.equal(
    one.localStart,
    toLocal(breakfast.startsAt, breakfast.timeZone).date +
      "T" +
      toLocal(breakfast.startsAt, breakfast.timeZone).time,
  );
  const clinicRow = (await call("/events?community=open-talks", outsider)).json.data.find(
    (e: { id: string }) => e.id === clinic.id,
  );
  assert.deepEqual(
    clinicRow.hosts.map((h: { slug: string }) => h.slug),
    ["wellbeing", "open-talks"],
  );

  assert.equal((await call("/events?from=2026-02-30", member)).status, 422);
  assert.equal((await call("/events?from=yesterday", member)).status, 422);
  assert.equal((await call("/events?from=2026-05-02&to=2026-05-01", member)).status, 422);
  assert.equal((await call("/events?cursor=bogus", member)).status, 422);
  assert.equal((await call("/events?type=party", member)).status, 422);

  assert.equal((await call("/communities/wellbeing/events", outsider)).status, 403);
  assert.equal((await call("/communities/wellbeing/events", programme)).status, 403);
  assert.equal((await call("/communities/wellbeing/events/archive", outsider)).status, 403);
  const forMember = await call("/communities/wellbeing/events", member);
  assert.equal(forMember.status, 200);
  assert.deepEqual(
    forMember.json.data.map((e: { title: string }) => e.title),
    ["Wellbeing walk", "Co-hosted clinic"],
  );
  const withCancelled = await call("/communities/payroll/events", convenor);
  assert.ok(withCancelled.json.data.some((e: { status: string }) => e.status === "cancelled"));
  assert.equal((await call("/communities/no-such/events", member)).status, 404);
  assert.equal((await call("/communities/payroll/events")).status, 401);
  assert.equal((await call("/communities/payroll/events?when=soon", member)).status, 422);
});

test("the home page shows the person's next events, and ones they are going to", async () => {
  await buildEvent(db, other.id, { title: "Talk I am going to", startsAt: inDays(2), going: [loner.id] });
  const html = await page("/", member);
  const start = html.indexOf("Upcoming events");
  assert.ok(start > 0);
  const block = html.slice(start, html.indexOf("</section>", start));
  assert.match(block, /Payroll breakfast/);
  assert.match(block, /Wellbeing walk/);
  assert.doesNotMatch(block, /Open talk on spreadsheets|Cancelled social/);
  assert.match(block, /href="\/events">See all events/);

  const lonerHome = await page("/", loner);
  assert.match(lonerHome, /Talk I am going to/);
  const outsiderHome = await page("/", outsider);
  assert.match(outsiderHome, /Join a community to hear about its workshops/);
  assert.doesNotMatch(await page("/"), /Upcoming events/);
});

test("the OpenAPI document lists the finding routes under Events", async () => {
  const spec = await (await app.request("/api/openapi.json")).json();
  const result = await new Validator().validate(spec);
  assert.ok(result.valid, JSON.stringify(result.errors, null, 2));
  for (const path of ["/events", "/communities/{slug}/events", "/communities/{slug}/events/archive"]) {
    const get = spec.paths[`/api/v1${path}`]?.get ?? spec.paths[path]?.get;
    assert.ok(get, `${path} is documented`);
    assert.deepEqual(get.tags, ["Events"]);
    assert.ok(get.responses["200"] && get.responses["401"]);
  }
  assert.ok(spec.components.schemas.EventSummary);
  assert.ok(spec.components.schemas.ArchivedEvent);
});
