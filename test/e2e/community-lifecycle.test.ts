import assert from "node:assert/strict";
import { test } from "node:test";
import { screenshot, signIn, startBrowserApp, submit, text, visit } from "../support/browser.js";

// Issue 4's journey: a member proposes a community; the programme team asks for a change, then
// approves; the community appears; another person asks to join, accepts the code of conduct, is
// approved, takes a break, comes back, and leaves with a reason. Every page is checked with axe.

const app = await startBrowserApp({ seed: true });
const proposer = app.account("member");
const programme = app.account("programme");
const joiner = app.account("convenor");
const joinerName = app.org?.people.find((p) => p.handle === joiner.personHandle)?.name ?? "";

const proposerPage = await app.newPage();
const programmePage = await app.newPage();
const joinerPage = await app.newPage();

const heading = (page = proposerPage) => text(page.getByRole("heading", { level: 1 }));
const flash = (page = proposerPage) => text(page.getByRole("status"));
const path = (page = proposerPage) => new URL(page.url()).pathname;

const name = "Grant Writers Circle";
let proposalPath = "";
let slug = "";

test("a member proposes a community from the directory", async () => {
  await signIn(proposerPage, proposer.email, proposer.password);
  await visit(proposerPage, "/communities");
  await submit(proposerPage, () => proposerPage.getByRole("link", { name: "Propose a community" }).click());
  assert.equal(path(), "/communities/propose");
  await proposerPage.getByLabel("Name of the community").fill(name);
  await proposerPage.getByLabel("Practice areas").fill("grants, funding");
  await proposerPage
    .getByLabel("The need it meets")
    .fill("Bids are written alone and the same lessons are learnt again.");
  await proposerPage.getByLabel("Who it is for").fill("Anyone who writes or reviews funding bids.");
  await proposerPage
    .getByLabel("Planned activities")
    .fill("A monthly bid clinic and a shared library of good bids.");
  await submit(proposerPage, () =>
    proposerPage.getByRole("button", { name: "Submit proposal" }).last().click(),
  );
  proposalPath = path();
  assert.match(proposalPath, /^\/me\/proposals\/[\w-]+$/);
  assert.match(await flash(), /proposal/i);
  await screenshot(proposerPage, "journey-proposal-submitted");
});

test("the programme team asks for a change", async () => {
  await signIn(programmePage, programme.email, programme.password);
  await visit(programmePage, "/admin/proposals");
  await screenshot(programmePage, "journey-proposals-to-review");
  await submit(programmePage, () => programmePage.getByRole("link", { name, exact: true }).click());
  assert.equal(await heading(programmePage), name);
  await screenshot(programmePage, "journey-proposal-review");
  await submit(programmePage, () => programmePage.getByRole("link", { name: "Ask for changes…" }).click());
  await programmePage
    .getByLabel("What needs to change")
    .fill("Please say how this differs from the Research Support community.");
  await submit(programmePage, () =>
    programmePage.getByRole("button", { name: "Send the request for changes" }).click(),
  );
  assert.match(await text(programmePage.locator("main")), /Research Support community/);
});

test("the proposer changes the proposal and resubmits it", async () => {
  await visit(proposerPage, proposalPath);
  assert.match(await text(proposerPage.locator("main")), /Research Support community/);
  await submit(proposerPage, () => proposerPage.getByRole("link", { name: "Change and resubmit" }).click());
  await proposerPage
    .getByLabel("The need it meets")
    .fill("Bids are written alone. Research Support checks compliance; this circle is about the writing.");
  await proposerPage.getByLabel("What you changed").fill("Said how we differ from Research Support.");
  await submit(proposerPage, () =>
    proposerPage.getByRole("button", { name: "Resubmit proposal" }).last().click(),
  );
  assert.equal(path(), proposalPath);
});

test("the programme team approves it and the community opens with the proposer as convenor", async () => {
  await visit(programmePage, "/admin/proposals");
  await submit(programmePage, () => programmePage.getByRole("link", { name, exact: true }).click());
  await submit(programmePage, () => programmePage.getByRole("link", { name: "Approve…" }).click());
  await screenshot(programmePage, "journey-proposal-approve");
  await submit(programmePage, () =>
    programmePage.getByRole("button", { name: "Approve and open the community" }).click(),
  );

  await visit(proposerPage, `/communities?q=${encodeURIComponent("grant writers")}`);
  const card = proposerPage
    .getByRole("list", { name: "Communities" })
    .getByRole("link", { name, exact: true });
  assert.equal(await card.count(), 1, "the new community is in the directory");
  await submit(proposerPage, () => card.click());
  slug = path().split("/")[2] ?? "";
  assert.equal(await heading(), name);
  assert.equal(await proposerPage.getByText("You are convenor", { exact: true }).count(), 1);
});

