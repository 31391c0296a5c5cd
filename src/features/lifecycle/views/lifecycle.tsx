import type { FieldErrors, FormValues } from "../../../platform/http/form.js";
import { CsrfField, ErrorSummary, SelectField } from "../../../ui/components/form.js";
import { formatDate } from "../../../ui/components/time.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { Community } from "../../communities/queries.js";
import { stages } from "../../communities/tables.js";
import { stageLabel } from "../checklists.js";
import type { ItemWithTick, Lifecycle, PersonRef, StageChecklist } from "../queries.js";

export interface LifecycleAbilities {
  canTick: boolean;
  canMove: boolean;
}

/** The id of a checklist item's row: a stable anchor and the target htmx swaps. */
export const itemAnchor = (key: string) => `checklist-${key.replace(/\./g, "-")}`;

function When({ date, timeZone }: { date: Date; timeZone: string }) {
  return (
    <time datetime={date.toISOString()} title={formatDate(date, timeZone, true)}>
      {formatDate(date, timeZone)}
    </time>
  );
}

function Who({ person }: { person: PersonRef | null }) {
  return person ? <a href={`/people/${person.handle}`}>{person.name}</a> : <>someone who has since left</>;
}

/** One item of a checklist, with its tick and, for those who may, the button that changes it. */
export function ChecklistRow({
  csrfToken,
  community,
  item,
  canTick,
  timeZone,
}: {
  csrfToken: string;
  community: Pick<Community, "slug">;
  item: ItemWithTick;
  canTick: boolean;
  timeZone: string;
}) {
  const done = item.tick !== null;
  const action = `/communities/${community.slug}/lifecycle/checklist/${item.key}`;
  const anchor = itemAnchor(item.key);
  return (
    <li class={done ? "checklist-item checklist-done" : "checklist-item"} id={anchor}>
      <div class="checklist-text">
        <span class={done ? "checklist-status checklist-status-done" : "checklist-status"}>
          <span aria-hidden="true">{done ? "✓ " : ""}</span>
          {done ? "Done" : "To do"}
        </span>
        <strong class="checklist-title">{item.title}</strong>
        <span class="checklist-hint">{item.hint}</span>
        {item.tick && (
          <span class="checklist-tick">
            Ticked by <Who person={item.tick.by} /> on <When date={item.tick.at} timeZone={timeZone} />
          </span>
        )}
      </div>
      {canTick && (
        <form
          method="post"
          action={action}
          class="checklist-form"
          hx-post={action}
          hx-target={`#${anchor}`}
          hx-swap="outerHTML"
        >
          <CsrfField token={csrfToken} />
          <input type="hidden" name="ticked" value={done ? "false" : "true"} />
          <button type="submit" id={`${anchor}-button`} class="button button-small button-secondary">
            {done ? "Mark as not done" : "Mark as done"}
            <span class="visually-hidden">: {item.title}</span>
          </button>
        </form>
      )}
    </li>
  );
}

function Checklist({
  ctx,
  community,
  checklist,
  canTick,
  timeZone,
}: {
  ctx: PageContext;
  community: Community;
  checklist: StageChecklist;
  canTick: boolean;
  timeZone: string;
}) {
  return (
    <ul class="checklist">
      {checklist.items.map((item) => (
        <ChecklistRow
          csrfToken={ctx.csrfToken}
          community={community}
          item={item}
          canTick={canTick}
          timeZone={timeZone}
        />
      ))}
    </ul>
  );
}

const doneCount = (checklist: StageChecklist) => checklist.items.filter((item) => item.tick).length;

/** "2 of 5 done" for a stage; htmx replaces it out of band when an item of that stage changes. */
export function ProgressCount({
  stage,
  done,
  total,
  oob,
}: {
  stage: string;
  done: number;
  total: number;
  oob?: boolean;
}) {
  return (
    <span id={`progress-${stage}`} hx-swap-oob={oob ? "true" : undefined}>
      {done} of {total} done
    </span>
  );
}

function StageProgress({ lifecycle }: { lifecycle: Lifecycle }) {
  const currentIndex = lifecycle.checklists.findIndex((c) => c.current);
  return (
    <ol class="stage-progress" aria-label="Stages">
      {lifecycle.checklists.map((checklist, index) => {
        const state = index < currentIndex ? "earlier" : index === currentIndex ? "current" : "later";
        return (
          <li class={`stage-step stage-${state}`} aria-current={checklist.current ? "step" : undefined}>
            <span class="stage-number" aria-hidden="true">
              {index + 1}
            </span>
            <span class="stage-name">{checklist.label}</span>
            {checklist.current && <span class="stage-marker">Current stage</span>}
          </li>
        );
      })}
    </ol>
  );
}

