import { allow, decide, defineRules, deny, isSignedIn, signInFirst } from "../../platform/policy.js";
import { type EventTarget, isOrganiser } from "./policy.js";
import "./policy.js";

/** An unconference, as its session board's rules see it. */
export interface BoardTarget {
  event: EventTarget;
  /** The actor's RSVP is "going". */
  going: boolean;
}

/** One proposed session, for withdrawing it. */
export interface ProposalTarget {
  board: BoardTarget;
  proposerId: string | null;
}

declare module "../../platform/policy.js" {
  interface PolicyActions {
    /** Propose a session, or vote for one: people going and organisers, until the event ends. */
    "session.propose": BoardTarget;
    "session.vote": BoardTarget;
    /** Withdraw a proposed session: the person who proposed it, or an organiser. */
    "session.withdraw": ProposalTarget;
  }
}

function takesPart(verb: string) {
  return (actor: Parameters<typeof isOrganiser>[0], board: BoardTarget) => {
    if (!isSignedIn(actor)) return signInFirst;
    const view = decide(actor, "event.view", board.event);
    if (!view.allowed) return view;
    if (board.event.cancelled) return deny("This unconference has been cancelled.");
    if (board.event.ended) return deny("This unconference has taken place; its board is closed.");
    if (board.going || isOrganiser(actor, board.event)) return allow;
    return deny(`Say you are going to ${verb}.`);
  };
}

defineRules({
  "session.propose": takesPart("propose sessions"),
  "session.vote": takesPart("vote for sessions"),
  "session.withdraw": (actor, proposal) => {
    if (!isSignedIn(actor)) return signInFirst;
    const view = decide(actor, "event.view", proposal.board.event);
    if (!view.allowed) return view;
    if (isOrganiser(actor, proposal.board.event)) return allow;
    if (proposal.proposerId === actor.id) return allow;
    return deny("Only the person who proposed this session, or an organiser, can withdraw it.");
  },
});
