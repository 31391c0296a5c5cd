import type { Context } from "hono";
import { Hono } from "hono";
import { AppError, notFound } from "../../platform/errors.js";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { setFlash } from "../../platform/http/flash.js";
import {
  type FieldErrors,
  type FormValues,
  fieldValue,
  parseForm,
  validateValues,
} from "../../platform/http/form.js";
import { isHtmx, redirectAfterPost } from "../../platform/http/htmx.js";
import { authorize, can, decide } from "../../platform/policy.js";
import { PageHeader } from "../../ui/components/common.js";
import type { Crumb } from "../../ui/layout.js";
import { pageContext } from "../../ui/page-context.js";
import { renderPage } from "../../ui/render.js";
import { gridForm, placementsFromForm, proposalInput } from "./board-inputs.js";
import { boardOf, findProposal, rsvpStatusOf } from "./board-queries.js";
import {
  assertUnconference,
  boardTarget,
  boardUrl,
  proposeSession,
  saveSchedule,
  scheduleUrl,
  setVote,
  withdrawSession,
} from "./board-service.js";
import { eventTarget, type LoadedEvent, loadEvent } from "./load.js";
import { eventUrl } from "./outputs-service.js";
import { ScheduleGrid } from "./views/board-grid.js";
import { type BoardAbilities, ProposalsSection, ProposeForm } from "./views/board-list.js";
import { ScheduleForms } from "./views/board-schedule.js";
import "./board-policy.js";
import "./policy.js";

/** The unconference named by the route, readable by the viewer, with their part in it. */
async function loadBoard(c: Context<AppEnv>) {
  const actor = c.get("actor");
  const db = c.get("db");
  const loaded = await loadEvent(db, c.req.param("id") ?? "");
  assertUnconference(loaded);
  authorize(actor, "event.view", eventTarget(loaded));
  const viewerId = actor.kind === "person" ? actor.id : null;
  const going = (await rsvpStatusOf(db, loaded.event.id, viewerId)) === "going";
  return { actor, loaded, going, viewerId, canManage: can(actor, "event.manage", eventTarget(loaded)) };
}
type BoardContext = Awaited<ReturnType<typeof loadBoard>>;

const crumbs = (loaded: LoadedEvent, last: string, lastHref?: string): Crumb[] => [
  { label: "Events", href: "/events" },
  { label: loaded.event.title, href: eventUrl(loaded.event.id) },
  ...(lastHref ? [{ label: "Session board", href: lastHref }] : []),
  { label: last },
];

/** The board's proposals and what the viewer may do with them. */
async function boardWithAbilities(c: Context<AppEnv>, board: BoardContext) {
  const { actor, loaded, going, viewerId, canManage } = board;
  const data = await boardOf(c.get("db"), loaded.event.id, viewerId);
  const target = boardTarget(loaded, going);
  const propose = decide(actor, "session.propose", target);
  const abilities: BoardAbilities = {
    canPropose: propose.allowed,
    canVote: can(actor, "session.vote", target),
    reason: propose.allowed ? null : propose.reason,
    votesPerPerson: loaded.event.votesPerPerson,
    votesUsed: data.votesUsed,
    viewerId,
    canManage,
  };
  return { data, abilities };
}

/** The votes-left line and the proposals, for htmx to swap in after a vote. */
async function proposalsFragment(c: Context<AppEnv>, board: BoardContext, problem?: string) {
  const { data, abilities } = await boardWithAbilities(c, board);
  return (
    <ProposalsSection
      ctx={pageContext(c)}
      base={boardUrl(board.loaded.event.id)}
      proposals={data.proposals}
      abilities={abilities}
      problem={problem}
    />
  );
}

async function renderBoard(
  c: Context<AppEnv>,
  board: BoardContext,
  problem?: { values?: FormValues; errors?: FieldErrors; vote?: string },
) {
  const { loaded, canManage } = board;
  const { event } = loaded;
  const { data, abilities } = await boardWithAbilities(c, board);
  const published = event.schedulePublishedAt !== null;
  const base = boardUrl(event.id);
  return renderPage(
    c,
    {
      title: `Session board – ${event.title}`,
      breadcrumbs: crumbs(loaded, "Session board"),
      status: problem ? 422 : 200,
    },
    (ctx) => (
      <div class="session-board-page">
        <PageHeader
          title="Session board"
          lead={`Sessions proposed for “${event.title}”. People going propose sessions and each has ${event.votesPerPerson} votes to spend; the organisers build the schedule from the most wanted.`}
          actions={canManage ? <a href={scheduleUrl(event.id)}>Lay out the schedule</a> : undefined}
        />
        {problem?.vote && (
          <div
            class="error-summary"
            role="alert"
            aria-labelledby="vote-problem-title"
            tabindex={-1}
            data-error-summary
          >
            <h2 id="vote-problem-title">There is a problem</h2>
            <p>{problem.vote}</p>
          </div>
        )}
        {published && event.boardRooms.length > 0 && (
          <section aria-labelledby="schedule-title">
            <h2 id="schedule-title">Schedule</h2>
            <ScheduleGrid
              rooms={event.boardRooms}
              slots={event.boardSlots}
              sessions={data.proposals}
              caption="The published schedule"
              captionHidden
            />
          </section>
        )}
        <ProposalsSection ctx={ctx} base={base} proposals={data.proposals} abilities={abilities} />
        {abilities.canPropose && (
          <ProposeForm
            ctx={ctx}
            action={`${base}/proposals`}
            values={problem?.values}
            errors={problem?.errors}
          />
        )}
      </div>
    ),
  );
}

