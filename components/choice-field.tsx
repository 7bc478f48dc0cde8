/**
 * A labelled text field of a filter form that offers `choices` as one types (the browser's own list;
 * any other text is taken too), with an optional line of `help` under it. Uncontrolled: `defaultValue`
 * is what the address asks for. Renders its parts side by side; the caller lays them out.
 */
export function ChoiceField({
  id,
  name,
  label,
  choices,
  defaultValue,
  maxLength,
  placeholder,
  help,
  className,
}: {
  id: string;
  name: string;
  label: string;
  choices: readonly string[];
  defaultValue: string;
  maxLength: number;
  placeholder: string;
  help?: string;
  className?: string;
}) {
  const choicesId = `${id}-choices`;
  const helpId = help ? `${id}-help` : undefined;
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className={className}
        type="text"
        name={name}
        defaultValue={defaultValue}
        maxLength={maxLength}
        list={choicesId}
        autoComplete="off"
        placeholder={placeholder}
        aria-describedby={helpId}
      />
      <datalist id={choicesId}>
        {choices.map((choice) => (
          <option key={choice} value={choice} />
        ))}
      </datalist>
      {help && (
        <p id={helpId} className="muted field-help">
          {help}
        </p>
      )}
    </>
  );
}
