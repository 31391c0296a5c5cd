import type { Child } from "hono/jsx";
import type { FieldErrors, FormValues } from "../../platform/http/form.js";
import { fieldValue } from "../../platform/http/form.js";

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** The GOV.UK pattern: a titled box at the top listing each problem, linking to its field. */
export function ErrorSummary({ errors, labels }: { errors?: FieldErrors; labels?: Record<string, string> }) {
  const entries = Object.entries(errors ?? {});
  if (entries.length === 0) return null;
  return (
    <div
      class="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabindex={-1}
      data-error-summary
    >
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#${fieldId(field)}`}>{labels?.[field] ? `${labels[field]}: ${message}` : message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const fieldId = (name: string) => `field-${name}`;

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  errors?: FieldErrors;
  values?: FormValues;
  value?: string;
}

function describedBy(name: string, hint?: string, error?: string) {
  const ids = [hint ? `${fieldId(name)}-hint` : "", error ? `${fieldId(name)}-error` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function FieldFrame({
  name,
  label,
  hint,
  error,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  children: Child;
}) {
  return (
    <div class={error ? "field field-error" : "field"}>
      <label for={fieldId(name)}>{label}</label>
      {hint && (
        <span class="hint" id={`${fieldId(name)}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span class="error-message" id={`${fieldId(name)}-error`}>
          <span class="visually-hidden">Error: </span>
          {error}
        </span>
      )}
      {children}
    </div>
  );
}

export function TextField(
  props: FieldProps & {
    type?: "text" | "email" | "password" | "search" | "url" | "date";
    autocomplete?: string;
    required?: boolean;
    maxLength?: number;
  },
) {
  const error = props.errors?.[props.name];
  const value = props.type === "password" ? "" : (props.value ?? fieldValue(props.values, props.name));
  return (
    <FieldFrame name={props.name} label={props.label} hint={props.hint} error={error}>
      <input
        id={fieldId(props.name)}
        name={props.name}
        type={props.type ?? "text"}
        value={value}
        autocomplete={props.autocomplete}
        required={props.required}
        maxlength={props.maxLength}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      />
    </FieldFrame>
  );
}

export function TextArea(props: FieldProps & { rows?: number; maxLength?: number }) {
  const error = props.errors?.[props.name];
  return (
    <FieldFrame name={props.name} label={props.label} hint={props.hint} error={error}>
      <textarea
        id={fieldId(props.name)}
        name={props.name}
        rows={props.rows ?? 6}
        maxlength={props.maxLength}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      >
        {props.value ?? fieldValue(props.values, props.name)}
      </textarea>
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: FieldProps & { options: Option[]; blank?: string }) {
  const error = props.errors?.[props.name];
  const current = props.value ?? fieldValue(props.values, props.name);
  return (
    <FieldFrame name={props.name} label={props.label} hint={props.hint} error={error}>
      <select
        id={fieldId(props.name)}
        name={props.name}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      >
        {props.blank !== undefined && <option value="">{props.blank}</option>}
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === current}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function RadioGroup(props: FieldProps & { options: (Option & { hint?: string })[] }) {
  const error = props.errors?.[props.name];
  const current = props.value ?? fieldValue(props.values, props.name);
  return (
    <div class={error ? "field field-error" : "field"}>
      <fieldset aria-describedby={describedBy(props.name, props.hint, error)}>
        <legend>{props.label}</legend>
        {props.hint && (
          <span class="hint" id={`${fieldId(props.name)}-hint`}>
            {props.hint}
          </span>
        )}
        {error && (
          <span class="error-message" id={`${fieldId(props.name)}-error`}>
            <span class="visually-hidden">Error: </span>
            {error}
          </span>
        )}
        <div class="choices">
          {props.options.map((option, index) => {
            // The first radio carries the field id so the error summary link lands on the group.
            const id = index === 0 ? fieldId(props.name) : `${fieldId(props.name)}-${option.value}`;
            return (
              <div class="choice">
                <input
                  type="radio"
                  id={id}
                  name={props.name}
                  value={option.value}
                  checked={option.value === current}
                />
                <label for={id}>
                  {option.label}
                  {option.hint && <span class="hint">{option.hint}</span>}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Button({
  children,
  variant,
  name,
  value,
}: {
  children: Child;
  variant?: "secondary" | "danger";
  name?: string;
  value?: string;
}) {
  return (
    <button type="submit" class={variant ? `button button-${variant}` : "button"} name={name} value={value}>
      {children}
    </button>
  );
}
