import type { Context } from "hono";
import { Hono } from "hono";
import { AppError } from "../../platform/errors.js";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { setFlash } from "../../platform/http/flash.js";
import { type FieldErrors, type FormValues, fieldValue, parseForm } from "../../platform/http/form.js";
import { redirectAfterPost } from "../../platform/http/htmx.js";
import { renderMarkdown } from "../../platform/markdown.js";
import { authorize } from "../../platform/policy.js";
import { PageHeader } from "../../ui/components/common.js";
import { renderPage } from "../../ui/render.js";
import { eventTarget, type LoadedEvent, loadEvent } from "./load.js";
import { outputsForm } from "./outputs-inputs.js";
import { eventUrl, outputsUrl, saveOutputs } from "./outputs-service.js";
import { OutputsForm } from "./views/outputs-form.js";
import "./policy.js";

/** The form's values from what is saved. */
function savedValues(loaded: LoadedEvent): FormValues {
  const { event } = loaded;
  return {
    notes: event.notes,
    recordingUrl: event.recordingUrl,
    recordingExpected: event.recordingExpected ? "yes" : "",
    slidesUrl: event.slidesUrl,
    links: event.links,
    topics: event.topics.join(", "),
  };
}

function renderForm(
  c: Context<AppEnv>,
  loaded: LoadedEvent,
  values: FormValues,
  errors?: FieldErrors,
  preview: string | null = null,
) {
  const { event } = loaded;
  const started = event.startsAt.getTime() <= Date.now();
  return renderPage(
    c,
    {
      title: `Notes and recording – ${event.title}`,
      breadcrumbs: [
        { label: "Events", href: "/events" },
        { label: event.title, href: eventUrl(event.id) },
        { label: "Notes and recording" },
      ],
      status: errors ? 422 : 200,
    },
    (ctx) => (
      <div class="narrow">
        <PageHeader
          title="Notes and recording"
          lead={
            started
              ? `What came out of “${event.title}”. People who said they were going are told when notes, a recording or slides first appear.`
              : `“${event.title}” has not started yet. You can already say a recording is coming; people going are told about notes and recordings once it has started.`
          }
        />
        <OutputsForm
          ctx={ctx}
          action={outputsUrl(event.id)}
          cancelHref={eventUrl(event.id)}
          values={values}
          errors={errors}
          preview={preview}
        />
      </div>
    ),
  );
}

async function loadManaged(c: Context<AppEnv>) {
  const actor = requirePerson(c);
  const loaded = await loadEvent(c.get("db"), c.req.param("id") ?? "");
  authorize(actor, "event.manage", eventTarget(loaded));
  return { actor, loaded };
}

/** Organisers add notes, a recording, slides, links and topics after (or ahead of) an event. */
export function outputPages() {
  const app = new Hono<AppEnv>();

  app.get("/events/:id/outputs", async (c) => {
    const { loaded } = await loadManaged(c);
    return renderForm(c, loaded, savedValues(loaded));
  });

  app.post("/events/:id/outputs", async (c) => {
    const { actor, loaded } = await loadManaged(c);
    const form = await parseForm(c, outputsForm);
    if (fieldValue(form.values, "action") === "preview")
      return renderForm(
        c,
        loaded,
        form.values,
        undefined,
        renderMarkdown(fieldValue(form.values, "notes").slice(0, 50_000)),
      );
    if (!form.ok) return renderForm(c, loaded, form.values, form.errors);
    try {
      const { announced } = await saveOutputs(c.get("db"), actor, loaded, form.data);
      setFlash(
        c,
        announced.length > 0
          ? "Saved. People who were going have been told what is now available."
          : "The notes and recording are saved.",
      );
      return redirectAfterPost(c, `${eventUrl(loaded.event.id)}#outputs`);
    } catch (error) {
      if (error instanceof AppError && error.status === 422)
        return renderForm(c, loaded, form.values, {
          [String(error.detail?.field ?? "notes")]: error.userMessage,
        });
      throw error;
    }
  });

  return app;
}
