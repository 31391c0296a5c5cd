import { raw } from "hono/html";
import type { FieldErrors, FormValues } from "../../../platform/http/form.js";
import type { Page } from "../../../platform/http/pagination.js";
import { renderMarkdown } from "../../../platform/markdown.js";
import { EmptyState, Pagination } from "../../../ui/components/common.js";
import {
  Button,
  CsrfField,
  ErrorSummary,
  RadioGroup,
  TextArea,
  TextField,
} from "../../../ui/components/form.js";
import { formatDate } from "../../../ui/components/time.js";
import type { PageContext } from "../../../ui/page-context.js";
import { type DiffPart, hasChanges, wordDiff } from "../diff.js";
import { charterFields, charterLabels, decisionHints, decisionLabels } from "../inputs.js";
import type { CharterVersion, CharterVersionWithAuthor } from "../queries.js";
import type { DecisionProcess } from "../tables.js";

type CommunityRef = { slug: string; name: string };

const decisionLabel = (value: string) => decisionLabels[value as DecisionProcess] ?? value;

function Markdown({ source }: { source: string }) {
  return <div class="prose">{raw(renderMarkdown(source))}</div>;
}

function Author({ version }: { version: CharterVersionWithAuthor }) {
  return version.authorName && version.authorHandle ? (
    <a href={`/people/${version.authorHandle}`}>{version.authorName}</a>
  ) : (
    <>someone who has since left</>
  );
}

export function WhenChanged({ date }: { date: Date }) {
  return <time datetime={date.toISOString()}>{formatDate(date)}</time>;
}

/** The charter as members read it: each part under its own heading. */
function Heading({ level, id, children }: { level: 2 | 3; id: string; children: string }) {
  return level === 2 ? <h2 id={id}>{children}</h2> : <h3 id={id}>{children}</h3>;
}

export function CharterBody({ charter, level = 2 }: { charter: CharterVersion; level?: 2 | 3 }) {
  const part = (key: (typeof charterFields)[number]["key"], empty: string) => {
    if (key === "decisionProcess") return null;
    const text = charter[key];
    return text ? <Markdown source={text} /> : <p class="muted">{empty}</p>;
  };
  return (
    <div class="charter">
      <section aria-labelledby="charter-mission">
        <Heading level={level} id="charter-mission">
          {charterLabels.mission ?? ""}
        </Heading>
        {part("mission", "Not written yet.")}
      </section>
      <section aria-labelledby="charter-criteria">
        <Heading level={level} id="charter-criteria">
          {charterLabels.membershipCriteria ?? ""}
        </Heading>
        {part("membershipCriteria", "Anyone in the organisation is welcome.")}
      </section>
      <section aria-labelledby="charter-conduct" id="code-of-conduct">
        <Heading level={level} id="charter-conduct">
          {charterLabels.codeOfConduct ?? ""}
        </Heading>
        {part("codeOfConduct", "Not written yet.")}
      </section>
      <section aria-labelledby="charter-tools">
        <Heading level={level} id="charter-tools">
          {charterLabels.tools ?? ""}
        </Heading>
        {part("tools", "Not written yet.")}
      </section>
      <section aria-labelledby="charter-rhythm">
        <Heading level={level} id="charter-rhythm">
          {charterLabels.meetingRhythm ?? ""}
        </Heading>
        {part("meetingRhythm", "Not decided yet.")}
      </section>
      <section aria-labelledby="charter-decisions">
        <Heading level={level} id="charter-decisions">
          {charterLabels.decisionProcess ?? ""}
        </Heading>
        <p>
          <strong>{decisionLabel(charter.decisionProcess)}.</strong>{" "}
          {decisionHints[charter.decisionProcess as DecisionProcess]}
        </p>
        {charter.decisionNotes && <Markdown source={charter.decisionNotes} />}
      </section>
    </div>
  );
}

