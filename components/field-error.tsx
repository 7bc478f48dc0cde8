import type { FieldErrors } from "@/lib/errors";

/**
 * What is wrong with one field of a form, announced at once, under the field whose `aria-describedby`
 * names `id`: "<label> <problem>", as in "New password must be at least 10 characters".
 */
export function FieldError({ errors, field, id, label }: { errors: FieldErrors; field: string; id: string; label: string }) {
  if (!errors[field]) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {label} {errors[field]}
    </p>
  );
}
