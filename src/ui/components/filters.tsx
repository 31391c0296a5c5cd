/** A choice in a filter: [value, label]. */
export type FilterOption = readonly [value: string, label: string];

/**
 * A drop-down in a `LiveFilters` form: its label, an optional first choice for "no filter" (value
 * ""), then the options, with the current value selected.
 */
export function FilterSelect(props: {
  id: string;
  name: string;
  label: string;
  options: readonly FilterOption[];
  value: string | undefined;
  all?: string;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.name}>
        {props.all !== undefined && <option value="">{props.all}</option>}
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === props.value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
