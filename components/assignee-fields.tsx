"use client";

import { useEffect, useId, useState } from "react";
import type { Colleague } from "@/lib/users/service";
import { ApiError } from "./api-client";
import { deskApi } from "./workbench/desk-api";

/** The active colleagues a claim can be assigned to, once loaded (null until then), and what went wrong loading them. */
export function useColleagues(load = true): { colleagues: Colleague[] | null; error: string | null } {
  const [colleagues, setColleagues] = useState<Colleague[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!load || colleagues) return;
    deskApi.colleagues().then(setColleagues, (caught: unknown) => setError(caught instanceof ApiError ? caught.message : "Colleagues could not be loaded."));
  }, [load, colleagues]);
  return { colleagues, error };
}

type Props = {
  colleagues: Colleague[] | null;
  assigneeId: string;
  dueOn: string;
  onAssigneeChange(assigneeId: string): void;
  onDueChange(dueOn: string): void;
};

/** "Assign to" (a colleague or nobody) and "Due", as a claim's card and the queue's bulk action both ask them. */
export function AssigneeFields({ colleagues, assigneeId, dueOn, onAssigneeChange, onDueChange }: Props) {
  const id = useId();
  return (
    <>
      <label htmlFor={`${id}-assignee`}>Assign to</label>
      <select id={`${id}-assignee`} value={assigneeId} onChange={(event) => onAssigneeChange(event.target.value)} disabled={!colleagues}>
        <option value="">Nobody</option>
        {colleagues?.map((colleague) => (
          <option key={colleague.id} value={colleague.id}>
            {colleague.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-due`}>Due</label>
      <input id={`${id}-due`} type="date" value={dueOn} onChange={(event) => onDueChange(event.target.value)} />
    </>
  );
}