export function CharterPage({
  community,
  charter,
  canEdit,
}: {
  community: CommunityRef;
  charter: CharterVersionWithAuthor | null;
  canEdit: boolean;
}) {
  const base = `/communities/${community.slug}/charter`;
  if (!charter) {
    return (
      <EmptyState title="This community has no charter yet">
        <p>
          A charter says what the community is for, who it is for, how members behave and how it makes
          decisions.
        </p>
        {canEdit ? (
          <p>
            <a class="button" href={`${base}/edit`}>
              Write the charter
            </a>
          </p>
        ) : (
          <p>The convenors will write one soon.</p>
        )}
      </EmptyState>
    );
  }
  return (
    <div class="layout-sidebar">
      <article class="panel" aria-label={`Charter of ${community.name}`}>
        <CharterBody charter={charter} />
      </article>
      <aside class="stack" aria-label="About this charter">
        <section class="panel">
          <h2>Version {charter.version}</h2>
          <p class="charter-version-line">
            Changed by <Author version={charter} /> on <WhenChanged date={charter.createdAt} />.
          </p>
          {charter.summary && <p class="muted">“{charter.summary}”</p>}
          <ul class="link-list">
            <li>
              <a href={`${base}/history`}>See every version and what changed</a>
            </li>
          </ul>
          {canEdit && (
            <p class="charter-actions">
              <a class="button" href={`${base}/edit`}>
                Edit the charter
              </a>
            </p>
          )}
        </section>
      </aside>
    </div>
  );
}

export function CharterEditor({
  ctx,
  community,
  values,
  errors,
  baseVersion,
  conflict,
}: {
  ctx: PageContext;
  community: CommunityRef;
  values: FormValues;
  errors?: FieldErrors;
  baseVersion: number;
  conflict?: CharterVersionWithAuthor | null;
}) {
  const base = `/communities/${community.slug}/charter`;
  const field = (key: keyof typeof charterLabels, hint: string, rows = 6) => (
    <TextArea name={key} label={charterLabels[key]} hint={hint} values={values} errors={errors} rows={rows} />
  );
  return (
    <div class="form form-wide">
      <ErrorSummary errors={errors} labels={charterLabels} />
      {conflict && (
        <div class="notice charter-conflict" role="alert">
          <h2>Someone else saved the charter while you were editing</h2>
          <p>
            <Author version={conflict} /> saved version {conflict.version} on{" "}
            <WhenChanged date={conflict.createdAt} />
            {conflict.summary ? <> with the note “{conflict.summary}”</> : null}. Your changes have not been
            saved, and your text is still below.
          </p>
          <p>
            <a href={`${base}/versions/${conflict.version}`} target="_blank" rel="noopener">
              See what they changed (opens in a new tab)
            </a>
            , bring their changes into your text if you need to, then save again.
          </p>
        </div>
      )}
      <h2 class="form-title">{baseVersion === 0 ? "Write the charter" : "Edit the charter"}</h2>
      <p class="lead">
        Every save makes a new version. Members can see each version, who made it and what changed. You can
        use Markdown.
      </p>
      <form method="post" action={`${base}/edit`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="baseVersion" value={String(baseVersion)} />
        {field("mission", "What the community is for and what it wants to achieve.")}
        {field("membershipCriteria", "Who the community is for, and what members are expected to do.", 4)}
        {field("codeOfConduct", "How members treat each other. People read this before they join.", 10)}
        {field("tools", "Where members talk, meet and keep shared work.", 4)}
        <TextField
          name="meetingRhythm"
          label={charterLabels.meetingRhythm}
          hint="For example: monthly, on the first Tuesday."
          values={values}
          errors={errors}
        />
        <RadioGroup
          name="decisionProcess"
          label={charterLabels.decisionProcess ?? "How we decide"}
          options={Object.entries(decisionLabels).map(([value, label]) => ({
            value,
            label,
            hint: decisionHints[value as DecisionProcess],
          }))}
          values={values}
          errors={errors}
        />
        {field("decisionNotes", "Optional. Who takes part, and what happens when you cannot agree.", 3)}
        <TextField
          name="summary"
          label={charterLabels.summary ?? "What did you change?"}
          hint="A short note for the history, for example: “Added the meeting rhythm”."
          values={values}
          errors={errors}
          maxLength={200}
        />
        <div class="form-actions">
          <Button>Save a new version</Button>
          <a href={base}>Cancel</a>
        </div>
      </form>
    </div>
  );
}

export function CharterHistory({
  community,
  page,
  url,
}: {
  community: CommunityRef;
  page: Page<CharterVersionWithAuthor>;
  url: URL;
}) {
  const base = `/communities/${community.slug}/charter`;
  if (page.items.length === 0 && !page.previous) {
    return (
      <EmptyState title="No versions yet">
        <p>The charter has not been written yet, so it has no history.</p>
      </EmptyState>
    );
  }
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">Charter history</h2>
      <p class="muted">Every version of the charter, newest first, with who changed it and why.</p>
      <ol class="charter-history">
        {page.items.map((version) => (
          <li class="panel">
            <h3>
              <a href={`${base}/versions/${version.version}`}>Version {version.version}</a>
            </h3>
            <p>
              Changed by <Author version={version} /> on <WhenChanged date={version.createdAt} />
            </p>
            {version.summary && <p class="muted">“{version.summary}”</p>}
          </li>
        ))}
      </ol>
      <Pagination page={page} baseUrl={url} />
      <p>
        <a href={base}>Back to the current charter</a>
      </p>
    </section>
  );
}

