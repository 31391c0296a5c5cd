import type { Context } from "hono";
import { Hono } from "hono";
import { AppError, notFound } from "../../platform/errors.js";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { setFlash } from "../../platform/http/flash.js";
import { type FormValues, parseForm } from "../../platform/http/form.js";
import { decodeCursor } from "../../platform/http/pagination.js";
import { authorize, can } from "../../platform/policy.js";
import { renderPage } from "../../ui/render.js";
import { listDivisionNames } from "../organisation/service.js";
import { directoryQuery, profileInput, siteRoleInput } from "./inputs.js";
import { communitiesOf, findPersonByHandle, searchPeople } from "./queries.js";
import { changeSiteRole, updateProfile } from "./service.js";
import { AdminPeople } from "./views/admin-people.js";
import { PeopleDirectory } from "./views/directory.js";
import { ProfileView } from "./views/profile.js";
import { ProfileForm } from "./views/profile-form.js";
import "./policy.js";

const timeZones = ["UTC", ...Intl.supportedValuesOf("timeZone")];

type Person = NonNullable<Awaited<ReturnType<typeof findPersonByHandle>>>["person"];

function profileValues(person: Person): FormValues {
  return {
    name: person.name,
    jobTitle: person.jobTitle,
    divisionId: person.divisionId ?? "",
    location: person.location,
    timeZone: person.timeZone,
    pronouns: person.pronouns,
    bio: person.bio,
    skills: person.skills.join(", "),
    canHelpWith: person.canHelpWith,
    wantsToLearn: person.wantsToLearn,
    mentoring: person.mentoring,
    suggestAsExpert: person.suggestAsExpert ? "yes" : "no",
  };
}

export function peoplePages() {
  const app = new Hono<AppEnv>();

  app.get("/people", async (c) => {
    authorize(c.get("actor"), "person.view", null);
    const query = directoryQuery.parse(c.req.query());
    const db = c.get("db");
    const [page, divisions] = await Promise.all([
      searchPeople(db, query, decodeCursor(query.cursor)),
      listDivisionNames(db),
    ]);
    return renderPage(c, { title: "People" }, () => (
      <PeopleDirectory page={page} filters={query} divisions={divisions} url={new URL(c.req.url)} />
    ));
  });

  app.get("/people/:handle", async (c) => {
    const actor = c.get("actor");
    authorize(actor, "person.view", null);
    const db = c.get("db");
    const found = await findPersonByHandle(db, c.req.param("handle"));
    if (!found) throw notFound("person");
    const communities = await communitiesOf(db, found.person.id, c.get("actor"));
    return renderPage(
      c,
      {
        title: found.person.name,
        breadcrumbs: [{ label: "People", href: "/people" }, { label: found.person.name }],
      },
      (ctx) => (
        <ProfileView
          ctx={ctx}
          person={found.person}
          divisionName={found.divisionName}
          divisionSlug={found.divisionSlug}
          communities={communities}
          canEdit={can(actor, "person.update", { id: found.person.id })}
        />
      ),
    );
  });

  // Your own profile at /me/profile; admins edit others' at /people/:handle/edit.
  const editTarget = async (c: Context<AppEnv>) => {
    const actor = requirePerson(c);
    const handle = c.req.param("handle") ?? actor.handle;
    const found = await findPersonByHandle(c.get("db"), handle);
    if (!found) throw notFound("person");
    authorize(actor, "person.update", { id: found.person.id });
    return {
      actor,
      person: found.person,
      action: c.req.param("handle") ? `/people/${handle}/edit` : "/me/profile",
    };
  };

  const showForm = async (
    c: Context<AppEnv>,
    values: FormValues,
    action: string,
    errors?: Record<string, string>,
  ) => {
    const divisions = await listDivisionNames(c.get("db"));
    return renderPage(c, { title: "Edit profile", status: errors ? 422 : 200 }, (ctx) => (
      <ProfileForm
        ctx={ctx}
        action={action}
        values={values}
        errors={errors}
        divisions={divisions.map((d) => ({ value: d.id, label: d.name }))}
        timeZones={timeZones}
      />
    ));
  };

  const getEdit = async (c: Context<AppEnv>) => {
    const { person, action } = await editTarget(c);
    return showForm(c, profileValues(person), action);
  };

  const postEdit = async (c: Context<AppEnv>) => {
    const { actor, person, action } = await editTarget(c);
    const form = await parseForm(c, profileInput);
    if (!form.ok) return showForm(c, form.values, action, form.errors);
    try {
      await updateProfile(c.get("db"), actor, person.id, form.data);
    } catch (error) {
      if (error instanceof AppError && error.detail?.field) {
        return showForm(c, form.values, action, { [String(error.detail.field)]: error.userMessage });
      }
      throw error;
    }
    setFlash(c, "Your profile has been saved.");
    return c.redirect(`/people/${person.handle}`, 303);
  };

  app.get("/me/profile", getEdit);
  app.post("/me/profile", postEdit);
  app.get("/people/:handle/edit", getEdit);
  app.post("/people/:handle/edit", postEdit);

  app.get("/admin/people", async (c) => {
    const actor = requirePerson(c);
    authorize(actor, "person.changeSiteRole", { id: actor.id });
    const query = directoryQuery.parse(c.req.query());
    const page = await searchPeople(
      c.get("db"),
      { q: query.q, skill: "", division: "" },
      decodeCursor(query.cursor),
      50,
    );
    return renderPage(
      c,
      {
        title: "People and roles",
        breadcrumbs: [{ label: "Administration", href: "/admin" }, { label: "People and roles" }],
      },
      (ctx) => <AdminPeople ctx={ctx} page={page} q={query.q} url={new URL(c.req.url)} />,
    );
  });

  app.post("/admin/people/:handle/role", async (c) => {
    const actor = requirePerson(c);
    const db = c.get("db");
    const found = await findPersonByHandle(db, c.req.param("handle"));
    if (!found) throw notFound("person");
    const form = await parseForm(c, siteRoleInput);
    if (!form.ok) throw new AppError(422, "invalid_role", form.errors.role ?? "Choose a role");
    await changeSiteRole(db, actor, found.person.id, form.data.role);
    const names = { admin: "an administrator", programme: "in the programme team", member: "a member" };
    setFlash(c, `${found.person.name} is now ${names[form.data.role]}.`);
    return c.redirect(
      form.data.q ? `/admin/people?q=${encodeURIComponent(form.data.q)}` : "/admin/people",
      303,
    );
  });

  return app;
}
