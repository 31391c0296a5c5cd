import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { type DemoOrganisation, generateDemoOrganisation } from "./generate.js";
import { JOB_TITLES, SKILLS } from "./names.js";

const DOMAIN = "convene.test";
const NOW = new Date("2026-11-01T09:00:00Z");
const NAMED_SLUGS = [
  "education-administration",
  "hr-operations",
  "executive-and-personal-assistants",
  "content",
  "technology",
  "leadership",
  "leading-projects",
  "security",
];
const STORY_SLUGS = ["sustainability-champions", "print-and-post-users"];

function assertUnique(values: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const value of values) {
    assert.ok(!seen.has(value), `duplicate ${what}: ${value}`);
    seen.add(value);
  }
}

function membersBySlug(org: DemoOrganisation): Map<string, DemoOrganisation["memberships"]> {
  const bySlug = new Map<string, DemoOrganisation["memberships"]>();
  for (const membership of org.memberships) {
    const list = bySlug.get(membership.communitySlug) ?? [];
    list.push(membership);
    bySlug.set(membership.communitySlug, list);
  }
  return bySlug;
}

// Checks shared by both sizes: referential integrity, uniqueness and the four demo accounts.
function checkOrganisation(org: DemoOrganisation, sizeLimits: readonly [number, number]): void {
  assertUnique(
    org.people.map((person) => person.handle),
    "handle",
  );
  assertUnique(
    org.people.map((person) => person.email),
    "email",
  );
  assertUnique(
    org.communities.map((community) => community.slug),
    "community slug",
  );
  assertUnique(
    org.memberships.map((m) => `${m.communitySlug} ${m.personHandle}`),
    "membership pair",
  );

  const divisions = new Set(org.divisions.map((division) => division.slug));
  for (const person of org.people) {
    assert.match(person.handle, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.match(person.email, /^[a-z0-9.-]+@convene\.test$/);
    assert.ok(divisions.has(person.divisionSlug), `unknown division ${person.divisionSlug}`);
    const titles = JOB_TITLES[person.divisionSlug as keyof typeof JOB_TITLES];
    assert.ok([...titles.common, ...titles.senior].includes(person.jobTitle), person.jobTitle);
    assert.ok(person.skills.length >= 2 && person.skills.length <= 6, `skills of ${person.handle}`);
    for (const skill of person.skills) assert.match(skill, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(person.bio.length > 20 && !person.bio.includes("{"), person.bio);
    assert.ok(person.canHelpWith.length > 0 && person.wantsToLearn.length > 0);
  }

  const people = new Map(org.people.map((person) => [person.handle, person]));
  const communities = new Map(org.communities.map((community) => [community.slug, community]));
  for (const community of org.communities) {
    assert.match(community.slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.match(community.activeSince, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(community.practiceAreas.length >= 2 && community.practiceAreas.length <= 4, community.slug);
    assert.ok(!`${community.tagline}${community.description}`.includes("{"), community.slug);
    assert.equal(community.description.split("\n\n").length, 2, community.slug);
  }
  for (const membership of org.memberships) {
    assert.ok(people.has(membership.personHandle), `unknown person ${membership.personHandle}`);
    const community = communities.get(membership.communitySlug);
    assert.ok(community, `unknown community ${membership.communitySlug}`);
    const joined = Date.parse(membership.joinedAt);
    assert.ok(joined >= Date.parse(`${community.activeSince}T00:00:00Z`), "joined before community started");
    assert.ok(joined <= NOW.getTime(), "joined in the future");
  }

  const bySlug = membersBySlug(org);
  for (const community of org.communities) {
    const members = bySlug.get(community.slug) ?? [];
    assert.ok(
      members.some((m) => m.role === "convenor"),
      `${community.slug} has no convenor`,
    );
    assert.ok(members.length >= sizeLimits[0] && members.length <= sizeLimits[1], `${community.slug} size`);
  }

  // The four demo accounts.
  assert.deepEqual(
    org.accounts.map((account) => [account.label, account.siteRole, account.email]),
    [
      ["admin", "admin", `admin@${DOMAIN}`],
      ["programme", "programme", `programme@${DOMAIN}`],
      ["convenor", "member", `convenor@${DOMAIN}`],
      ["member", "member", `member@${DOMAIN}`],
    ],
  );
  assertUnique(
    org.accounts.map((account) => account.personHandle),
    "account person",
  );
  for (const account of org.accounts) {
    assert.equal(people.get(account.personHandle)?.email, account.email);
    assert.match(account.password, /^convene-[a-z]+-\d{4}$/);
    assert.ok(account.password.length >= 12);
  }
  const convenor = org.accounts.find((account) => account.label === "convenor");
  assert.ok(
    org.memberships.some(
      (m) =>
        m.communitySlug === "hr-operations" &&
        m.personHandle === convenor?.personHandle &&
        m.role === "convenor",
    ),
    "convenor account must convene HR Operations",
  );
  const member = org.accounts.find((account) => account.label === "member");
  const own = org.memberships.filter((m) => m.personHandle === member?.personHandle && m.state === "active");
  assert.ok(own.length >= 2 && own.length <= 3, "member account is in two or three communities");
  assert.ok(own.every((m) => m.role === "member"));
  assert.ok(own.every((m) => m.communitySlug !== "security"));
}

describe("generateDemoOrganisation (small)", () => {
  let org: DemoOrganisation;
  before(() => {
    org = generateDemoOrganisation({ seed: 42, size: "small", emailDomain: DOMAIN });
  });

  test("is deterministic", () => {
    assert.deepEqual(
      generateDemoOrganisation({ seed: 42, size: "small", emailDomain: DOMAIN, now: NOW }),
      org,
    );
    const other = generateDemoOrganisation({ seed: 43, size: "small", emailDomain: DOMAIN });
    assert.notDeepEqual(other.people, org.people);
  });

  test("has the expected counts and the eight named communities", () => {
    assert.equal(org.people.length, 300);
    assert.equal(org.divisions.length, 12);
    assert.deepEqual(
      org.communities.map((community) => community.slug),
      [...NAMED_SLUGS, ...STORY_SLUGS],
    );
    assert.equal(org.accounts.length, 4);
    const content = org.communities.find((community) => community.slug === "content");
    assert.equal(content?.activeSince, "2018-12-01");
    assert.equal(org.communities.find((community) => community.slug === "technology")?.type, "technology");
    const policies = org.communities.map((community) => community.joinPolicy);
    assert.equal(policies.filter((policy) => policy === "request").length, 1);
    assert.equal(policies.filter((policy) => policy === "invite").length, 1);
    assert.equal(org.communities.filter((community) => community.stage === "prototype").length, 1);
  });

  test("is internally consistent", () => {
    checkOrganisation(org, [8, 120]);
  });

  test("roles and people look realistic", () => {
    for (const [slug, members] of membersBySlug(org)) {
      const convenors = members.filter((m) => m.role === "convenor").length;
      assert.ok(convenors >= 1 && convenors <= 2, `${slug} convenors`);
      assert.ok(
        members.some((m) => m.role === "core"),
        `${slug} core`,
      );
    }
    const offer = org.people.filter((person) => person.mentoring === "offer").length / org.people.length;
    const pronouns = org.people.filter((person) => person.pronouns !== null).length / org.people.length;
    assert.ok(offer > 0.1 && offer < 0.3, `offer ratio ${offer}`);
    assert.ok(pronouns > 0.2 && pronouns < 0.4, `pronoun ratio ${pronouns}`);
    const divisionSkills = org.people.filter((person) =>
      person.skills.some((skill) => SKILLS[person.divisionSlug as keyof typeof SKILLS].includes(skill)),
    ).length;
    assert.equal(divisionSkills, org.people.length, "everyone has at least one skill from their division");
  });

  test("tells the story: charters, requests, an invitation, a break, a quiet and a closed community", () => {
    checkStory(org);
  });

  test("has discussions written by members, with consistent answers and a payroll expert", () => {
    checkDiscussions(org);
    assert.ok(org.threads.length >= 20, `${org.threads.length} threads`);
    const slugs = new Set(org.threads.map((thread) => thread.communitySlug));
    assert.deepEqual([...slugs].sort(), [...NAMED_SLUGS].sort());
    assert.ok(org.threads.some((thread) => thread.kind === "announcement"));
    assert.ok(org.threads.some((thread) => thread.kind === "question" && thread.replies.length === 0));
    assert.ok(org.threads.some((thread) => thread.reactions.length > 0));
    assert.ok(org.threads.some((thread) => thread.body.includes(`@${org.payrollExpertHandle}`)));
    const payroll = org.threads.filter(
      (thread) =>
        thread.communitySlug === "hr-operations" &&
        thread.tags.includes("payroll") &&
        thread.accepted !== null,
    );
    assert.ok(payroll.length >= 3);
    for (const thread of payroll)
      assert.equal(thread.replies[thread.accepted!]?.authorHandle, org.payrollExpertHandle);
  });

  test("has events: series, a dated programme, a full workshop, an unconference board", () => {
    checkEvents(org, Date.parse("2026-11-01T09:00:00Z"));
    const past = org.events.filter((e) => Date.parse(e.endsAt) < Date.parse("2026-11-01T09:00:00Z"));
    assert.ok(past.filter((e) => e.seriesKey === null && e.notes && e.topics.length > 0).length >= 3);
    assert.ok(past.some((e) => e.recordingUrl) && past.some((e) => e.recordingExpected && !e.recordingUrl));
    const firstTuesdays = org.events.filter((e) => e.seriesKey === "hr-drop-in");
    assert.ok(firstTuesdays.length >= 6);
    for (const e of firstTuesdays) {
      const local = new Date(e.startsAt).toLocaleString("en-GB", {
        timeZone: "Europe/London",
        weekday: "long",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
      });
      assert.match(local, /^Tuesday [1-7],? (at )?12:30$/, local);
    }
    assert.equal(org.events.filter((e) => e.cancelledAt).length, 1);
    const full = org.events.find(
      (e) => e.capacity !== null && e.rsvps.some((r) => r.status === "waitlisted"),
    );
    assert.equal(full?.rsvps.filter((r) => r.status === "going").length, full?.capacity);
    const board = org.events.find((e) => e.type === "unconference");
    assert.ok(board && board.sessions.length >= 3 && board.sessions.some((s) => s.voterHandles.length > 0));
    assert.ok(Date.parse(board.startsAt) > Date.parse("2026-11-01T09:00:00Z"));
  });

  test("has resources: owned by active members, consistent, in every status", () => {
    checkResources(org, Date.parse("2026-11-01T09:00:00Z"));
    assert.deepEqual(
      generateDemoOrganisation({ seed: 42, size: "small", emailDomain: DOMAIN }).resources,
      org.resources,
    );
    const communities = new Set(org.resources.map((r) => r.communitySlug));
    assert.ok(communities.size >= 6, `${communities.size} communities with resources`);
    const count = (status: string) => org.resources.filter((r) => r.status === status).length;
    assert.equal(count("endorsed"), 2);
    assert.equal(count("draft"), 1);
    assert.equal(count("archived"), 1);
    assert.ok(
      org.resources.some((r) => ["published", "endorsed"].includes(r.status) && r.reviewBy! < "2026-11-01"),
    );
    assert.ok(org.resources.some((r) => new Set(r.revisions.map((v) => v.authorHandle)).size === 3));
    assert.deepEqual(
      org.collections.map((c) => c.items.length),
      [3],
    );
  });

  test("handles a different domain and date", () => {
    const now = new Date("2027-03-15T12:00:00Z");
    const other = generateDemoOrganisation({ seed: 7, size: "small", emailDomain: "Example.AC.UK", now });
    assert.ok(other.people.every((person) => person.email.endsWith("@example.ac.uk")));
    checkEvents(other, now.getTime());
    checkResources(other, now.getTime());
    assert.ok(other.memberships.every((m) => Date.parse(m.joinedAt) <= now.getTime()));
  });
});

describe("generateDemoOrganisation (large)", () => {
  let org: DemoOrganisation;
  before(() => {
    org = generateDemoOrganisation({ seed: 2026, size: "large", emailDomain: DOMAIN });
  });

  test("has the expected counts", () => {
    assert.equal(org.people.length, 30_000);
    assert.equal(org.communities.length, 300);
    assert.deepEqual(
      org.communities.slice(0, 10).map((community) => community.slug),
      [...NAMED_SLUGS, ...STORY_SLUGS],
    );
    const unlisted = org.communities.filter((community) => community.visibility === "unlisted").length;
    assert.ok(unlisted > 0 && unlisted < 30, `unlisted ${unlisted}`);
    const types = new Set(org.communities.map((community) => community.type));
    assert.deepEqual([...types].sort(), ["geographic", "interest", "professional", "technology"]);
    assert.ok(new Set(org.communities.map((community) => community.joinPolicy)).size === 3);
  });

  test("is internally consistent", () => {
    checkOrganisation(org, [10, 1500]);
    checkStory(org);
    checkDiscussions(org);
    checkEvents(org, Date.parse("2026-11-01T09:00:00Z"));
    // A few hundred events at most, so seeding the benchmark's organisation stays quick.
    assert.ok(org.events.length > 100 && org.events.length <= 300, `${org.events.length} events`);
    checkResources(org, Date.parse("2026-11-01T09:00:00Z"));
    assert.ok(org.resources.length <= 50, `${org.resources.length} resources`);
  });
});

/**
 * Owners, editors, endorsers, markers and viewers are active members who had joined; markers are
 * never the owner and have viewed it; revisions run 1..n; every date is before "now".
 */
function checkResources(org: DemoOrganisation, nowMs: number): void {
  const joinedAt = new Map(
    org.memberships
      .filter((m) => m.state === "active")
      .map((m) => [`${m.communitySlug}:${m.personHandle}`, Date.parse(m.joinedAt)]),
  );
  const member = (slug: string, handle: string, atIso: string) => {
    const since = joinedAt.get(`${slug}:${handle}`);
    assert.ok(since !== undefined, `${handle} is not an active member of ${slug}`);
    assert.ok(since <= Date.parse(atIso), `${handle} acted in ${slug} before joining`);
    assert.ok(Date.parse(atIso) < nowMs, `${atIso} is after now`);
  };
  assert.ok(org.resources.length > 0);
  for (const r of org.resources) {
    member(r.communitySlug, r.ownerHandle, r.createdAt);
    assert.deepEqual(
      r.revisions.map((v) => v.number),
      r.revisions.map((_, i) => i + 1),
    );
    assert.equal(r.revisions[0]?.authorHandle, r.ownerHandle);
    for (const v of r.revisions) member(r.communitySlug, v.authorHandle, v.createdAt);
    assert.equal(r.body, r.revisions.at(-1)?.body);
    assert.equal(r.lastEditedAt, r.revisions.at(-1)?.createdAt);
    const words = r.body.split(/\s+/).length;
    assert.ok(words >= 80 && words <= 250, `${r.key}: ${words} words`);
    assert.ok(r.tags.length > 0);
    assert.equal(r.publishedAt === null, r.status === "draft");
    assert.equal(r.endorsedAt !== null, r.status === "endorsed");
    assert.equal(r.archivedAt !== null, r.status === "archived");
    if (r.endorsedByHandle) {
      member(r.communitySlug, r.endorsedByHandle, r.endorsedAt!);
      const role = org.memberships.find(
        (m) => m.communitySlug === r.communitySlug && m.personHandle === r.endorsedByHandle,
      )?.role;
      assert.ok(role === "convenor" || role === "core", `endorsed by a ${role}`);
    }
    if (r.kind === "link") assert.match(r.externalUrl, /^https:\/\//);
    const viewers = new Set(r.viewers.map((v) => v.personHandle));
    assert.equal(viewers.size, r.viewers.length);
    for (const v of r.viewers) member(r.communitySlug, v.personHandle, v.firstViewedAt);
    const marks = new Set(r.marks.map((m) => `${m.personHandle}:${m.kind}`));
    assert.equal(marks.size, r.marks.length);
    for (const m of r.marks) {
      assert.notEqual(m.personHandle, r.ownerHandle);
      assert.ok(viewers.has(m.personHandle));
      member(r.communitySlug, m.personHandle, m.createdAt);
    }
    assert.ok(!viewers.has(r.ownerHandle));
  }
  const keys = new Map(org.resources.map((r) => [r.key, r]));
  for (const c of org.collections) {
    assert.equal(new Set(c.items).size, c.items.length);
    for (const key of c.items) assert.equal(keys.get(key)?.communitySlug, c.communitySlug);
    member(c.communitySlug, c.createdByHandle, c.createdAt);
  }
}

/** Answers come from active members who had joined, before "now"; boards and places add up. */
function checkEvents(org: DemoOrganisation, nowMs: number): void {
  const joined = new Map(
    org.memberships
      .filter((m) => m.state === "active")
      .map((m) => [`${m.communitySlug}:${m.personHandle}`, m]),
  );
  const accounts = new Set(org.accounts.map((a) => a.personHandle));
  for (const e of org.events) {
    assert.ok(Date.parse(e.startsAt) < Date.parse(e.endsAt), e.title);
    assert.ok(Date.parse(e.createdAt) <= nowMs && Date.parse(e.createdAt) < Date.parse(e.startsAt), e.title);
    const handles = e.rsvps.map((r) => r.personHandle);
    assert.equal(new Set(handles).size, handles.length, `${e.title}: one answer each`);
    for (const r of e.rsvps) {
      const m = joined.get(`${e.communitySlug}:${r.personHandle}`);
      assert.ok(m && Date.parse(m.joinedAt) < Date.parse(r.respondedAt), `${e.title}: ${r.personHandle}`);
      assert.ok(Date.parse(r.respondedAt) <= nowMs && Date.parse(r.respondedAt) >= Date.parse(e.createdAt));
      assert.ok(!accounts.has(r.personHandle), "the demo sign-ins answer nothing");
      if (r.attended !== null) assert.ok(e.attendanceRecordedAt && r.status === "going");
    }
    const going = e.rsvps.filter((r) => r.status === "going");
    if (e.capacity !== null) assert.ok(going.length <= e.capacity, e.title);
    if (e.rsvps.some((r) => r.status === "waitlisted")) assert.equal(going.length, e.capacity);
    if (e.outputsAt || e.attendanceRecordedAt) assert.ok(Date.parse(e.endsAt) < nowMs && !e.cancelledAt);
    const goers = new Set(going.map((r) => r.personHandle));
    const spent = new Map<string, number>();
    for (const s of e.sessions) {
      assert.ok(goers.has(s.proposerHandle), `${s.title}: proposed by someone going`);
      assert.equal(new Set(s.voterHandles).size, s.voterHandles.length);
      for (const v of s.voterHandles) {
        assert.ok(goers.has(v));
        spent.set(v, (spent.get(v) ?? 0) + 1);
      }
    }
    assert.ok(
      [...spent.values()].every((n) => n <= e.votesPerPerson),
      `${e.title}: votes per person`,
    );
  }
}

function checkStory(org: DemoOrganisation): void {
  const bySlug = new Map(org.communities.map((community) => [community.slug, community]));
  const member = org.accounts.find((account) => account.label === "member")?.personHandle;
  const programme = org.accounts.find((account) => account.label === "programme")?.personHandle;

  // Charters: version 1 for every named community, version 2 for two, each by a convenor.
  for (const slug of NAMED_SLUGS) {
    const versions = org.charters.filter((charter) => charter.communitySlug === slug);
    assert.ok(
      versions.some((charter) => charter.version === 1),
      `${slug} charter`,
    );
    for (const charter of versions) {
      assert.ok(
        org.memberships.some(
          (m) => m.communitySlug === slug && m.personHandle === charter.authorHandle && m.role === "convenor",
        ),
        `${slug} charter written by a convenor`,
      );
      assert.ok(Date.parse(charter.createdAt) <= NOW.getTime());
      assert.ok(charter.codeOfConduct.length > 100 && charter.mission.length > 20);
    }
  }
  assert.equal(org.charters.filter((charter) => charter.version === 2).length, 2);

  // Join policies in use.
  assert.equal(bySlug.get("leadership")?.contentAccess, "members");
  assert.equal(bySlug.get("executive-and-personal-assistants")?.contentAccess, "members");
  assert.match(bySlug.get("executive-and-personal-assistants")?.joiningQuestion ?? "", /\?$/);
  const requests = org.memberships.filter((m) => m.state === "requested");
  assert.equal(requests.length, 2);
  assert.ok(
    requests.every((m) => m.communitySlug === "executive-and-personal-assistants" && m.requestAnswer),
  );
  const invitations = org.memberships.filter((m) => m.state === "invited");
  assert.deepEqual(
    invitations.map((m) => [m.communitySlug, m.personHandle]),
    [["leadership", member]],
  );
  const breaks = org.memberships.filter((m) => m.state === "on_break");
  assert.equal(breaks.length, 1);
  assert.ok((breaks[0]?.breakUntil ?? "") > NOW.toISOString().slice(0, 10));

  // One community gone quiet, one closed.
  const quiet = bySlug.get("sustainability-champions");
  assert.equal(quiet?.status, "dormant");
  const quietJoins = org.memberships.filter((m) => m.communitySlug === "sustainability-champions");
  const ninetyDaysAgo = NOW.getTime() - 90 * 86_400_000;
  assert.ok(
    quietJoins.every((m) => Date.parse(m.joinedAt) < ninetyDaysAgo),
    "no recent joins",
  );
  assert.ok(
    org.stageChanges
      .filter((change) => change.communitySlug === "sustainability-champions")
      .every((change) => Date.parse(change.createdAt) < ninetyDaysAgo),
  );
  assert.ok(Date.parse(quiet?.dormantSince ?? "") < NOW.getTime());
  const closed = bySlug.get("print-and-post-users");
  assert.equal(closed?.status, "closed");
  assert.ok(closed?.closingNote && Date.parse(closed.closedAt ?? "") < NOW.getTime());
  assert.equal(closed?.closedByHandle, programme);
  const active = org.communities.filter((community) => community.status === "active");
  assert.ok(active.length >= 8);

  // Stage histories, in order and ending at today's stage.
  for (const slug of ["hr-operations", "leadership", "education-administration"]) {
    const changes = org.stageChanges.filter((change) => change.communitySlug === slug);
    assert.ok(changes.length >= 3, `${slug} stage changes`);
    assert.equal(changes.at(-1)?.toStage, bySlug.get(slug)?.stage);
    assert.equal(bySlug.get(slug)?.stageChangedAt, changes.at(-1)?.createdAt);
  }

  // Proposals by the member account: one under review, one with changes requested.
  assert.deepEqual(
    org.proposals.map((proposal) => [proposal.status, proposal.proposerHandle]),
    [
      ["submitted", member],
      ["changes_requested", member],
    ],
  );
  for (const proposal of org.proposals) {
    assert.ok(proposal.interestedHandles.length >= 3);
    assert.ok(!proposal.interestedHandles.includes(member ?? ""));
    assert.ok(proposal.foundingCoreHandles.length >= 2);
  }
}

// Every post is by a current member who had joined by then; answers and reactions point inside their thread.
function checkDiscussions(org: DemoOrganisation): void {
  const joined = new Map(
    org.memberships
      .filter((m) => m.state === "active")
      .map((m) => [`${m.communitySlug} ${m.personHandle}`, Date.parse(m.joinedAt)]),
  );
  const wroteAfterJoining = (slug: string, handle: string, at: string, what: string) => {
    const since = joined.get(`${slug} ${handle}`);
    assert.ok(since !== undefined, `${what} by ${handle}, not a member of ${slug}`);
    assert.ok(since < Date.parse(at), `${what} by ${handle} before they joined ${slug}`);
    assert.ok(Date.parse(at) <= NOW.getTime(), `${what} in the future`);
  };
  const closed = new Set(org.communities.filter((c) => c.status !== "active").map((c) => c.slug));
  for (const thread of org.threads) {
    assert.ok(!closed.has(thread.communitySlug), `a thread in ${thread.communitySlug}`);
    wroteAfterJoining(thread.communitySlug, thread.authorHandle, thread.createdAt, thread.title);
    assert.ok(thread.title.length > 5 && thread.body.length > 20 && thread.tags.length > 0);
    let previous = thread.createdAt;
    for (const [i, reply] of thread.replies.entries()) {
      wroteAfterJoining(
        thread.communitySlug,
        reply.authorHandle,
        reply.createdAt,
        `reply ${i} to ${thread.title}`,
      );
      assert.ok(reply.createdAt > previous, "replies in order");
      previous = reply.createdAt;
      if (reply.inReplyTo !== null) assert.ok(reply.inReplyTo < i);
    }
    if (thread.accepted !== null) {
      assert.equal(thread.kind, "question");
      assert.ok(thread.replies[thread.accepted], "the accepted answer belongs to its thread");
      assert.ok((thread.acceptedAt ?? "") > thread.replies[thread.accepted]!.createdAt);
    } else assert.equal(thread.acceptedAt, null);
    const keys = new Set<string>();
    for (const reaction of thread.reactions) {
      assert.ok(
        reaction.reply === null || thread.replies[reaction.reply],
        "reaction on a post of its thread",
      );
      wroteAfterJoining(thread.communitySlug, reaction.personHandle, reaction.createdAt, "reaction");
      const key = `${reaction.reply} ${reaction.personHandle} ${reaction.kind}`;
      assert.ok(!keys.has(key), "one reaction of a kind per person and post");
      keys.add(key);
    }
  }
}
