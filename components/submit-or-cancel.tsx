import type { ReactNode } from "react";

/** A form's submit button and its Cancel, with any other action (`children`) between them. */
export function SubmitOrCancel({ label, disabled, onCancel, children }: { label: ReactNode; disabled?: boolean; onCancel(): void; children?: ReactNode }) {
  return (
    <div className="form-actions">
      <button type="submit" className="primary" disabled={disabled}>
        {label}
      </button>
      {children}
      <button type="button" className="link-button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
