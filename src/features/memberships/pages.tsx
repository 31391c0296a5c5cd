import type { Context } from "hono";
import { Hono } from "hono";
import { AppError, notFound } from "../../platform/errors.js";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { setFlash } from "../../platform/http/flash.js";
import { type FieldErrors, type FormValues, parseForm } from "../../platform/http/form.js";
import { redirectAfterPost } from "../../platform/http/htmx.js";
import { decodeCursor } from "../../platform/http/pagination.js";
import { type Action, activeRoleIn, authorize, type PersonActor } from "../../platform/policy.js";
import { renderPage } from "../../ui/render.js";
import { type CommunityView, loadCommunityView } from "../communities/load.js";
import { type Community, findCommunityBySlug } from "../communities/queries.js";
import { CommunityShell, communityCrumbs, communityTitle } from "../communities/views/shell.js";
import { findPersonById } from "../people/queries.js";
import { decisionInput, inviteInput, joinInput, leaveInput } from "./inputs.js";
import { findInvitee, searchInvitees } from "./joining-lookup.js";
import { myPending, type PersonChoice, pendingOf, statesIn } from "./joining-queries.js";
import {
  acceptInvitation,
  cancelInvitation,
  codeOfConductOf,
  decideRequest,
  declineInvitation,
  invitePerson,
  joinCommunity,
  leaveCommunity,
  requestToJoin,
  roleName,
  withdrawRequest,
} from "./service.js";
import { MyInvitations } from "./views/invitations.js";
import { InviteForm } from "./views/invite.js";
import { ConfirmPage, type JoinMode, JoinPage } from "./views/join.js";
import { LeaveForm } from "./views/leave.js";
import { RequestsPage } from "./views/requests.js";
import "./policy.js";

const modeAction: Record<JoinMode, Action> = {
  join: "community.join",
  request: "membership.request",
  accept: "membership.respond",
};

/** Which form the join page shows: an invitation to accept, a request to send, or joining at once. */
function joinModeFor(actor: PersonActor, community: Community): JoinMode {
  if (actor.memberships.get(community.id)?.state === "invited") return "accept";
  return community.joinPolicy === "request" ? "request" : "join";
}

const isCurrent = (view: CommunityView) =>
  view.membership?.state === "active" || view.membership?.state === "on_break";