function MoveForm({
  community,
  values,
  errors,
}: {
  community: Community;
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const options = lifecycleStages(community).map(({ stage, label, current }) => ({
    value: stage,
    label: current ? `${label} (current stage)` : label,
  }));
  return (
    <section class="panel" aria-labelledby="move-heading">
      <h2 id="move-heading">Move to another stage</h2>
      <form method="get" action={`/communities/${community.slug}/lifecycle/move`} class="form" novalidate>
        <SelectField
          name="stage"
          label="Stage to move to"
          hint="Forward or back. You can add a note on the next page."
          options={options}
          blank="Choose a stage"
          values={values}
          errors={errors}
        />
        <button type="submit" class="button button-secondary">
          Continue
        </button>
      </form>
    </section>
  );
}

function lifecycleStages(community: Community) {
  return stages.map((stage) => ({
    stage,
    label: stageLabel(stage),
    current: stage === community.stage,
  }));
}

function History({
  community,
  lifecycle,
  timeZone,
}: {
  community: Community;
  lifecycle: Lifecycle;
  timeZone: string;
}) {
  return (
    <section class="panel" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      {lifecycle.history.length === 0 ? (
        <p class="muted">
          Nobody has moved the stage yet. {community.name} has been at the {stageLabel(community.stage)} stage
          since it was created on <When date={community.createdAt} timeZone={timeZone} />.
        </p>
      ) : (
        <ol class="stage-history">
          {lifecycle.history.map((change) => (
            <li>
              <p class="stage-history-move">
                {change.fromStage ? (
                  <>
                    {stageLabel(change.fromStage)} <span aria-hidden="true">→</span>
                    <span class="visually-hidden">to</span> {stageLabel(change.toStage)}
                  </>
                ) : (
                  <>Started at {stageLabel(change.toStage)}</>
                )}
              </p>
              <p class="muted">
                <Who person={change.by} />, <When date={change.at} timeZone={timeZone} />
              </p>
              {change.note && <p class="stage-history-note">{change.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function LifecyclePage({
  ctx,
  community,
  lifecycle,
  abilities,
  timeZone,
  moveValues,
  moveErrors,
}: {
  ctx: PageContext;
  community: Community;
  lifecycle: Lifecycle;
  abilities: LifecycleAbilities;
  timeZone: string;
  moveValues?: FormValues;
  moveErrors?: FieldErrors;
}) {
  const current = lifecycle.checklists.find((c) => c.current);
  const others = lifecycle.checklists.filter((c) => !c.current);
  return (
    <>
      <ErrorSummary errors={moveErrors} />
      <div class="layout-sidebar lifecycle">
        <div class="stack">
          <section class="panel" aria-labelledby="stages-heading">
            <h2 id="stages-heading">Lifecycle</h2>
            <p>
              {community.name} has been at the <strong>{stageLabel(lifecycle.stage)}</strong> stage since{" "}
              <When date={lifecycle.since} timeZone={timeZone} />.
            </p>
            <StageProgress lifecycle={lifecycle} />
          </section>
          {current && (
            <section class="panel" aria-labelledby="current-heading">
              <h2 id="current-heading">{current.label}: suggested actions</h2>
              <p>{current.purpose}</p>
              <p class="muted">
                <ProgressCount stage={current.stage} done={doneCount(current)} total={current.items.length} />
                .{" "}
                {abilities.canTick
                  ? "Tick each action off when it is done; these are suggestions, not rules."
                  : "The convenors and core team tick these off as they go."}
              </p>
              <Checklist
                ctx={ctx}
                community={community}
                checklist={current}
                canTick={abilities.canTick}
                timeZone={timeZone}
              />
            </section>
          )}
          <section class="panel" aria-labelledby="other-stages-heading">
            <h2 id="other-stages-heading">Other stages</h2>
            {others.map((checklist) => (
              <details class="stage-details">
                <summary>
                  <span class="stage-details-name">{checklist.label}</span>{" "}
                  <span class="muted">
                    <ProgressCount
                      stage={checklist.stage}
                      done={doneCount(checklist)}
                      total={checklist.items.length}
                    />
                  </span>
                </summary>
                <p>{checklist.purpose}</p>
                <Checklist
                  ctx={ctx}
                  community={community}
                  checklist={checklist}
                  canTick={abilities.canTick}
                  timeZone={timeZone}
                />
              </details>
            ))}
          </section>
        </div>
        <aside class="stack" aria-label="Stage changes">
          {abilities.canMove && <MoveForm community={community} values={moveValues} errors={moveErrors} />}
          <History community={community} lifecycle={lifecycle} timeZone={timeZone} />
        </aside>
      </div>
    </>
  );
}
