// The visibility matrix: invite-only, unlisted and members-only communities must never leak to
// people who should not see them, in pages, the API, the directory or search. One row per
// surface × community × actor; later features (discussions, events, resources) add surfaces.
// Discussions: each community has an unanswered question carrying a marker word, and an answered
// one whose answerer is that community's "expert", so the thread surfaces, search and the expert
// finder are checked by the same rows.

import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { replies, threads } from "../src/features/discussions/tables.js";
import { memberships } from "../src/features/memberships/tables.js";
import { createToken } from "../src/features/tokens/service.js";
import { activityEvents } from "../src/platform/activity.js";
import { createTestApp } from "./support/app.js";
import { Visitor } from "./support/browser-session.js";
import { actorFor, buildCommunity, buildPerson, FACTORY_PASSWORD } from "./support/factories.js";

const { app, db } = await createTestApp();

type ActorName = "anonymous" | "outsider" | "member" | "convenor" | "programme";
type CommunityName = "normal" | "membersOnly" | "unlisted" | "inviteOnly";
const actorNames: ActorName[] = ["anonymous", "outsider", "member", "convenor", "programme"];

const insider = await buildPerson(db, { name: "Imogen Insider" });
const leader = await buildPerson(db, { name: "Leonie Leader" });
const outsider = await buildPerson(db, { name: "Oscar Outsider" });
const programme = await buildPerson(db, { name: "Priya Programme", siteRole: "programme" });
const people = { outsider, member: insider, convenor: leader, programme } as const;

interface Setup {
  key: CommunityName;
  name: string;
  slug: string;
  id: string;
  listed: boolean;
  membersOnly: boolean;
  /** A plain member: appears only where the member list may be seen. */
  memberMarker: { name: string; handle: string };
  /** Someone who joined and left: appears only in recent activity. */
  activityMarker: string;
  /** The community's unanswered question, whose title holds `threadMarker`; found by `topic`. */
  threadId: string;
  topic: string;
  threadMarker: string;
  /** The person whose accepted answer on `topic` (in this community only) makes them an expert. */
  expertName: string;
}

const specs: {
  key: CommunityName;
  name: string;
  visibility: "listed" | "unlisted";
  joinPolicy: "open" | "request" | "invite";
  contentAccess: "staff" | "members";
}[] = [
  {
    key: "normal",
    name: "Zephyr Gardeners",
    visibility: "listed",
    joinPolicy: "open",
    contentAccess: "staff",
  },
  {
    key: "membersOnly",
    name: "Quokka Counsellors",
    visibility: "listed",
    joinPolicy: "request",
    contentAccess: "members",
  },
  {
    key: "unlisted",
    name: "Xylophone Archivists",
    visibility: "unlisted",
    joinPolicy: "open",
    contentAccess: "staff",
  },
  {
    key: "inviteOnly",
    name: "Yak Strategists",
    visibility: "unlisted",
    joinPolicy: "invite",
    contentAccess: "members",
  },
];

const setups: Setup[] = [];
for (const spec of specs) {
  const word = spec.name.split(" ")[0] ?? spec.key;
  const marker = await buildPerson(db, { name: `Mallory ${word}member` });
  const former = await buildPerson(db, { name: `Felix ${word}leaver` });
  const community = await buildCommunity(db, {
    name: spec.name,
    slug: spec.name.toLowerCase().replace(/ /g, "-"),
    tagline: `The ${word} tagline`,
    visibility: spec.visibility,
    joinPolicy: spec.joinPolicy,
    contentAccess: spec.contentAccess,
    memberCount: 3,
    members: [
      { personId: leader.id, role: "convenor" },
      { personId: insider.id, role: "member" },
      { personId: marker.id, role: "member" },
    ],
  });
  await db.insert(memberships).values({
    communityId: community.id,
    personId: former.id,
    state: "left",
    leftAt: new Date(),
  });
  await db.insert(activityEvents).values({
    actorId: former.id,
    verb: "community.joined",
    objectType: "community",
    objectId: community.id,
    communityId: community.id,
  });
  // Words of our own, unlike the community's name, so the existing name searches are unaffected.
  const lower = word.toLowerCase();
  const topic = `${lower}fennel`;
  const threadMarker = `${lower}lantern`;
  const expert = await buildPerson(db, { name: `Ezra ${word}expert` });
  const [question] = await db
    .insert(threads)
    .values({
      communityId: community.id,
      authorId: marker.id,
      kind: "question",
      title: `Who has handled ${topic} before? (${threadMarker})`,
      body: `We are stuck on ${topic}.`,
    })
    .returning();
  const [answeredThread] = await db
    .insert(threads)
    .values({
      communityId: community.id,
      authorId: marker.id,
      kind: "question",
      title: `Settled: ${topic} at year end`,
      body: `How did you manage ${topic}?`,
    })
    .returning();
  const [answer] = await db
    .insert(replies)
    .values({
      threadId: answeredThread!.id,
      communityId: community.id,
      authorId: expert.id,
      body: "We wrote it down.",
    })
    .returning();
  await db
    .update(threads)
    .set({ acceptedReplyId: answer!.id, acceptedAt: new Date(), replyCount: 1 })
    .where(eq(threads.id, answeredThread!.id));
  setups.push({
    key: spec.key,
    name: spec.name,
    slug: community.slug,
    id: community.id,
    listed: spec.visibility === "listed",
    membersOnly: spec.contentAccess === "members",
    memberMarker: { name: marker.name, handle: marker.handle },
    activityMarker: former.name,
    threadId: question!.id,
    topic,
    threadMarker,
    expertName: expert.name,
  });
}

