import { EmptyState, PageHeader } from "../../../ui/components/common.js";
import type { ResourceListItem, StarterToolkit } from "../finding-queries.js";
import { ResourceCard } from "./resource-card.js";

interface Group {
  id: string;
  title: string;
  intro: string;
  items: ResourceListItem[];
}

/** Stage guides, then templates, then the rest; each in the collection's order. */
function groupsOf(items: ResourceListItem[]): Group[] {
  const stages = items.filter((item) => item.tags.includes("lifecycle"));
  const templates = items.filter((item) => !stages.includes(item) && item.kind === "template");
  const rest = items.filter((item) => !stages.includes(item) && !templates.includes(item));
  return [
    {
      id: "toolkit-essentials",
      title: "Running a community",
      intro:
        "Where to start, ways to bring people together, keeping them involved, and showing what changed.",
      items: rest,
    },
    {
      id: "toolkit-stages",
      title: "Stage by stage",
      intro:
        "A guide to each stage of a community's life, to read beside the checklist on its Lifecycle tab.",
      items: stages,
    },
    {
      id: "toolkit-templates",
      title: "Templates",
      intro: "Copy these into your community and make them your own.",
      items: templates,
    },
  ].filter((group) => group.items.length > 0);
}

/** /toolkit: the programme's starter toolkit, in the order the programme team arranged it. */
export function ToolkitPage({
  toolkit,
  today,
  canArrange,
  canAdd,
}: {
  toolkit: StarterToolkit;
  today: string;
  canArrange: boolean;
  canAdd: boolean;
}) {
  const { collection, items } = toolkit;
  const actions =
    collection && (canArrange || canAdd) ? (
      <>
        {canAdd && (
          <a class="button" href="/toolkit/new">
            Add an item
          </a>
        )}
        {canArrange && (
          <a class="button button-secondary" href={`/collections/${collection.id}/edit`}>
            Edit order
          </a>
        )}
      </>
    ) : undefined;
  return (
    <>
      <PageHeader
        title="Starter toolkit"
        lead={
          collection?.description ||
          "Guides, templates and ideas for starting and running a community of practice."
        }
        actions={actions}
      />
      {items.length === 0 ? (
        <EmptyState title="The starter toolkit is empty">
          <p>
            The programme team looks after this toolkit. Until they add to it, each community's own resources
            are listed under <a href="/resources">Resources</a>.
          </p>
        </EmptyState>
      ) : (
        <div class="stack toolkit">
          {groupsOf(items).map((group) => (
            <section aria-labelledby={group.id} class="toolkit-group">
              <h2 id={group.id}>{group.title}</h2>
              <p class="muted">{group.intro}</p>
              <ol class="resource-list toolkit-list">
                {group.items.map((item) => (
                  <ResourceCard item={item} today={today} />
                ))}
              </ol>
            </section>
          ))}
          <p class="muted">
            Communities keep their own guides and templates too: browse <a href="/resources">all resources</a>
            .
          </p>
        </div>
      )}
    </>
  );
}
