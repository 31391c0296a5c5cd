import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { AppError, notFound } from "../../platform/errors.js";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { setFlash } from "../../platform/http/flash.js";
import { isHtmx, redirectAfterPost } from "../../platform/http/htmx.js";
import { decodeCursor } from "../../platform/http/pagination.js";
import { pageContext } from "../../ui/page-context.js";
import { renderPage } from "../../ui/render.js";
import { loadCommunityView } from "../communities/load.js";
import {
  findPost,
  findThreadWithCommunity,
  followedThreads,
  reactionsForPost,
} from "./interactions-queries.js";
import {
  acceptAnswer,
  setFollowing,
  setReaction,
  threadPath,
  unacceptAnswer,
} from "./interactions-service.js";
import { reactionKinds } from "./tables.js";
import {
  FollowButton,
  FollowingList,
  type PostRef,
  ReactionBar,
  reactionBarId,
  reactionLabels,
} from "./views/post-interactions.js";

const reactionInput = z.object({
  kind: z.enum(reactionKinds, { message: "Choose a reaction: thanks, helpful or same problem." }),
});

/** The thread named by the route, which must belong to the community named by the route. */
async function threadInCommunity(c: Context<AppEnv>) {
  const view = await loadCommunityView(c);
  const found = await findThreadWithCommunity(c.get("db"), c.req.param("threadId") ?? "");
  if (!found || found.thread.communityId !== view.community.id) throw notFound("thread");
  return found;
}

/** Where "Stop following" on /me/following returns to; nowhere else. */
function followingReturn(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  return raw === "/me/following" || raw.startsWith("/me/following?") ? raw : null;
}

/** Accepting answers, reactions and following threads, and the list of threads you follow. */
export function interactionPages() {
  const app = new Hono<AppEnv>();

  for (const action of ["accept", "unaccept"] as const) {
    app.post(`/communities/:slug/discussions/:threadId/replies/:replyId/${action}`, async (c) => {
      const actor = requirePerson(c);
      const db = c.get("db");
      const found = await threadInCommunity(c);
      const replyId = c.req.param("replyId");
      if (action === "accept") await acceptAnswer(db, actor, found, replyId);
      else await unacceptAnswer(db, actor, found);
      const threadUrl = threadPath(found.community.slug, found.thread.id);
      // htmx follows this redirect and swaps the thread region it selects from the page (see
      // AcceptAnswerButton), so the "Accepted answer" section, the badge and every reply's control
      // move together. No flash: the change is in view, and the flash would show on a later page.
      if (isHtmx(c)) return c.redirect(threadUrl, 303);
      setFlash(
        c,
        action === "accept"
          ? "You accepted this answer. The person who wrote it has been told."
          : "This reply is no longer the accepted answer.",
      );
      return redirectAfterPost(c, `${threadUrl}#reply-${replyId}`);
    });
  }

  app.post("/communities/:slug/discussions/:threadId/posts/:postId/reactions", async (c) => {
    const actor = requirePerson(c);
    const db = c.get("db");
    const inThread = await threadInCommunity(c);
    const found = await findPost(db, c.req.param("postId"));
    if (!found || found.thread.id !== inThread.thread.id) throw notFound("post");
    const form = await parseReaction(c);
    const given = await setReaction(db, actor, found, form, "toggle");
    const threadUrl = threadPath(found.community.slug, found.thread.id);
    const post: PostRef = {
      id: found.post.id,
      threadId: found.thread.id,
      threadUrl,
      authorId: found.post.authorId,
      isThread: found.post.isThread,
    };
    if (isHtmx(c)) {
      const reactions = await reactionsForPost(db, found.post.id, actor.id);
      return c.html(<ReactionBar ctx={pageContext(c)} post={post} reactions={reactions} canReact={true} />);
    }
    setFlash(
      c,
      given
        ? `You reacted “${reactionLabels[form]}”.`
        : `You took back your “${reactionLabels[form]}” reaction.`,
    );
    return redirectAfterPost(c, `${threadUrl}#${reactionBarId(found.post.id)}`);
  });

  for (const action of ["follow", "unfollow"] as const) {
    app.post(`/communities/:slug/discussions/:threadId/${action}`, async (c) => {
      const actor = requirePerson(c);
      const found = await threadInCommunity(c);
      const body = await c.req.parseBody();
      await setFollowing(c.get("db"), actor, found, action === "follow");
      const threadUrl = threadPath(found.community.slug, found.thread.id);
      const back = followingReturn(body.next);
      if (isHtmx(c) && !back) {
        return c.html(
          <FollowButton
            ctx={pageContext(c)}
            threadUrl={threadUrl}
            threadId={found.thread.id}
            following={action === "follow"}
          />,
        );
      }
      setFlash(
        c,
        action === "follow"
          ? `You are following “${found.thread.title}”. You will be told about new replies.`
          : `You are no longer following “${found.thread.title}”.`,
      );
      return redirectAfterPost(c, back ?? threadUrl);
    });
  }

  app.get("/me/following", async (c) => {
    const actor = requirePerson(c);
    const cursor = decodeCursor(c.req.query("cursor"));
    const page = await followedThreads(c.get("db"), actor.id, cursor);
    return renderPage(c, { title: "Threads you follow" }, (ctx) => (
      <FollowingList ctx={ctx} page={page} url={new URL(c.req.url)} timeZone={c.get("config").timeZone} />
    ));
  });

  return app;
}

async function parseReaction(c: Context<AppEnv>) {
  const body = await c.req.parseBody();
  const parsed = reactionInput.safeParse({ kind: body.kind });
  if (!parsed.success)
    throw new AppError(422, "invalid_reaction", "Choose a reaction: thanks, helpful or same problem.", {
      field: "kind",
    });
  return parsed.data.kind;
}