// Sessions and tokens for every signed-in actor.
const visitors = new Map<ActorName, Visitor>();
const tokens = new Map<ActorName, string>();
visitors.set("anonymous", new Visitor(app as never));
for (const [name, person] of Object.entries(people) as [ActorName, { id: string; email: string }][]) {
  const visitor = new Visitor(app as never);
  const response = await visitor.signIn(person.email, FACTORY_PASSWORD);
  assert.equal(response.status, 303, `sign-in of ${name}`);
  visitors.set(name, visitor);
  tokens.set(name, (await createToken(db, await actorFor(db, person.id), { name: "matrix" })).secret);
}

const isInside = (actor: ActorName) => actor === "member" || actor === "convenor";
const signedIn = (actor: ActorName) => actor !== "anonymous";
/** The rule for a community's existence outside its own page: listed, or you belong to it. */
const mayFind = (actor: ActorName, c: Setup) => c.listed || isInside(actor);
/** community.viewMembers: signed in, and for members-only communities a member or the programme team. */
const mayListMembers = (actor: ActorName, c: Setup) =>
  signedIn(actor) && (!c.membersOnly || isInside(actor) || actor === "programme");
/** community.viewContent: signed in, and for members-only communities a member. */
const mayReadContent = (actor: ActorName, c: Setup) => signedIn(actor) && (!c.membersOnly || isInside(actor));
/** Search shows content only where it may be read and, for unlisted communities, only to members. */
const maySearchContent = (actor: ActorName, c: Setup) => mayReadContent(actor, c) && mayFind(actor, c);

async function page(actor: ActorName, path: string) {
  const response = await visitors.get(actor)!.get(path);
  return { status: response.status, text: response.html };
}

async function api(actor: ActorName, path: string) {
  const token = tokens.get(actor);
  const response = await app.request(path, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, text: await response.text() };
}

