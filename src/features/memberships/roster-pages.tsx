import type { Context } from "hono";
import { Hono } from "hono";
import { AppError, notFound } from "../../platform/errors.js";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { setFlash } from "../../platform/http/flash.js";
import { type FieldErrors, type FormValues, parseForm } from "../../platform/http/form.js";
import { redirectAfterPost } from "../../platform/http/htmx.js";
import { decodeCursor } from "../../platform/http/pagination.js";
import { authorize, can, decide } from "../../platform/policy.js";
import { renderPage } from "../../ui/render.js";
import { type CommunityView, loadCommunityView } from "../communities/load.js";
import { CommunityShell, communityCrumbs, communityTitle } from "../communities/views/shell.js";
import { listDivisionNames } from "../organisation/service.js";
import { leavingSummary, type RosterExportRow, rosterEntry, rosterExport, rosterOf } from "./queries.js";
import {
  breakInput,
  involvementInput,
  involvementLabels,
  removeInput,
  roleInput,
  roleLabels,
  roleWords,
  rosterQuery,
} from "./roster-inputs.js";
import {
  aYearAfter,
  changeRole,
  dateIn,
  endBreak,
  formatDay,
  removeMember,
  setInvolvement,
  takeBreak,
} from "./roster-service.js";
import { LeavingReasons } from "./views/leaving.js";
import { MembersHidden, MembersTab } from "./views/members.js";
import { MembershipPage } from "./views/membership.js";
import { RemoveMemberForm } from "./views/remove.js";
import "./roster-policy.js";

type C = Context<AppEnv>;

const current = (state: string | undefined) => state === "active" || state === "on_break";

// ---------------------------------------------------------------------------------------------
// CSV

/** A spreadsheet would run a cell starting with these as a formula: = + - @, tab, carriage return. */
const formulaStart = /^[=+\-@\t\r]/;

