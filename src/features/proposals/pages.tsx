import { type Context, Hono } from "hono";
import { AppError, notFound } from "../../platform/errors.js";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { setFlash } from "../../platform/http/flash.js";
import { type FieldErrors, type FormValues, fieldValue, parseForm } from "../../platform/http/form.js";
import { isHtmx, redirectAfterPost } from "../../platform/http/htmx.js";
import { decodeCursor } from "../../platform/http/pagination.js";
import { authorize, can, type PersonActor } from "../../platform/policy.js";
import { renderPage } from "../../ui/render.js";
import { slugify } from "../organisation/service.js";
import { type PersonSummary, searchPeople } from "../people/queries.js";
import {
  approveInput,
  commentInput,
  declineInput,
  proposalInput,
  requestChangesInput,
  reviewQuery,
  splitPeople,
  tabLabels,
} from "./inputs.js";
import "./policy.js";
import {
  findProposal,
  listProposals,
  openProposal,
  type ProposalDetail,
  peopleByIds,
  proposalTimeline,
  statusCounts,
} from "./queries.js";
import {
  approveProposal,
  checkPeople,
  commentOnProposal,
  declineProposal,
  requestChanges,
  resubmitProposal,
  setInterest,
  submitProposal,
  withdrawProposal,
} from "./service.js";
import { PeopleResults, ProposalForm } from "./views/form.js";
import { MyProposal, MyProposals, WithdrawConfirm } from "./views/mine.js";
import { InterestControl } from "./views/parts.js";
import { DecisionForm, type DecisionKind, ReviewDetail, ReviewList } from "./views/review.js";

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

const targetOf = (detail: ProposalDetail) => ({
  id: detail.proposal.id,
  name: detail.proposal.name,
  proposerId: detail.proposal.proposerId,
  status: detail.proposal.status,
});

async function loadDetail(c: Context<AppEnv>) {
  const detail = await findProposal(c.get("db"), c.req.param("id") ?? "");
  if (!detail) throw notFound("proposal");
  return detail;
}

async function loadEverything(c: Context<AppEnv>, detail: ProposalDetail) {
  const db = c.get("db");
  const { proposal } = detail;
  const [founding, sponsors, timeline] = await Promise.all([
    peopleByIds(db, proposal.foundingCoreIds),
    peopleByIds(db, proposal.suggestedSponsorId ? [proposal.suggestedSponsorId] : []),
    proposalTimeline(db, proposal.id),
  ]);
  return { founding, sponsor: sponsors[0] ?? null, timeline };
}

/** A proposal as form values: for the proposer's edit form. */
async function valuesOf(c: Context<AppEnv>, detail: ProposalDetail): Promise<FormValues> {
  const { proposal } = detail;
  const { founding, sponsor } = await loadEverything(c, detail);
  return {
    name: proposal.name,
    practiceAreas: proposal.practiceAreas.join(", "),
    need: proposal.need,
    audience: proposal.audience,
    plannedActivities: proposal.plannedActivities,
    foundingCore: founding.map((p) => p.handle).join(", "),
    sponsor: sponsor?.handle ?? "",
  };
}

type FormOutcome =
  | {
      kind: "again";
      values: FormValues;
      errors?: FieldErrors;
      found?: PersonSummary[] | null;
      notice?: string;
    }
  | { kind: "ready"; data: ReturnType<typeof proposalInput.parse>; values: FormValues; note: string };

/**
 * The proposal form's POST: adding a person from the finder, searching, or submitting. Adding and
 * searching show the form again with everything kept; only a submission is validated.
 */
