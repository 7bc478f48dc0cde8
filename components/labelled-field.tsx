import type { InputHTMLAttributes } from "react";
import type { FieldErrors } from "@/lib/errors";
import { FieldError } from "./field-error";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> & {
  /** The input's id; its error's is `${id}-error`. */
  id: string;
  name: string;
  label: string;
  /** How the error names the field: "The email" in "The email belongs to another account already". */
  errorLabel: string;
  errors: FieldErrors;
};

/** A label, its input and what is wrong with it (under the input, which is marked invalid and described by it). */
export function LabelledField({ id, name, label, errorLabel, errors, ...input }: Props) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} aria-invalid={Boolean(errors[name])} aria-describedby={errors[name] ? `${id}-error` : undefined} {...input} />
      <FieldError errors={errors} field={name} id={`${id}-error`} label={errorLabel} />
    </>
  );
}