/** One CSV cell: formula starts neutralised with a quote, then RFC 4180 quoting when needed. */
export function csvCell(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvHeader = [
  "Name",
  "Email",
  "Role",
  "State",
  "Involvement",
  "Division",
  "Job title",
  "Skills",
  "Joined",
];

/** The member list as CSV (CRLF line ends, a byte-order mark so spreadsheet programs read UTF-8). */
export function membersCsv(rows: RosterExportRow[], timeZone: string): string {
  const lines = [csvHeader.map(csvCell).join(",")];
  for (const row of rows) {
    lines.push(
      [
        row.name,
        row.email,
        roleLabels[row.role],
        row.state === "on_break" ? `On a break until ${row.breakUntil ?? "further notice"}` : "Active",
        involvementLabels[row.involvement],
        row.divisionName ?? "",
        row.jobTitle,
        row.skills.join("; "),
        dateIn(row.joinedAt, timeZone),
      ]
        .map(csvCell)
        .join(","),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

// ---------------------------------------------------------------------------------------------

/** The Members tab, roles, involvement, breaks, leaving reasons and removals. */
export function rosterPages() {
  const app = new Hono<AppEnv>();

  const showMembers = async (c: C, view: CommunityView, status: 200 | 422 = 200, errors?: FieldErrors) => {
    const actor = c.get("actor");
    const db = c.get("db");
    const { community } = view;
    const query = rosterQuery.parse(c.req.query());
    const [page, divisions] = await Promise.all([
      rosterOf(db, community.id, query, decodeCursor(query.cursor)),
      listDivisionNames(db),
    ]);
    const url = new URL(c.req.url);
    url.pathname = `/communities/${community.slug}/members`;
    return renderPage(
      c,
      {
        title: communityTitle(community, "Members"),
        breadcrumbs: communityCrumbs(community, "Members"),
        status,
      },
      (ctx) => (
        <CommunityShell ctx={ctx} view={view} tab="members">
          <MembersTab
            ctx={ctx}
            community={community}
            page={page}
            filters={query}
            divisions={divisions}
            url={url}
            canExport={can(actor, "roster.export", community)}
            canManage={can(actor, "roster.manage", community)}
            canViewLeaving={can(actor, "roster.viewLeaving", community)}
            errors={errors}
          />
        </CommunityShell>
      ),
    );
  };

  app.get("/communities/:slug/members", async (c) => {
    const actor = c.get("actor");
    const view = await loadCommunityView(c);
    const decision = decide(actor, "community.viewMembers", view.community);
    if (!decision.allowed) {
      // Visitors are sent to sign in; colleagues see the tab with the reason, and no names.
      if (actor.kind === "anonymous") throw new AppError(401, "sign_in_required", decision.reason);
      return renderPage(
        c,
        {
          title: communityTitle(view.community, "Members"),
          breadcrumbs: communityCrumbs(view.community, "Members"),
          status: 403,
        },
        (ctx) => (
          <CommunityShell ctx={ctx} view={view} tab="members">
            <MembersHidden reason={decision.reason} />
          </CommunityShell>
        ),
      );
    }
    return showMembers(c, view);
  });

  app.get("/communities/:slug/members.csv", async (c) => {
    const actor = requirePerson(c);
    const view = await loadCommunityView(c);
    const { community } = view;
    authorize(actor, "roster.export", community);
    const timeZone = c.get("config").timeZone;
    const rows = await rosterExport(c.get("db"), community.id);
    const filename = `${community.slug}-members-${dateIn(new Date(), timeZone)}.csv`;
    return c.body(membersCsv(rows, timeZone), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    });
  });

  app.post("/communities/:slug/members/:handle/role", async (c) => {
    const actor = requirePerson(c);
    const view = await loadCommunityView(c);
    const { community } = view;
    authorize(actor, "roster.manage", community);
    const handle = c.req.param("handle");
    const member = await rosterEntry(c.get("db"), community.id, handle);
    if (!member) throw notFound("member");
    const field = `role-${member.handle}`;
    const form = await parseForm(c, roleInput);
    if (!form.ok) return showMembers(c, view, 422, { [field]: form.errors.role ?? "Choose a role" });
    try {
      const result = await changeRole(
        c.get("db"),
        actor,
        community,
        { id: member.personId, name: member.name },
        form.data.role,
      );
      const who = member.personId === actor.id ? "You are" : `${member.name} is`;
      setFlash(
        c,
        result.changed
          ? `${who} now ${roleWords[form.data.role]} of ${community.name}.`
          : `${who} already ${roleWords[form.data.role]}; nothing changed.`,
      );
    } catch (error) {
      if (error instanceof AppError && error.status === 422)
        return showMembers(c, view, 422, { [field]: error.userMessage });
      throw error;
    }
    return redirectAfterPost(c, `/communities/${community.slug}/members`);
  });

  app.get("/communities/:slug/members/leaving", async (c) => {
    const actor = requirePerson(c);
    const view = await loadCommunityView(c);
    const { community } = view;
    authorize(actor, "roster.viewLeaving", community);
    const summary = await leavingSummary(c.get("db"), community.id, new Date());
    return renderPage(
      c,
      {
        title: communityTitle(community, "Why people leave"),
        breadcrumbs: [
          ...communityCrumbs(community, "Members").slice(0, 2),
          { label: "Members", href: `/communities/${community.slug}/members` },
          { label: "Why people leave" },
        ],
      },
      (ctx) => (
        <CommunityShell ctx={ctx} view={view} tab="members">
          <LeavingReasons community={community} summary={summary} />
        </CommunityShell>
      ),
    );
  });

  const removeTarget = async (c: C) => {
    const actor = requirePerson(c);
    const view = await loadCommunityView(c);
    authorize(actor, "roster.manage", view.community);
    const member = await rosterEntry(c.get("db"), view.community.id, c.req.param("handle") ?? "");
    if (!member) throw notFound("member");
    if (member.personId === actor.id) {
      throw new AppError(
        403,
        "remove_self",
        `You cannot remove yourself from ${view.community.name}. Use Leave community instead.`,
      );
    }
    return { actor, view, member };
  };

  const showRemove = (
    c: C,
    view: CommunityView,
    member: NonNullable<Awaited<ReturnType<typeof rosterEntry>>>,
    values?: FormValues,
    errors?: FieldErrors,
  ) =>
    renderPage(
      c,
      {
        title: `Remove ${member.name} – ${view.community.name}`,
        breadcrumbs: [
          ...communityCrumbs(view.community, "Members").slice(0, 2),
          { label: "Members", href: `/communities/${view.community.slug}/members` },
          { label: `Remove ${member.name}` },
        ],
        status: errors ? 422 : 200,
      },
      (ctx) => (
        <RemoveMemberForm
          ctx={ctx}
          community={view.community}
          member={member}
          values={values}
          errors={errors}
        />
      ),
    );

  app.get("/communities/:slug/members/:handle/remove", async (c) => {
    const { view, member } = await removeTarget(c);
    return showRemove(c, view, member);
  });

  app.post("/communities/:slug/members/:handle/remove", async (c) => {
    const { actor, view, member } = await removeTarget(c);
    const form = await parseForm(c, removeInput);
    if (!form.ok) return showRemove(c, view, member, form.values, form.errors);
    try {
      await removeMember(
        c.get("db"),
        actor,
        view.community,
        { id: member.personId, name: member.name },
        form.data.reason,
      );
    } catch (error) {
      if (error instanceof AppError && error.status === 422)
        return showRemove(c, view, member, form.values, { reason: error.userMessage });
      throw error;
    }
    setFlash(c, `${member.name} has been removed from ${view.community.name} and told why.`);
    return redirectAfterPost(c, `/communities/${view.community.slug}/members`);
  });

  // -------------------------------------------------------------------------------------------
  // Your membership

  const ownTarget = async (c: C) => {
    const actor = requirePerson(c);
    const view = await loadCommunityView(c);
    authorize(actor, "roster.editOwn", view.community);
    const membership = view.membership;
    if (!membership || !current(membership.state)) throw notFound("membership");
    return { actor, view, membership };
  };

  const showMembership = async (c: C, values?: FormValues, errors?: FieldErrors) => {
    const { view, membership } = await ownTarget(c);
    const timeZone = c.get("config").timeZone;
    const today = dateIn(new Date(), timeZone);
    const tomorrow = new Date(`${today}T00:00:00Z`);
    tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
    return renderPage(
      c,
      {
        title: communityTitle(view.community, "Your membership"),
        breadcrumbs: communityCrumbs(view.community, "Your membership"),
        status: errors ? 422 : 200,
      },
      (ctx) => (
        <CommunityShell ctx={ctx} view={view} tab={null}>
          <MembershipPage
            ctx={ctx}
            community={view.community}
            membership={membership}
            timeZone={timeZone}
            earliest={tomorrow.toISOString().slice(0, 10)}
            latest={aYearAfter(today)}
            values={values}
            errors={errors}
          />
        </CommunityShell>
      ),
    );
  };

  app.get("/communities/:slug/membership", (c) => showMembership(c));

  app.post("/communities/:slug/membership/involvement", async (c) => {
    const { actor, view } = await ownTarget(c);
    const form = await parseForm(c, involvementInput);
    if (!form.ok) return showMembership(c, form.values, form.errors);
    const changed = await setInvolvement(c.get("db"), actor, view.community, form.data.involvement);
    setFlash(
      c,
      changed
        ? `Saved. Your involvement in ${view.community.name} is now “${involvementLabels[form.data.involvement]}”.`
        : "Your involvement is unchanged.",
    );
    return redirectAfterPost(c, `/communities/${view.community.slug}/membership`);
  });

  app.post("/communities/:slug/membership/break", async (c) => {
    const { actor, view } = await ownTarget(c);
    const form = await parseForm(c, breakInput);
    if (!form.ok) return showMembership(c, form.values, form.errors);
    try {
      await takeBreak(c.get("db"), actor, view.community, form.data.until, {
        timeZone: c.get("config").timeZone,
      });
    } catch (error) {
      if (error instanceof AppError && error.status === 422)
        return showMembership(c, form.values, { until: error.userMessage });
      throw error;
    }
    setFlash(
      c,
      `Your break from ${view.community.name} runs until ${formatDay(form.data.until)}. You will get no notifications from it until then.`,
    );
    return redirectAfterPost(c, `/communities/${view.community.slug}/membership`);
  });

  app.post("/communities/:slug/membership/return", async (c) => {
    const { actor, view } = await ownTarget(c);
    const summary = await endBreak(c.get("db"), actor, view.community);
    setFlash(c, summary ? `Welcome back to ${view.community.name}. ${summary}` : "You are not on a break.");
    return redirectAfterPost(c, `/communities/${view.community.slug}/membership`);
  });

  return app;
}