interface Surface {
  name: string;
  fetch: (actor: ActorName, c: Setup) => Promise<{ status: number; text: string }>;
  /** What must appear when allowed, and must not when refused. */
  marker: (c: Setup) => string;
  allowed: (actor: ActorName, c: Setup) => boolean;
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");

const surfaces: Surface[] = [
  {
    name: "directory page /communities",
    fetch: (actor) => page(actor, "/communities?sort=name"),
    marker: (c) => c.name,
    allowed: mayFind,
  },
  {
    name: "directory search /communities?q=",
    fetch: (actor, c) => page(actor, `/communities?q=${encodeURIComponent(c.name.split(" ")[0] ?? "")}`),
    marker: (c) => c.name,
    allowed: mayFind,
  },
  {
    name: "directory API GET /api/v1/communities",
    fetch: (actor) => api(actor, "/api/v1/communities?sort=name&limit=100"),
    marker: (c) => c.slug,
    allowed: mayFind,
  },
  {
    name: "site search /search?q=",
    fetch: (actor, c) => page(actor, `/search?q=${encodeURIComponent(c.name.split(" ")[0] ?? "")}`),
    marker: (c) => c.name,
    allowed: mayFind,
  },
  {
    name: "site search for the tagline",
    fetch: (actor, c) => page(actor, `/search?q=${encodeURIComponent(`${c.name.split(" ")[0]} tagline`)}`),
    marker: (c) => c.name,
    allowed: mayFind,
  },
  {
    name: "community page: member list",
    fetch: (actor, c) => page(actor, `/communities/${c.slug}`),
    marker: (c) => c.memberMarker.name,
    allowed: mayListMembers,
  },
  {
    name: "community page: recent activity",
    fetch: (actor, c) => page(actor, `/communities/${c.slug}`),
    marker: (c) => c.activityMarker,
    allowed: mayReadContent,
  },
  {
    name: "members tab /communities/:slug/members",
    fetch: (actor, c) => page(actor, `/communities/${c.slug}/members`),
    marker: (c) => c.memberMarker.name,
    allowed: mayListMembers,
  },
  {
    name: "members API GET /api/v1/communities/{slug}/members",
    fetch: (actor, c) => api(actor, `/api/v1/communities/${c.slug}/members?limit=100`),
    marker: (c) => c.memberMarker.handle,
    allowed: mayListMembers,
  },
  {
    name: "a member's profile /people/:handle lists the community",
    fetch: (actor, c) => page(actor, `/people/${c.memberMarker.handle}`),
    marker: (c) => `href="/communities/${c.slug}"`,
    // Profiles are for signed-in colleagues; they should list only communities the viewer could find
    // and whose members the viewer may see (the programme team sees every community anyway).
    allowed: (actor, c) =>
      signedIn(actor) && (mayFind(actor, c) || actor === "programme") && mayListMembers(actor, c),
  },
  {
    name: "Discussions tab /communities/:slug/discussions",
    fetch: (actor, c) => page(actor, `/communities/${c.slug}/discussions`),
    marker: (c) => c.threadMarker,
    allowed: mayReadContent,
  },
  {
    name: "thread page /communities/:slug/discussions/:id",
    fetch: (actor, c) => page(actor, `/communities/${c.slug}/discussions/${c.threadId}`),
    marker: (c) => c.threadMarker,
    allowed: mayReadContent,
  },
  {
    name: "thread API GET /api/v1/threads/{id}",
    fetch: (actor, c) => api(actor, `/api/v1/threads/${c.threadId}`),
    marker: (c) => c.threadMarker,
    allowed: mayReadContent,
  },
  {
    name: "unanswered questions /questions",
    fetch: (actor) => page(actor, "/questions"),
    marker: (c) => c.threadMarker,
    // The questions of the person's own communities only.
    allowed: isInside,
  },
  {
    name: "search for discussions /search?kind=discussions",
    fetch: (actor, c) => page(actor, `/search?kind=discussions&q=${c.topic}`),
    marker: (c) => c.threadMarker,
    allowed: maySearchContent,
  },
  {
    name: "search API GET /api/v1/search?kind=discussions",
    fetch: (actor, c) => api(actor, `/api/v1/search?kind=discussions&q=${c.topic}`),
    marker: (c) => c.threadMarker,
    allowed: maySearchContent,
  },
  {
    name: "expert finder /experts?q=",
    fetch: (actor, c) => page(actor, `/experts?q=${c.topic}`),
    marker: (c) => c.expertName,
    // Evidence counts where the content may be searched: an unlisted community's only for its members.
    allowed: maySearchContent,
  },
  {
    name: "expert finder API GET /api/v1/experts?q=",
    fetch: (actor, c) => api(actor, `/api/v1/experts?q=${c.topic}`),
    marker: (c) => c.expertName,
    allowed: maySearchContent,
  },
];

for (const surface of surfaces) {
  for (const community of setups) {
    for (const actor of actorNames) {
      const expected = surface.allowed(actor, community);
      test(`${surface.name} · ${community.key} · ${actor}: ${expected ? "shown" : "hidden"}`, async () => {
        const { status, text } = await surface.fetch(actor, community);
        const marker = surface.marker(community);
        const found = text.includes(marker) || text.includes(escapeHtml(marker));
        if (expected) {
          assert.equal(status, 200, `${actor} should be able to open ${surface.name}`);
          assert.ok(found, `${actor} should see ${marker} on ${surface.name}`);
        } else {
          assert.ok(!found, `${marker} leaked to ${actor} on ${surface.name} (status ${status})`);
        }
      });
    }
  }
}