async function readProposalForm(c: Context<AppEnv>, actor: PersonActor): Promise<FormOutcome> {
  const form = await parseForm(c, proposalInput);
  const values: FormValues = { ...form.values };
  const addCore = first(values.addCore).trim().replace(/^@/, "").toLowerCase();
  const setSponsor = first(values.setSponsor).trim().replace(/^@/, "").toLowerCase();
  const action = first(values.action) || "default";
  const find = first(values.find).trim().slice(0, 100);
  for (const key of ["addCore", "setSponsor", "action"]) delete values[key];
  if (addCore) {
    const list = splitPeople(fieldValue(values, "foundingCore"));
    if (!list.includes(addCore)) list.push(addCore);
    return {
      kind: "again",
      values: { ...values, foundingCore: list.join(", "), find: "" },
      notice: `Added @${addCore} to the founding core group.`,
    };
  }
  if (setSponsor) {
    return {
      kind: "again",
      values: { ...values, sponsor: setSponsor, find: "" },
      notice: `Suggested @${setSponsor} as sponsor.`,
    };
  }
  if (action === "find" || (action === "default" && find)) {
    const found = find
      ? (await searchPeople(c.get("db"), { q: find, skill: "", division: "" }, null, 8)).items
      : [];
    return { kind: "again", values, found };
  }
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  // People are checked even when other fields have problems, so every error shows at once.
  const people = proposalInput.pick({ foundingCore: true, sponsor: true }).safeParse(values);
  if (people.success) {
    const checked = await checkPeople(c.get("db"), actor.id, people.data);
    for (const [field, message] of Object.entries(checked.errors)) errors[field] ??= message;
  }
  if (!form.ok || Object.keys(errors).length > 0) return { kind: "again", values, errors };
  return { kind: "ready", data: form.data, values, note: first(values.note).trim().slice(0, 2000) };
}

function fieldError(error: unknown): FieldErrors | null {
  if (error instanceof AppError && error.status === 422 && error.detail?.field)
    return { [String(error.detail.field)]: error.userMessage };
  return null;
}

const adminCrumbs = (name?: string, id?: string) => [
  { label: "Administration", href: "/admin" },
  { label: "Proposals", href: "/admin/proposals" },
  ...(name ? [{ label: name, href: id ? `/admin/proposals/${id}` : undefined }] : []),
];

const decisionTitles: Record<DecisionKind, string> = {
  approve: "Approve proposal",
  "request-changes": "Ask for changes",
  decline: "Decline proposal",
};

