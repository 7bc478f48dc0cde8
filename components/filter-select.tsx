type Props = {
  id: string;
  name: string;
  label: string;
  /** The choice that filters nothing ("Anyone", "Any article"). */
  anyLabel: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
  className: string;
};

/** One labelled filter of a GET form: a select whose first choice filters nothing. */
export function FilterSelect({ id, name, label, anyLabel, value, options, className }: Props) {
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
