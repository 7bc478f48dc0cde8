"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";

type Selection = {
  /** The ids of the claims on this page, in the table's order. */
  pageIds: readonly string[];
  selected: ReadonlySet<string>;
  toggle(id: string, on: boolean): void;
  toggleAll(on: boolean): void;
};

const SelectionContext = createContext<Selection | null>(null);

/** The selection of the enclosing `SelectionForm`. */
export function useSelection(): Selection {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error("useSelection must be used inside a SelectionForm.");
  return selection;
}

/**
 * The form around the queue's table: its row checkboxes (`name="annotation"`, one value per selected
 * claim) are what a bulk action submits. The selection belongs to one page: render it with a `key`
 * per page, so that moving to another page starts with nothing selected.
 */
export function SelectionForm({ pageIds, label, children }: { pageIds: readonly string[]; label: string; children: ReactNode }) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback((id: string, on: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const toggleAll = useCallback((on: boolean) => setSelected(on ? new Set(pageIds) : new Set()), [pageIds]);
  const selection = useMemo(() => ({ pageIds, selected, toggle, toggleAll }), [pageIds, selected, toggle, toggleAll]);
  return (
    <form id="queue-selection" method="post" aria-label={label} className="queue-selection">
      <SelectionContext.Provider value={selection}>{children}</SelectionContext.Provider>
    </form>
  );
}

/** One row's checkbox. Works without JavaScript too: the form then submits whatever is ticked. */
export function RowCheckbox({ id, label }: { id: string; label: string }) {
  const { selected, toggle } = useSelection();
  return (
    <input
      type="checkbox"
      className="queue-checkbox"
      name="annotation"
      value={id}
      aria-label={label}
      checked={selected.has(id)}
      onChange={(event) => toggle(id, event.target.checked)}
    />
  );
}

/** Selects or clears every claim on this page; shows "mixed" while only some are selected. */
export function SelectAllCheckbox() {
  const { pageIds, selected, toggleAll } = useSelection();
  const box = useRef<HTMLInputElement>(null);
  const count = pageIds.filter((id) => selected.has(id)).length;
  const all = count > 0 && count === pageIds.length;
  useEffect(() => {
    if (box.current) box.current.indeterminate = count > 0 && !all;
  }, [count, all]);
  return (
    <input
      ref={box}
      type="checkbox"
      className="queue-checkbox"
      aria-label="Select all claims on this page"
      checked={all}
      disabled={pageIds.length === 0}
      onChange={(event) => toggleAll(event.target.checked)}
    />
  );
}