test("the convenor asks people to request to join and writes a code of conduct", async () => {
  await visit(proposerPage, `/communities/${slug}/settings`);
  await proposerPage.getByLabel("Request to join", { exact: false }).first().check();
  await proposerPage.getByLabel("Joining question").fill("Which funders do you write for?");
  await submit(proposerPage, () => proposerPage.getByRole("button", { name: "Save settings" }).click());

  await visit(proposerPage, `/communities/${slug}/charter/edit`);
  await proposerPage
    .getByLabel("Code of conduct")
    .fill("Share drafts generously. Never pass on a colleague's bid.");
  await proposerPage.getByLabel("What did you change?").fill("Our first code of conduct.");
  await submit(proposerPage, () => proposerPage.getByRole("button", { name: "Save a new version" }).click());
  await visit(proposerPage, `/communities/${slug}/charter/history`);
  assert.match(await text(proposerPage.locator("main")), /Our first code of conduct\./);
});

test("another person asks to join, accepting the code of conduct", async () => {
  await signIn(joinerPage, joiner.email, joiner.password);
  await visit(joinerPage, `/communities/${slug}`);
  await screenshot(joinerPage, "journey-community-page");
  await submit(joinerPage, () => joinerPage.getByRole("link", { name: "Request to join" }).click());
  assert.match(await text(joinerPage.locator("main")), /Never pass on a colleague.s bid\./);
  await joinerPage.getByLabel("Which funders do you write for?").fill("Mostly UKRI and the Wellcome Trust.");
  // Without accepting the code of conduct the request is refused and the answer is kept.
  await submit(joinerPage, () => joinerPage.getByRole("button", { name: "Send request" }).click(), {
    status: 422,
  });
  assert.equal(
    await joinerPage.getByLabel("Which funders do you write for?").inputValue(),
    "Mostly UKRI and the Wellcome Trust.",
  );
  await joinerPage.getByLabel("I have read and accept the code of conduct").check();
  await submit(joinerPage, () => joinerPage.getByRole("button", { name: "Send request" }).click());
  assert.match(await text(joinerPage.locator(".page-header")), /Request sent/);
});

test("the convenor approves the request", async () => {
  await visit(proposerPage, `/communities/${slug}/requests`);
  const requests = proposerPage.getByRole("list", { name: "Requests to join" });
  assert.match(await text(requests), /Mostly UKRI and the Wellcome Trust\./);
  await screenshot(proposerPage, "journey-requests");
  await submit(proposerPage, () => requests.getByRole("button", { name: "Approve" }).click());
  assert.match(await flash(), new RegExp(joinerName.split(" ")[0] ?? ""));
});

test("the new member takes a break, comes back, and leaves with a reason", async () => {
  await visit(joinerPage, `/communities/${slug}`);
  assert.equal(await joinerPage.getByText("You are a member", { exact: true }).count(), 1);
  await submit(joinerPage, () => joinerPage.getByRole("link", { name: "Your membership" }).click());
  const until = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  await joinerPage.getByLabel("Last day of your break").fill(until);
  await submit(joinerPage, () => joinerPage.getByRole("button", { name: "Start your break" }).click());
  assert.match(await text(joinerPage.locator(".page-header")), /On a break until/);
  await screenshot(joinerPage, "journey-on-a-break");

  await visit(joinerPage, `/communities/${slug}/membership`);
  await submit(joinerPage, () => joinerPage.getByRole("button", { name: "Come back now" }).click());
  assert.doesNotMatch(await text(joinerPage.locator(".page-header")), /On a break/);

  await visit(joinerPage, `/communities/${slug}/leave`);
  await joinerPage
    .getByLabel("Why are you leaving? (optional)")
    .fill("My role has changed and I no longer write bids.");
  await submit(joinerPage, () => joinerPage.getByRole("button", { name: "Leave community" }).click());
  assert.match(await flash(joinerPage), new RegExp(`You have left ${name}`));
});

test("the convenor sees the reason only in aggregate, and the programme overview lists the community", async () => {
  await visit(proposerPage, `/communities/${slug}/members/leaving`);
  // One person left: fewer than three, so the reasons stay hidden.
  assert.doesNotMatch(await text(proposerPage.locator("main")), /no longer write bids/);

  await visit(programmePage, "/admin/communities");
  assert.equal(await programmePage.getByRole("link", { name, exact: true }).count(), 1);
  await screenshot(programmePage, "journey-programme-overview");
  await visit(programmePage, "/communities");
  await screenshot(programmePage, "journey-directory");
});