/** Joining, requests, invitations and leaving, as pages under /communities/:slug and /me. */
export function membershipPages() {
  const app = new Hono<AppEnv>();

  const crumbs = (community: Community, page: string) => communityCrumbs(community, page);

  async function renderJoin(
    c: Context<AppEnv>,
    view: CommunityView,
    mode: JoinMode,
    values: FormValues,
    errors?: FieldErrors,
  ) {
    const { community, membership } = view;
    const db = c.get("db");
    const [codeOfConduct, inviter] = await Promise.all([
      codeOfConductOf(db, community.id),
      mode === "accept" && membership?.invitedById ? findPersonById(db, membership.invitedById) : null,
    ]);
    const title = mode === "request" ? `Ask to join ${community.name}` : `Join ${community.name}`;
    return renderPage(
      c,
      {
        title,
        breadcrumbs: crumbs(community, mode === "request" ? "Ask to join" : "Join"),
        status: errors ? 422 : 200,
      },
      (ctx) => (
        <JoinPage
          ctx={ctx}
          community={community}
          mode={mode}
          codeOfConduct={codeOfConduct}
          invitedRole={membership?.role}
          invitedBy={inviter?.name ?? null}
          values={values}
          errors={errors}
        />
      ),
    );
  }

  app.get("/communities/:slug/join", async (c) => {
    const actor = requirePerson(c);
    const view = await loadCommunityView(c);
    if (isCurrent(view)) return c.redirect(`/communities/${view.community.slug}`, 303);
    const mode = joinModeFor(actor, view.community);
    authorize(actor, modeAction[mode], view.community);
    return renderJoin(c, view, mode, { involvement: view.membership?.involvement ?? "take_part" });
  });

  // The join page's form, and the header's no-JS form: joins, asks to join or accepts, by the
  // community's policy and the person's invitation.
  app.post("/communities/:slug/join", async (c) => {
    const actor = requirePerson(c);
    const view = await loadCommunityView(c);
    const { community } = view;
    const mode = joinModeFor(actor, community);
    authorize(actor, modeAction[mode], community);
    const form = await parseForm(c, joinInput);
    if (!form.ok) return renderJoin(c, view, mode, form.values, form.errors);
    const db = c.get("db");
    try {
      if (mode === "request") {
        await requestToJoin(db, actor, community, form.data);
        setFlash(
          c,
          `Your request to join ${community.name} has been sent. The convenors will reply in Convene.`,
        );
      } else if (mode === "accept") {
        const role = view.membership?.role ?? "member";
        await acceptInvitation(db, actor, community, form.data);
        setFlash(c, `Welcome to ${community.name}. You have joined as ${roleName(role)}.`);
      } else {
        await joinCommunity(db, actor, community, form.data);
        setFlash(c, `Welcome to ${community.name}. You are now a member.`);
      }
    } catch (error) {
      if (error instanceof AppError && error.status === 422 && error.detail?.field)
        return renderJoin(c, view, mode, form.values, { [String(error.detail.field)]: error.userMessage });
      throw error;
    }
    return redirectAfterPost(c, `/communities/${community.slug}`);
  });

  // Withdrawing a request and declining an invitation: a confirmation page, then the act.
  app.get("/communities/:slug/request/withdraw", async (c) => {
    const actor = requirePerson(c);
    const { community } = await loadCommunityView(c);
    authorize(actor, "membership.withdraw", community);
    return renderPage(
      c,
      {
        title: `Withdraw your request to join ${community.name}`,
        breadcrumbs: crumbs(community, "Withdraw request"),
      },
      (ctx) => (
        <ConfirmPage
          ctx={ctx}
          title={`Withdraw your request to join ${community.name}?`}
          lead="The convenors will no longer see your request. You can ask again later."
          action={`/communities/${community.slug}/request/withdraw`}
          button="Withdraw request"
          cancelHref={`/communities/${community.slug}`}
          cancelLabel="Keep my request"
        />
      ),
    );
  });

  app.post("/communities/:slug/request/withdraw", async (c) => {
    const actor = requirePerson(c);
    const { community } = await loadCommunityView(c);
    if (await withdrawRequest(c.get("db"), actor, community))
      setFlash(c, `You have withdrawn your request to join ${community.name}.`);
    return redirectAfterPost(c, `/communities/${community.slug}`);
  });

  app.get("/communities/:slug/invitation/decline", async (c) => {
    const actor = requirePerson(c);
    const { community } = await loadCommunityView(c);
    if (actor.memberships.get(community.id)?.state !== "invited")
      authorize(actor, "membership.respond", community);
    return renderPage(
      c,
      {
        title: `Decline the invitation to ${community.name}`,
        breadcrumbs: crumbs(community, "Decline invitation"),
      },
      (ctx) => (
        <ConfirmPage
          ctx={ctx}
          title={`Decline the invitation to ${community.name}?`}
          lead="Whoever invited you will be told. You can still join later if the community is open to you."
          action={`/communities/${community.slug}/invitation/decline`}
          button="Decline invitation"
          cancelHref={`/communities/${community.slug}`}
          cancelLabel="Keep the invitation"
        />
      ),
    );
  });

  app.post("/communities/:slug/invitation/decline", async (c) => {
    const actor = requirePerson(c);
    const { community } = await loadCommunityView(c);
    if (await declineInvitation(c.get("db"), actor, community))
      setFlash(c, `You have declined the invitation to ${community.name}.`);
    return redirectAfterPost(c, `/communities/${community.slug}`);
  });

  // Convenors and the programme team: requests, invitations, and inviting someone.
  async function renderRequests(c: Context<AppEnv>, view: CommunityView, errors?: FieldErrors) {
    const db = c.get("db");
    const { community } = view;
    const url = new URL(c.req.url);
    const q = (c.req.query("q") ?? "").trim().slice(0, 320);
    const [requests, invitations, results] = await Promise.all([
      pendingOf(db, community.id, "requested", decodeCursor(c.req.query("cursor")), 25),
      pendingOf(db, community.id, "invited", null, 100),
      q ? searchInvitees(db, q) : Promise.resolve([] as PersonChoice[]),
    ]);
    const states = await statesIn(
      db,
      community.id,
      results.map((p) => p.id),
    );
    return renderPage(
      c,
      {
        title: communityTitle(community, "Requests and invitations"),
        breadcrumbs: communityCrumbs(community, "Requests and invitations"),
        status: errors ? 422 : 200,
      },
      (ctx) => (
        <CommunityShell ctx={ctx} view={view} tab={null}>
          <h2 class="joining-page-title">Requests and invitations</h2>
          <RequestsPage
            ctx={ctx}
            community={community}
            requests={requests}
            invitations={invitations}
            search={q ? { q, results, states } : null}
            url={url}
            errors={errors}
          />
        </CommunityShell>
      ),
    );
  }

  app.get("/communities/:slug/requests", async (c) => {
    const actor = requirePerson(c);
    const view = await loadCommunityView(c);
    authorize(actor, "membership.review", view.community);
    return renderRequests(c, view);
  });

  for (const decision of ["approve", "decline"] as const) {
    app.post(`/communities/:slug/requests/:handle/${decision}`, async (c) => {
      const actor = requirePerson(c);
      const view = await loadCommunityView(c);
      const { community } = view;
      authorize(actor, "membership.review", community);
      const person = await findInvitee(c.get("db"), c.req.param("handle"));
      if (!person) throw notFound("person");
      const form = await parseForm(c, decisionInput);
      if (!form.ok)
        return renderRequests(c, view, { [`message-${person.handle}`]: form.errors.message ?? "" });
      const done = await decideRequest(c.get("db"), actor, community, person, decision, form.data.message);
      setFlash(
        c,
        !done
          ? `${person.name}'s request had already been answered or withdrawn, so nothing changed.`
          : decision === "approve"
            ? `${person.name} is now a member of ${community.name}. They have been told.`
            : `You declined ${person.name}'s request. They have been told.`,
      );
      return redirectAfterPost(c, `/communities/${community.slug}/requests`);
    });
  }

  async function renderInvite(
    c: Context<AppEnv>,
    community: Community,
    person: PersonChoice | null,
    values: FormValues,
    errors?: FieldErrors,
  ) {
    return renderPage(
      c,
      {
        title: `Invite someone to ${community.name}`,
        breadcrumbs: crumbs(community, "Invite someone"),
        status: errors ? 422 : 200,
      },
      (ctx) => <InviteForm ctx={ctx} community={community} person={person} values={values} errors={errors} />,
    );
  }

  app.get("/communities/:slug/invitations/new", async (c) => {
    const actor = requirePerson(c);
    const { community } = await loadCommunityView(c);
    authorize(actor, "membership.review", community);
    const term = c.req.query("person") ?? "";
    const person = term ? await findInvitee(c.get("db"), term) : null;
    return renderInvite(c, community, person, { role: "member", person: person ? person.handle : term });
  });

  app.post("/communities/:slug/invitations", async (c) => {
    const actor = requirePerson(c);
    const { community } = await loadCommunityView(c);
    authorize(actor, "membership.review", community);
    const form = await parseForm(c, inviteInput);
    const term = typeof form.values.person === "string" ? form.values.person : "";
    const person = term ? await findInvitee(c.get("db"), term) : null;
    if (!form.ok) return renderInvite(c, community, person, form.values, form.errors);
    if (!person)
      return renderInvite(c, community, null, form.values, {
        person: "We could not find anyone with that handle or email address",
      });
    try {
      await invitePerson(c.get("db"), actor, community, person, form.data.role, form.data.message);
    } catch (error) {
      if (error instanceof AppError && error.status === 422 && error.detail?.field)
        return renderInvite(c, community, person, form.values, {
          [String(error.detail.field)]: error.userMessage,
        });
      throw error;
    }
    setFlash(c, `${person.name} has been invited to join ${community.name} as ${roleName(form.data.role)}.`);
    return redirectAfterPost(c, `/communities/${community.slug}/requests`);
  });

  app.get("/communities/:slug/invitations/:handle/cancel", async (c) => {
    const actor = requirePerson(c);
    const { community } = await loadCommunityView(c);
    authorize(actor, "membership.review", community);
    const person = await findInvitee(c.get("db"), c.req.param("handle"));
    if (!person) throw notFound("person");
    return renderPage(
      c,
      {
        title: `Cancel the invitation to ${person.name}`,
        breadcrumbs: crumbs(community, "Cancel invitation"),
      },
      (ctx) => (
        <ConfirmPage
          ctx={ctx}
          title={`Cancel the invitation to ${person.name}?`}
          lead={`${person.name} will no longer be able to accept it. You can invite them again later.`}
          action={`/communities/${community.slug}/invitations/${person.handle}/cancel`}
          button="Cancel invitation"
          cancelHref={`/communities/${community.slug}/requests`}
          cancelLabel="Keep the invitation"
        />
      ),
    );
  });

  app.post("/communities/:slug/invitations/:handle/cancel", async (c) => {
    const actor = requirePerson(c);
    const { community } = await loadCommunityView(c);
    authorize(actor, "membership.review", community);
    const person = await findInvitee(c.get("db"), c.req.param("handle"));
    if (!person) throw notFound("person");
    if (await cancelInvitation(c.get("db"), actor, community, person))
      setFlash(c, `The invitation to ${person.name} has been cancelled.`);
    return redirectAfterPost(c, `/communities/${community.slug}/requests`);
  });

  app.get("/me/invitations", async (c) => {
    const actor = requirePerson(c);
    const rows = await myPending(c.get("db"), actor.id);
    return renderPage(
      c,
      {
        title: "Your invitations and requests",
        breadcrumbs: [{ label: "Your invitations and requests" }],
      },
      () => <MyInvitations rows={rows} />,
    );
  });

  app.get("/communities/:slug/leave", async (c) => {
    const actor = requirePerson(c);
    const community = await findCommunityBySlug(c.get("db"), c.req.param("slug"));
    if (!community) throw notFound("community");
    if (!activeRoleIn(actor, community.id)) return c.redirect(`/communities/${community.slug}`, 303);
    return renderPage(
      c,
      { title: `Leave ${community.name}`, breadcrumbs: crumbs(community, "Leave") },
      (ctx) => <LeaveForm ctx={ctx} community={community} />,
    );
  });

  app.post("/communities/:slug/leave", async (c) => {
    const actor = requirePerson(c);
    const community = await findCommunityBySlug(c.get("db"), c.req.param("slug"));
    if (!community) throw notFound("community");
    const form = await parseForm(c, leaveInput);
    const again = (errors: Record<string, string>) =>
      renderPage(
        c,
        { title: `Leave ${community.name}`, status: 422, breadcrumbs: crumbs(community, "Leave") },
        (ctx) => <LeaveForm ctx={ctx} community={community} values={form.values} errors={errors} />,
      );
    if (!form.ok) return again(form.errors);
    try {
      await leaveCommunity(c.get("db"), actor, community, form.data.reason);
    } catch (error) {
      if (error instanceof AppError && error.code === "last_convenor")
        return again({ reason: error.userMessage });
      throw error;
    }
    setFlash(c, `You have left ${community.name}.`);
    return redirectAfterPost(c, `/communities/${community.slug}`);
  });

  return app;
}
