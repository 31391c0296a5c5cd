import { type Context, Hono } from "hono";
import { AppError } from "../../platform/errors.js";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { setFlash } from "../../platform/http/flash.js";
import { parseForm } from "../../platform/http/form.js";
import { authorize, can } from "../../platform/policy.js";
import { PageHeader } from "../../ui/components/common.js";
import { Button, CsrfField, ErrorSummary, TextField } from "../../ui/components/form.js";
import { renderPage } from "../../ui/render.js";
import "../audit/policy.js";
import "../jobs/policy.js";
import "../outbox/policy.js";
import "../people/policy.js";
import "../programme/policy.js";
import "../proposals/policy.js";
import "../discussions/moderation-policy.js";
import { addDivision, divisionInput, listDivisions, renameDivision } from "./service.js";

export function organisationPages() {
  const app = new Hono<AppEnv>();

  app.get("/admin", (c) => {
    const actor = requirePerson(c);
    authorize(actor, "admin.view", null);
    const links = [
      {
        href: "/admin/communities",
        label: "Communities",
        text: "Every community with its stage, members, activity and convenors; close those that have gone quiet.",
        show: can(actor, "programme.view", null),
      },
      {
        href: "/admin/proposals",
        label: "Proposals",
        text: "Review proposals for new communities: comment, ask for changes, approve or decline.",
        show: can(actor, "proposal.review", null),
      },
      {
        href: "/admin/moderation",
        label: "Moderation",
        text: "Reported posts waiting in each community's moderation queue.",
        show: can(actor, "discussion.moderationOverview", null),
      },
      {
        href: "/admin/people",
        label: "People and roles",
        text: "Make someone an administrator or part of the programme team.",
        show: can(actor, "person.changeSiteRole", { id: actor.id }),
      },
      {
        href: "/admin/divisions",
        label: "Divisions",
        text: "The organisation's units that people choose on their profile.",
        show: can(actor, "division.manage", null),
      },
      {
        href: "/admin/jobs",
        label: "Background jobs",
        text: "Queues, schedules and recent failures of the work Convene does in the background.",
        show: can(actor, "jobs.view", null),
      },
      {
        href: "/admin/outbox",
        label: "Email outbox",
        text: "Every email Convene sends, whether it was delivered, and why not.",
        show: can(actor, "outbox.view", null),
      },
      {
        href: "/admin/audit",
        label: "Audit log",
        text: "Who changed roles, removed members or moderated posts, and why.",
        show: can(actor, "audit.view", null),
      },
      {
        href: "/communities/new",
        label: "Create a community",
        text: "Start a community with yourself as its first convenor.",
        show: can(actor, "community.create", null),
      },
    ].filter((link) => link.show);
    return renderPage(c, { title: "Administration" }, () => (
      <>
        <PageHeader title="Administration" />
        <ul class="grid">
          {links.map((link) => (
            <li class="card">
              <h2>
                <a href={link.href}>{link.label}</a>
              </h2>
              <p>{link.text}</p>
            </li>
          ))}
        </ul>
      </>
    ));
  });

  const showDivisions = async (
    c: Context<AppEnv>,
    errors?: Record<string, string>,
    values?: Record<string, string>,
  ) => {
    const divisions = await listDivisions(c.get("db"));
    return renderPage(
      c,
      {
        title: "Divisions",
        status: errors ? 422 : 200,
        breadcrumbs: [{ label: "Administration", href: "/admin" }, { label: "Divisions" }],
      },
      (ctx) => (
        <>
          <ErrorSummary errors={errors} />
          <PageHeader
            title="Divisions"
            lead="People pick their division from this list, and reports compare divisions."
          />
          <div class="table-wrap" style="margin-bottom:1.5rem">
            <table class="stack-on-mobile">
              <caption class="visually-hidden">Divisions</caption>
              <thead>
                <tr>
                  <th scope="col">Division</th>
                  <th scope="col">People</th>
                  <th scope="col">Rename</th>
                </tr>
              </thead>
              <tbody>
                {divisions.map((division) => (
                  <tr>
                    <td>
                      <a href={`/people?division=${division.slug}`}>{division.name}</a>
                    </td>
                    <td data-label="People">{division.people}</td>
                    <td data-label="Rename">
                      <form class="inline-form" method="post" action={`/admin/divisions/${division.id}`}>
                        <CsrfField token={ctx.csrfToken} />
                        <label class="visually-hidden" for={`division-${division.id}`}>
                          New name for {division.name}
                        </label>
                        <input
                          id={`division-${division.id}`}
                          type="text"
                          name="name"
                          value={division.name}
                          style="max-width:16rem"
                        />
                        <button class="button button-secondary button-small" type="submit">
                          Rename<span class="visually-hidden"> {division.name}</span>
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <form class="form panel" method="post" action="/admin/divisions" novalidate>
            <h2>Add a division</h2>
            <CsrfField token={ctx.csrfToken} />
            <TextField name="name" label="Name" values={values} errors={errors} />
            <Button>Add division</Button>
          </form>
        </>
      ),
    );
  };

  app.get("/admin/divisions", (c) => {
    authorize(requirePerson(c), "division.manage", null);
    return showDivisions(c);
  });

  app.post("/admin/divisions", async (c) => {
    const actor = requirePerson(c);
    authorize(actor, "division.manage", null);
    const form = await parseForm(c, divisionInput);
    if (!form.ok) return showDivisions(c, form.errors, { name: String(form.values.name ?? "") });
    try {
      const division = await addDivision(c.get("db"), actor, form.data.name);
      setFlash(c, `${division.name} has been added.`);
    } catch (error) {
      if (error instanceof AppError && error.detail?.field)
        return showDivisions(c, { name: error.userMessage }, { name: form.data.name });
      throw error;
    }
    return c.redirect("/admin/divisions", 303);
  });

  app.post("/admin/divisions/:id", async (c) => {
    const actor = requirePerson(c);
    authorize(actor, "division.manage", null);
    const form = await parseForm(c, divisionInput);
    if (!form.ok) return showDivisions(c, form.errors, { name: String(form.values.name ?? "") });
    try {
      await renameDivision(c.get("db"), actor, c.req.param("id"), form.data.name);
    } catch (error) {
      if (error instanceof AppError && error.detail?.field)
        return showDivisions(c, { name: error.userMessage }, { name: form.data.name });
      throw error;
    }
    setFlash(c, `Renamed to ${form.data.name}.`);
    return c.redirect("/admin/divisions", 303);
  });

  return app;
}
