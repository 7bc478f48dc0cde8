"use client";

import { useSelection } from "./selection";

/**
 * The bar above the queue's table where actions on the selected claims go. For now it says how many
 * are selected. An action added here is a submit button of the enclosing SelectionForm (give it a
 * `formAction`): the form posts one `annotation` field per selected claim. `useSelection()` gives the
 * selected ids to actions that need them on the client (a confirmation naming how many, a disabled state).
 */
export function BulkActions() {
  const { selected } = useSelection();
  return (
    <div className="bulk-actions">
      <span className="bulk-actions__count" role="status" aria-live="polite">
        {selected.size} selected
      </span>
    </div>
  );
}
