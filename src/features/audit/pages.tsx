import { Hono } from "hono";
import { z } from "zod";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { decodeCursor } from "../../platform/http/pagination.js";
import { authorize } from "../../platform/policy.js";
import { EmptyState, PageHeader, Pagination } from "../../ui/components/common.js";
import { RelativeTime } from "../../ui/components/time.js";
import { renderPage } from "../../ui/render.js";
import "./policy.js";
import { type AuditEntry, auditActions, listAudit } from "./queries.js";

const query = z.object({
  action: z.string().max(80).catch(""),
  cursor: z.string().max(500).optional().catch(undefined),
});

const actionLabels: Record<string, string> = {
  "person.site_role_changed": "Changed a site role",
  "mail.sent_again": "Sent an email again",
  "community.updated": "Changed a community's settings",
  "community.closed": "Closed a community",
  "community.reopened": "Reopened a community",
  "membership.role_changed": "Changed a member's role",
  "membership.removed": "Removed a member",
  "proposal.changes_requested": "Asked for changes to a proposal",
  "proposal.approved": "Approved a proposal",
  "proposal.declined": "Declined a proposal",
};

const siteRoleNames: Record<string, string> = {
  admin: "Administrator",
  programme: "Programme team",
  member: "Member",
};
const roleName = (role: unknown) => siteRoleNames[String(role)] ?? String(role);

function describe(entry: AuditEntry) {
  const person = entry.targetPersonHandle ? (
    <a href={`/people/${entry.targetPersonHandle}`}>{entry.targetPersonName}</a>
  ) : null;
  if (entry.action === "person.site_role_changed") {
    return (
      <>
        {person}: {roleName(entry.data?.from)} → {roleName(entry.data?.to)}
      </>
    );
  }
  return (
    <>
      {person ?? `${entry.targetType} ${entry.targetId}`}
      {entry.communitySlug && (
        <>
          {" in "}
          <a href={`/communities/${entry.communitySlug}`}>{entry.communityName}</a>
        </>
      )}
    </>
  );
}

/** /admin/audit: who did what, to whom, why and when. */
export function auditPages() {
  const app = new Hono<AppEnv>();

  app.get("/admin/audit", async (c) => {
    authorize(requirePerson(c), "audit.view", null);
    const { action, cursor } = query.parse(c.req.query());
    const db = c.get("db");
    const [page, actions] = await Promise.all([
      listAudit(db, { action }, decodeCursor(cursor)),
      auditActions(db),
    ]);
    return renderPage(
      c,
      {
        title: "Audit log",
        breadcrumbs: [{ label: "Administration", href: "/admin" }, { label: "Audit log" }],
      },
      () => (
        <>
          <PageHeader
            title="Audit log"
            lead="Every action taken by administrators and moderators, with who, when and why."
          />
          {actions.length > 0 && (
            <form class="filters" method="get" action="/admin/audit">
              <div class="field">
                <label for="audit-action">Action</label>
                <select id="audit-action" name="action">
                  <option value="">All actions</option>
                  {actions.map((value) => (
                    <option value={value} selected={value === action}>
                      {actionLabels[value] ?? value}
                    </option>
                  ))}
                </select>
              </div>
              <button class="button" type="submit">
                Show
              </button>
            </form>
          )}
          {page.items.length === 0 ? (
            <EmptyState title="Nothing has been recorded yet">
              <p>Role changes, removals and moderation appear here as they happen.</p>
            </EmptyState>
          ) : (
            <div class="table-wrap">
              <table class="stack-on-mobile">
                <caption class="visually-hidden">Audit log, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Who</th>
                    <th scope="col">Action</th>
                    <th scope="col">Details</th>
                    <th scope="col">Reason</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((entry) => (
                    <tr>
                      <td data-label="When">
                        <RelativeTime date={entry.at} />
                      </td>
                      <td data-label="Who">
                        {entry.actorHandle ? (
                          <a href={`/people/${entry.actorHandle}`}>{entry.actorName}</a>
                        ) : (
                          "System"
                        )}
                      </td>
                      <td data-label="Action">{actionLabels[entry.action] ?? entry.action}</td>
                      <td data-label="Details">{describe(entry)}</td>
                      <td data-label="Reason">{entry.reason ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination page={page} baseUrl={new URL(c.req.url)} />
        </>
      ),
    );
  });

  return app;
}