/** Proposing a community, the programme team's review, and the proposer's own list. */
export function proposalPages() {
  const app = new Hono<AppEnv>();

  // ---- Proposing -------------------------------------------------------------------------------

  const showProposeForm = (
    c: Context<AppEnv>,
    outcome: Extract<FormOutcome, { kind: "again" }> | { values: FormValues },
    status?: 200 | 422,
  ) =>
    renderPage(
      c,
      {
        title: "Propose a community",
        breadcrumbs: [{ label: "Communities", href: "/communities" }, { label: "Propose" }],
        status,
      },
      (ctx) => (
        <>
          <div class="page-header">
            <h1>Propose a community</h1>
            <p class="lead">
              Tell the programme team what community is missing and who would start it with you. They will
              review it with you, and you can follow it at <a href="/me/proposals">your proposals</a>.
            </p>
          </div>
          <ProposalForm
            ctx={ctx}
            action="/communities/propose"
            values={outcome.values}
            errors={"errors" in outcome ? outcome.errors : undefined}
            found={"found" in outcome ? outcome.found : null}
            notice={"notice" in outcome ? outcome.notice : undefined}
          />
        </>
      ),
    );

  app.get("/communities/propose", (c) => {
    authorize(requirePerson(c), "proposal.create", null);
    return showProposeForm(c, { values: {} });
  });

  app.post("/communities/propose", async (c) => {
    const actor = requirePerson(c);
    authorize(actor, "proposal.create", null);
    const outcome = await readProposalForm(c, actor);
    if (outcome.kind === "again") return showProposeForm(c, outcome, outcome.errors ? 422 : 200);
    try {
      const proposal = await submitProposal(c.get("db"), actor, outcome.data);
      setFlash(c, `Thank you. Your proposal for ${proposal.name} has been sent to the programme team.`);
      return redirectAfterPost(c, `/me/proposals/${proposal.id}`);
    } catch (error) {
      const errors = fieldError(error);
      if (errors) return showProposeForm(c, { kind: "again", values: outcome.values, errors }, 422);
      throw error;
    }
  });

  // The finder's search-as-you-type results (htmx); without JavaScript the form's "Find people" does this.
  app.get("/communities/propose/people", async (c) => {
    requirePerson(c);
    const find = (c.req.query("find") ?? "").trim().slice(0, 100);
    const target = c.req.query("for") ?? "";
    const action = /^\/(communities\/propose|me\/proposals\/[\w-]+\/edit)$/.test(target)
      ? target
      : "/communities/propose";
    const found = find
      ? (await searchPeople(c.get("db"), { q: find, skill: "", division: "" }, null, 8)).items
      : null;
    return c.html(<PeopleResults people={found} query={find} action={action} />);
  });

  // ---- Interest (from the directory) -----------------------------------------------------------

  const interest = (interested: boolean) => async (c: Context<AppEnv>) => {
    const actor = requirePerson(c);
    const db = c.get("db");
    const proposal = await setInterest(db, actor, c.req.param("id") ?? "", interested);
    if (isHtmx(c)) {
      const fresh = await openProposal(db, proposal.id, actor.id);
      if (!fresh) throw notFound("proposal");
      return c.html(<InterestControl proposal={fresh} csrfToken={c.get("csrfToken")} canRegister signedIn />);
    }
    setFlash(
      c,
      interested
        ? `Thank you: we will tell you if ${proposal.name} opens.`
        : `You are no longer registered as interested in ${proposal.name}.`,
    );
    return redirectAfterPost(c, "/communities#proposed-title");
  };
  app.post("/proposals/:id/interest", interest(true));
  app.post("/proposals/:id/interest/withdraw", interest(false));

  // ---- The proposer's own ----------------------------------------------------------------------

  app.get("/me/proposals", async (c) => {
    const actor = requirePerson(c);
    const page = await listProposals(
      c.get("db"),
      { proposerId: actor.id },
      decodeCursor(c.req.query("cursor")),
    );
    return renderPage(c, { title: "Your proposals" }, () => (
      <MyProposals page={page} url={new URL(c.req.url)} />
    ));
  });

  const showMine = async (
    c: Context<AppEnv>,
    detail: ProposalDetail,
    comment?: { errors: FieldErrors; values: FormValues },
  ) => {
    const actor = requirePerson(c);
    const target = targetOf(detail);
    const extra = await loadEverything(c, detail);
    return renderPage(
      c,
      {
        title: detail.proposal.name,
        breadcrumbs: [{ label: "Your proposals", href: "/me/proposals" }, { label: detail.proposal.name }],
        status: comment ? 422 : 200,
      },
      (ctx) => (
        <MyProposal
          ctx={ctx}
          detail={detail}
          {...extra}
          canEdit={can(actor, "proposal.edit", target)}
          canWithdraw={can(actor, "proposal.withdraw", target)}
          canComment={can(actor, "proposal.comment", target)}
          commentErrors={comment?.errors}
          commentValues={comment?.values}
        />
      ),
    );
  };

  /** The proposer's own proposal; the programme team is sent to the review page instead. */
  const loadMine = async (c: Context<AppEnv>) => {
    const actor = requirePerson(c);
    const detail = await loadDetail(c);
    if (detail.proposal.proposerId !== actor.id) {
      authorize(actor, "proposal.view", targetOf(detail));
      return { detail, elsewhere: c.redirect(`/admin/proposals/${detail.proposal.id}`, 303) };
    }
    return { detail, elsewhere: null };
  };

  app.get("/me/proposals/:id", async (c) => {
    const { detail, elsewhere } = await loadMine(c);
    return elsewhere ?? showMine(c, detail);
  });

  app.post("/me/proposals/:id/comments", async (c) => {
    const actor = requirePerson(c);
    const { detail } = await loadMine(c);
    authorize(actor, "proposal.comment", targetOf(detail));
    const form = await parseForm(c, commentInput);
    if (!form.ok) return showMine(c, detail, { errors: form.errors, values: form.values });
    await commentOnProposal(c.get("db"), actor, detail.proposal.id, form.data.body);
    setFlash(c, "Your comment has been added.");
    return redirectAfterPost(c, `/me/proposals/${detail.proposal.id}`);
  });

  const showEditForm = (
    c: Context<AppEnv>,
    detail: ProposalDetail,
    outcome: Extract<FormOutcome, { kind: "again" }> | { values: FormValues },
    status?: 200 | 422,
  ) => {
    const action = `/me/proposals/${detail.proposal.id}/edit`;
    return renderPage(
      c,
      {
        title: `Change ${detail.proposal.name}`,
        breadcrumbs: [
          { label: "Your proposals", href: "/me/proposals" },
          { label: detail.proposal.name, href: `/me/proposals/${detail.proposal.id}` },
          { label: "Change" },
        ],
        status,
      },
      (ctx) => (
        <>
          <div class="page-header">
            <h1>Change your proposal</h1>
            <p class="lead">
              Make the changes the programme team asked for (see the{" "}
              <a href={`/me/proposals/${detail.proposal.id}`}>history</a>), then resubmit it for review.
            </p>
          </div>
          <ProposalForm
            ctx={ctx}
            action={action}
            editing
            values={outcome.values}
            errors={"errors" in outcome ? outcome.errors : undefined}
            found={"found" in outcome ? outcome.found : null}
            notice={"notice" in outcome ? outcome.notice : undefined}
          />
        </>
      ),
    );
  };

  app.get("/me/proposals/:id/edit", async (c) => {
    const actor = requirePerson(c);
    const detail = await loadDetail(c);
    authorize(actor, "proposal.edit", targetOf(detail));
    return showEditForm(c, detail, { values: await valuesOf(c, detail) });
  });

  app.post("/me/proposals/:id/edit", async (c) => {
    const actor = requirePerson(c);
    const detail = await loadDetail(c);
    authorize(actor, "proposal.edit", targetOf(detail));
    const outcome = await readProposalForm(c, actor);
    if (outcome.kind === "again") return showEditForm(c, detail, outcome, outcome.errors ? 422 : 200);
    try {
      const proposal = await resubmitProposal(
        c.get("db"),
        actor,
        detail.proposal.id,
        outcome.data,
        outcome.note,
      );
      setFlash(c, `Your changes to ${proposal.name} have been sent to the programme team.`);
      return redirectAfterPost(c, `/me/proposals/${proposal.id}`);
    } catch (error) {
      const errors = fieldError(error);
      if (errors) return showEditForm(c, detail, { kind: "again", values: outcome.values, errors }, 422);
      throw error;
    }
  });

  app.get("/me/proposals/:id/withdraw", async (c) => {
    const actor = requirePerson(c);
    const detail = await loadDetail(c);
    authorize(actor, "proposal.withdraw", targetOf(detail));
    return renderPage(
      c,
      {
        title: `Withdraw ${detail.proposal.name}`,
        breadcrumbs: [
          { label: "Your proposals", href: "/me/proposals" },
          { label: detail.proposal.name, href: `/me/proposals/${detail.proposal.id}` },
          { label: "Withdraw" },
        ],
      },
      (ctx) => <WithdrawConfirm ctx={ctx} detail={detail} />,
    );
  });

  app.post("/me/proposals/:id/withdraw", async (c) => {
    const actor = requirePerson(c);
    const detail = await loadDetail(c);
    const proposal = await withdrawProposal(c.get("db"), actor, detail.proposal.id);
    setFlash(c, `You withdrew your proposal for ${proposal.name}.`);
    return redirectAfterPost(c, `/me/proposals/${proposal.id}`);
  });

  // ---- The programme team's review ---------------------------------------------------------------

  app.get("/admin/proposals", async (c) => {
    authorize(requirePerson(c), "proposal.review", null);
    const query = reviewQuery.parse(c.req.query());
    const db = c.get("db");
    const [page, counts] = await Promise.all([
      listProposals(db, { status: query.status }, decodeCursor(query.cursor)),
      statusCounts(db),
    ]);
    return renderPage(
      c,
      { title: `${tabLabels[query.status]} – Proposals`, breadcrumbs: adminCrumbs() },
      () => <ReviewList status={query.status} counts={counts} page={page} url={new URL(c.req.url)} />,
    );
  });

  const showReview = async (
    c: Context<AppEnv>,
    detail: ProposalDetail,
    comment?: { errors: FieldErrors; values: FormValues },
  ) => {
    const actor = requirePerson(c);
    const extra = await loadEverything(c, detail);
    return renderPage(
      c,
      {
        title: `${detail.proposal.name} – Proposals`,
        breadcrumbs: adminCrumbs(detail.proposal.name),
        status: comment ? 422 : 200,
      },
      (ctx) => (
        <ReviewDetail
          ctx={ctx}
          detail={detail}
          {...extra}
          canDecide={can(actor, "proposal.decide", targetOf(detail))}
          commentErrors={comment?.errors}
          commentValues={comment?.values}
        />
      ),
    );
  };

  app.get("/admin/proposals/:id", async (c) => {
    authorize(requirePerson(c), "proposal.review", null);
    return showReview(c, await loadDetail(c));
  });

  app.post("/admin/proposals/:id/comments", async (c) => {
    const actor = requirePerson(c);
    authorize(actor, "proposal.review", null);
    const detail = await loadDetail(c);
    authorize(actor, "proposal.comment", targetOf(detail));
    const form = await parseForm(c, commentInput);
    if (!form.ok) return showReview(c, detail, { errors: form.errors, values: form.values });
    await commentOnProposal(c.get("db"), actor, detail.proposal.id, form.data.body);
    setFlash(c, "Your comment has been added and the proposer told.");
    return redirectAfterPost(c, `/admin/proposals/${detail.proposal.id}`);
  });

  const showDecision = (
    c: Context<AppEnv>,
    kind: DecisionKind,
    detail: ProposalDetail,
    values: FormValues,
    errors?: FieldErrors,
  ) =>
    renderPage(
      c,
      {
        title: `${decisionTitles[kind]} – ${detail.proposal.name}`,
        breadcrumbs: [
          ...adminCrumbs(detail.proposal.name, detail.proposal.id),
          { label: decisionTitles[kind] },
        ],
        status: errors ? 422 : 200,
      },
      (ctx) => <DecisionForm ctx={ctx} kind={kind} detail={detail} values={values} errors={errors} />,
    );

  for (const kind of ["approve", "request-changes", "decline"] as const) {
    app.get(`/admin/proposals/:id/${kind}`, async (c) => {
      const actor = requirePerson(c);
      authorize(actor, "proposal.review", null);
      const detail = await loadDetail(c);
      authorize(actor, "proposal.decide", targetOf(detail));
      const values: FormValues =
        kind === "approve"
          ? { stage: "inquire", type: "professional", slug: slugify(detail.proposal.name) }
          : {};
      return showDecision(c, kind, detail, values);
    });

    app.post(`/admin/proposals/:id/${kind}`, async (c) => {
      const actor = requirePerson(c);
      authorize(actor, "proposal.review", null);
      const detail = await loadDetail(c);
      const db = c.get("db");
      const id = detail.proposal.id;
      if (kind === "approve") {
        const form = await parseForm(c, approveInput);
        if (!form.ok) return showDecision(c, kind, detail, form.values, form.errors);
        try {
          const { community } = await approveProposal(db, actor, id, form.data);
          setFlash(c, `Approved. ${community.name} is open, and its founding group has been invited.`);
          return redirectAfterPost(c, `/admin/proposals/${id}`);
        } catch (error) {
          const errors = fieldError(error);
          if (errors) return showDecision(c, kind, detail, form.values, errors);
          throw error;
        }
      }
      const form = await parseForm(c, kind === "decline" ? declineInput : requestChangesInput);
      if (!form.ok) return showDecision(c, kind, detail, form.values, form.errors);
      if (kind === "decline") {
        await declineProposal(db, actor, id, form.data.message);
        setFlash(c, `Declined. The proposer has been told your reason.`);
      } else {
        await requestChanges(db, actor, id, form.data.message);
        setFlash(c, `The proposer has been asked to make changes.`);
      }
      return redirectAfterPost(c, `/admin/proposals/${id}`);
    });
  }

  return app;
}
