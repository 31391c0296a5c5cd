import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.js";
import { EmptyState } from "../../ui/components/common.js";
import { renderPage } from "../../ui/render.js";
import { searchCommunities } from "../communities/directory-queries.js";
import { CommunityCard } from "../communities/views/card.js";
import { newInMyCommunities, questionsYouMightAnswer, upcomingEventsForHome } from "./queries.js";
import { HomeActivity, HomeUpcomingEvents } from "./views.js";

export function homePages() {
  const app = new Hono<AppEnv>();

  app.get("/", async (c) => {
    const actor = c.get("actor");
    const db = c.get("db");
    const base = { q: "", type: "" as const, cursor: undefined };
    // A few queries, run together: the person's communities, popular ones, their communities'
    // newest threads, open questions that match their skills, and their next events.
    const [mine, popular, latest, toAnswer, upcoming] = await Promise.all([
      actor.kind === "person" && actor.memberships.size > 0
        ? searchCommunities(db, actor, { ...base, sort: "activity", mine: "1" }, null, 6)
        : null,
      searchCommunities(db, actor, { ...base, sort: "size", mine: "" }, null, 6),
      actor.kind === "person" ? newInMyCommunities(db, actor) : [],
      actor.kind === "person" ? questionsYouMightAnswer(db, actor) : [],
      actor.kind === "person" ? upcomingEventsForHome(db, actor) : [],
    ]);
    // Better Auth sends people here with ?error=... when an email confirmation link fails.
    const linkError = c.req.query("error")
      ? "That link to confirm your email address is not valid any more: each link works once, for 24 hours."
      : null;
    const suggestions = popular.items.filter(
      (community) => actor.kind !== "person" || !actor.memberships.has(community.id),
    );
    return renderPage(c, { title: "Home" }, (ctx) => (
      <>
        {linkError && (
          <p class="notice notice-info" role="status">
            {linkError}
          </p>
        )}
        <div class="page-header">
          <h1>
            {actor.kind === "person"
              ? `Welcome back, ${actor.name.split(" ")[0]}`
              : `Communities of practice at ${ctx.orgName}`}
          </h1>
          <p class="lead">
            Find the people who do work like yours, ask whether anybody has dealt with it before, and share
            what you know.
          </p>
          {actor.kind === "anonymous" && (
            <p class="inline-form">
              <a class="button" href="/sign-in">
                Sign in
              </a>
              <a class="button button-secondary" href="/communities">
                Browse communities
              </a>
            </p>
          )}
        </div>
        {actor.kind === "person" && (
          <section aria-labelledby="mine-heading" class="stack" style="margin-bottom:2rem">
            <h2 id="mine-heading">Your communities</h2>
            {mine && mine.items.length > 0 ? (
              <ul class="grid">
                {mine.items.map((community) => (
                  <CommunityCard community={community} isMember />
                ))}
              </ul>
            ) : (
              <EmptyState title="You have not joined a community yet">
                <p>
                  <a href="/communities">Browse the directory</a> to find one in your area.
                </p>
              </EmptyState>
            )}
          </section>
        )}
        {actor.kind === "person" && (
          <HomeUpcomingEvents
            events={upcoming}
            zone={c.get("config").timeZone}
            hasCommunities={Boolean(mine && mine.items.length > 0)}
          />
        )}
        {actor.kind === "person" && mine && mine.items.length > 0 && (
          <HomeActivity latest={latest} toAnswer={toAnswer} />
        )}
        {suggestions.length > 0 && (
          <section aria-labelledby="popular-heading" class="stack">
            <h2 id="popular-heading">
              {actor.kind === "person" ? "Communities you might join" : "Popular communities"}
            </h2>
            <ul class="grid">
              {suggestions.map((community) => (
                <CommunityCard community={community} isMember={false} />
              ))}
            </ul>
          </section>
        )}
      </>
    ));
  });

  return app;
}
