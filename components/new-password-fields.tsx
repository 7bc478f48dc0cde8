import { FieldError } from "@/components/field-error";
import type { FieldErrors } from "@/lib/errors";

const LABELS = { newPassword: "New password", repeat: "The repeated password" } as const;

/** What is wrong when the repeated password of `form` differs from its new one, or null when they agree. */
export function repeatMismatch(form: FormData): FieldErrors | null {
  return form.get("newPassword") === form.get("repeat") ? null : { repeat: "differs from the new password: type it again" };
}

/**
 * A new password typed twice (`newPassword` and `repeat`), each with what is wrong with it beside it: for
 * changing one's password, and for setting one through an emailed link.
 */
export function NewPasswordFields({ minLength, errors, autoFocus = false }: { minLength: number; errors: FieldErrors; autoFocus?: boolean }) {
  const describedBy = (field: keyof typeof LABELS) => (errors[field] ? `${field}-error` : undefined);
  return (
    <>
      <label htmlFor="newPassword">
        {LABELS.newPassword} (at least {minLength} characters)
      </label>
      <input
        id="newPassword"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={minLength}
        autoFocus={autoFocus}
        aria-invalid={Boolean(errors.newPassword)}
        aria-describedby={describedBy("newPassword")}
      />
      <FieldError errors={errors} field="newPassword" id="newPassword-error" label={LABELS.newPassword} />
      <label htmlFor="repeat">Repeat the new password</label>
      <input id="repeat" name="repeat" type="password" autoComplete="new-password" required aria-invalid={Boolean(errors.repeat)} aria-describedby={describedBy("repeat")} />
      <FieldError errors={errors} field="repeat" id="repeat-error" label={LABELS.repeat} />
    </>
  );
}