function DiffText({ parts }: { parts: DiffPart[] }) {
  return (
    <p class="diff">
      {parts.map((part) =>
        part.kind === "added" ? (
          <ins>
            <span class="visually-hidden">[added: </span>
            {part.text}
            <span class="visually-hidden">]</span>
          </ins>
        ) : part.kind === "removed" ? (
          <del>
            <span class="visually-hidden">[removed: </span>
            {part.text}
            <span class="visually-hidden">]</span>
          </del>
        ) : (
          <span>{part.text}</span>
        ),
      )}
    </p>
  );
}

export function CharterVersionPage({
  community,
  version,
  previous,
  latestVersion,
}: {
  community: CommunityRef;
  version: CharterVersionWithAuthor;
  previous: CharterVersion | null;
  latestVersion: number;
}) {
  const base = `/communities/${community.slug}/charter`;
  const text = (v: CharterVersion | null, key: string) => {
    if (!v) return "";
    const value = String(v[key as keyof CharterVersion] ?? "");
    return key === "decisionProcess" ? decisionLabel(value) : value;
  };
  const changes = charterFields.map(({ key, label }) => {
    const parts = wordDiff(text(previous, key), text(version, key));
    return { key, label, parts, changed: hasChanges(parts) };
  });
  const changedCount = changes.filter((c) => c.changed).length;
  const unchanged = changes.filter((c) => !c.changed).map((c) => c.label);
  return (
    <div class="stack">
      <section class="panel" aria-labelledby="version-heading">
        <h2 id="version-heading">
          Version {version.version}
          {version.version === latestVersion && <span class="badge">Current</span>}
        </h2>
        <p>
          Changed by <Author version={version} /> on <WhenChanged date={version.createdAt} />
        </p>
        {version.summary && (
          <p>
            <strong>What they changed:</strong> {version.summary}
          </p>
        )}
        <nav aria-label="Versions">
          <ul class="link-list link-list-inline">
            {version.version > 1 && (
              <li>
                <a href={`${base}/versions/${version.version - 1}`}>← Version {version.version - 1}</a>
              </li>
            )}
            <li>
              <a href={`${base}/history`}>All versions</a>
            </li>
            {version.version < latestVersion && (
              <li>
                <a href={`${base}/versions/${version.version + 1}`}>Version {version.version + 1} →</a>
              </li>
            )}
          </ul>
        </nav>
      </section>
      {previous ? (
        <section class="panel" aria-labelledby="changes-heading">
          <h2 id="changes-heading">What changed from version {previous.version}</h2>
          <p class="diff-legend">
            <span>
              <ins>Underlined text on green</ins> was added.
            </span>{" "}
            <span>
              <del>Struck-through text on red</del> was removed.
            </span>
          </p>
          {changedCount === 0 && <p class="muted">The text is the same as the version before.</p>}
          {changes
            .filter((change) => change.changed)
            .map((change) => (
              <section class="diff-field">
                <h3>{change.label}</h3>
                <DiffText parts={change.parts} />
              </section>
            ))}
          {changedCount > 0 && unchanged.length > 0 && (
            <p class="diff-field diff-unchanged muted">No change to: {unchanged.join(", ")}.</p>
          )}
        </section>
      ) : (
        <section class="panel" aria-labelledby="changes-heading">
          <h2 id="changes-heading">The first version</h2>
          <p class="muted">This is where the charter started, so everything in it is new.</p>
          <CharterBody charter={version} level={3} />
        </section>
      )}
    </div>
  );
}