async function renderSchedule(
  c: Context<AppEnv>,
  board: BoardContext,
  values?: FormValues,
  errors?: FieldErrors,
) {
  const { loaded, viewerId } = board;
  const { event } = loaded;
  const data = await boardOf(c.get("db"), event.id, viewerId);
  return renderPage(
    c,
    {
      title: `Schedule – ${event.title}`,
      breadcrumbs: crumbs(loaded, "Schedule", boardUrl(event.id)),
      status: errors ? 422 : 200,
    },
    (ctx) => (
      <div class="board-schedule-page">
        <PageHeader
          title="Lay out the schedule"
          lead="Name the rooms and time slots, then choose a proposed session for each cell. Sessions are listed by votes."
        />
        <ScheduleForms
          ctx={ctx}
          action={scheduleUrl(event.id)}
          rooms={event.boardRooms}
          slots={event.boardSlots}
          votesPerPerson={event.votesPerPerson}
          proposals={data.proposals}
          published={event.schedulePublishedAt !== null}
          values={values}
          errors={errors}
        />
      </div>
    ),
  );
}

const fieldOf = (error: AppError, fallback: string) => String(error.detail?.field ?? fallback);

/** An unconference's board: proposals, votes, and the organisers' schedule. */
export function sessionBoardPages() {
  const app = new Hono<AppEnv>();

  app.get("/events/:id/board", async (c) => renderBoard(c, await loadBoard(c)));

  app.post("/events/:id/board/proposals", async (c) => {
    const person = requirePerson(c);
    const board = await loadBoard(c);
    authorize(person, "session.propose", boardTarget(board.loaded, board.going));
    const form = await parseForm(c, proposalInput);
    if (!form.ok) return renderBoard(c, board, { values: form.values, errors: form.errors });
    try {
      const proposal = await proposeSession(c.get("db"), person, board.loaded, board.going, form.data);
      setFlash(c, `“${proposal.title}” is on the board. People going can now vote for it.`);
      return redirectAfterPost(c, `${boardUrl(board.loaded.event.id)}#proposal-${proposal.id}`);
    } catch (error) {
      if (error instanceof AppError && error.status === 422)
        return renderBoard(c, board, {
          values: form.values,
          errors: { [fieldOf(error, "title")]: error.userMessage },
        });
      throw error;
    }
  });

  app.post("/events/:id/board/proposals/:pid/vote", async (c) => {
    const person = requirePerson(c);
    const board = await loadBoard(c);
    try {
      const { voted } = await setVote(
        c.get("db"),
        person,
        board.loaded,
        board.going,
        c.req.param("pid"),
        "toggle",
      );
      if (isHtmx(c)) return c.html(await proposalsFragment(c, board));
      setFlash(c, voted ? "Your vote is counted." : "You took your vote back.");
      return redirectAfterPost(c, `${boardUrl(board.loaded.event.id)}#proposal-${c.req.param("pid")}`);
    } catch (error) {
      if (error instanceof AppError && error.status === 422) {
        // htmx swaps only successful answers: say it in place; without script, the page with 422.
        if (isHtmx(c)) return c.html(await proposalsFragment(c, board, error.userMessage));
        return renderBoard(c, board, { vote: error.userMessage });
      }
      throw error;
    }
  });

  app.post("/events/:id/board/proposals/:pid/withdraw", async (c) => {
    const person = requirePerson(c);
    const board = await loadBoard(c);
    const proposal = await findProposal(c.get("db"), board.loaded.event.id, c.req.param("pid"));
    if (!proposal || proposal.withdrawnAt) throw notFound("session");
    await withdrawSession(c.get("db"), person, board.loaded, board.going, proposal);
    setFlash(c, `“${proposal.title}” is withdrawn. Votes for it have been given back.`);
    return redirectAfterPost(c, boardUrl(board.loaded.event.id));
  });

  app.get("/events/:id/board/schedule", async (c) => {
    const person = requirePerson(c);
    const board = await loadBoard(c);
    authorize(person, "event.manage", eventTarget(board.loaded));
    return renderSchedule(c, board);
  });

  app.post("/events/:id/board/schedule", async (c) => {
    const person = requirePerson(c);
    const board = await loadBoard(c);
    authorize(person, "event.manage", eventTarget(board.loaded));
    const db = c.get("db");
    const body = await c.req.parseBody({ all: true });
    const values: FormValues = {};
    for (const [key, value] of Object.entries(body))
      if (key !== "_csrf")
        values[key] = Array.isArray(value) ? value.filter((v) => typeof v === "string") : String(value);
    const action = fieldValue(values, "action");
    try {
      let message: string;
      if (action === "grid") {
        const form = validateValues(gridForm, values);
        if (!form.ok) return renderSchedule(c, board, values, form.errors);
        const { unplaced } = await saveSchedule(db, person, board.loaded, form.data);
        message =
          unplaced > 0
            ? `Rooms, slots and votes saved. ${unplaced === 1 ? "1 session was" : `${unplaced} sessions were`} taken off the schedule.`
            : "Rooms, slots and votes saved.";
      } else if (action === "place") {
        await saveSchedule(db, person, board.loaded, { placements: placementsFromForm(values) });
        message = "The schedule is saved.";
      } else if (action === "publish" || action === "unpublish") {
        await saveSchedule(db, person, board.loaded, { published: action === "publish" });
        message =
          action === "publish"
            ? "The schedule is published. It now shows on the event page."
            : "The schedule is unpublished. Only organisers can see it.";
      } else {
        return renderSchedule(c, board, values, { publish: "Choose what to save." });
      }
      setFlash(c, message);
      return redirectAfterPost(c, scheduleUrl(board.loaded.event.id));
    } catch (error) {
      if (error instanceof AppError && (error.status === 422 || error.status === 409))
        return renderSchedule(c, board, values, { [fieldOf(error, "publish")]: error.userMessage });
      throw error;
    }
  });

  return app;
}
