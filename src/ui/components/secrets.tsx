import type { Child } from "hono/jsx";
import { Button, CsrfField } from "./form.js";
import { RelativeTime } from "./time.js";

/**
 * A secret (an API token, a private feed address) just after it is made. We keep only a
 * fingerprint, so this is the only time it can be shown: a notice saying so, then the secret in a
 * read-only field to copy, then whatever the caller adds about using it.
 */
export function ShownOnce(props: {
  headingId: string;
  heading: Child;
  /** The bold first sentence: copy it now. */
  warning: string;
  explanation: string;
  inputId: string;
  label: string;
  value: string;
  class?: string;
  inputClass?: string;
  inputStyle?: string;
  children?: Child;
}) {
  return (
    <section
      class={props.class ? `notice notice-success ${props.class}` : "notice notice-success"}
      aria-labelledby={props.headingId}
    >
      <h2 id={props.headingId}>{props.heading}</h2>
      <p>
        <strong>{props.warning}</strong> {props.explanation}
      </p>
      <div class="field">
        <label for={props.inputId}>{props.label}</label>
        <input
          id={props.inputId}
          class={props.inputClass}
          type="text"
          readonly
          value={props.value}
          autocomplete="off"
          spellcheck={false}
          style={props.inputStyle}
        />
      </div>
      {props.children}
    </section>
  );
}

/**
 * Revoking cannot be undone, so it is a page that says what will happen (the children), with the
 * button to go ahead and a link to keep the thing, not a bare button.
 */
export function ConfirmRevoke(props: {
  csrfToken: string;
  title: Child;
  action: string;
  button: string;
  keepHref: string;
  keepLabel: string;
  children: Child;
}) {
  return (
    <div class="form">
      <h1>{props.title}</h1>
      <p class="lead">{props.children}</p>
      <form method="post" action={props.action}>
        <CsrfField token={props.csrfToken} />
        <div class="form-actions">
          <Button variant="danger">{props.button}</Button>
          <a href={props.keepHref}>{props.keepLabel}</a>
        </div>
      </form>
    </div>
  );
}

/**
 * A person's secrets (tokens, feeds) as a table: what each is, when it was made and last used, and
 * a link to revoke it. `name` is the first column; `detail`, when given, a column after it.
 */
export function RevocableTable<T extends { id: string; createdAt: Date; lastUsedAt: Date | null }>(props: {
  caption: string;
  items: T[];
  name: { heading: string; cell: (item: T) => string };
  detail?: { heading: string; cell: (item: T) => Child };
  neverUsed: string;
  revokeHref: (item: T) => string;
  /** Said after "Revoke" to screen readers, so each link names what it revokes. */
  revokeWhat: (item: T) => string;
}) {
  const { name, detail } = props;
  return (
    <div class="table-wrap">
      <table class="stack-on-mobile">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{name.heading}</th>
            {detail && <th scope="col">{detail.heading}</th>}
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((item) => (
            <tr>
              <td>
                <strong>{name.cell(item)}</strong>
              </td>
              {detail && <td data-label={detail.heading}>{detail.cell(item)}</td>}
              <td data-label="Created">
                <RelativeTime date={item.createdAt} />
              </td>
              <td data-label="Last used">
                {item.lastUsedAt ? <RelativeTime date={item.lastUsedAt} /> : props.neverUsed}
              </td>
              <td>
                <a href={props.revokeHref(item)}>
                  Revoke<span class="visually-hidden"> {props.revokeWhat(item)}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
