"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import type { BulkResult } from "@/lib/reviews/bulk";
import { ApiError, callApi } from "../api-client";
import { AssigneeFields, useColleagues } from "../assignee-fields";
import { Message } from "../message";
import { useSelection } from "./selection";

type Action = "assign" | "request_changes";

/** What a bulk action did, in a sentence: how many changed, and each one skipped with its reason. */
function summary(action: Action, result: BulkResult): string {
  const done = `${result.done.length} ${result.done.length === 1 ? "claim" : "claims"} ${action === "assign" ? "assigned" : "sent back for changes"}`;
  if (!result.skipped.length) return `${done}.`;
  return `${done}; ${result.skipped.length} skipped: ${[...new Set(result.skipped.map((s) => s.reason))].join(" ")}`;
}

/**
 * The bar above the queue's table: how many claims are selected and, for editors, what to do with
 * them: assign them (with a due date) or request changes (with the reason every author will read).
 * Claims that may not change (approved already, your own) are skipped and said so.
 */
export function BulkActions({ canAct }: { canAct: boolean }) {
  const id = useId();
  const router = useRouter();
  const { selected, toggleAll } = useSelection();
  const [action, setAction] = useState<Action | null>(null);
  const [assigneeId, setAssigneeId] = useState("");
  const [dueOn, setDueOn] = useState("");
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ text: string; error: boolean } | null>(null);
  const { colleagues, error: colleaguesError } = useColleagues(action === "assign");

  async function run() {
    if (!action) return;
    setBusy(true);
    setOutcome(null);
    const ids = [...selected];
    const body = action === "assign" ? { action, ids, assigneeId: assigneeId || null, dueOn: dueOn || null } : { action, ids, comment };
    try {
      const result = await callApi<BulkResult>("POST", "/api/annotations/bulk", body);
      setOutcome({ text: summary(action, result), error: false });
      setAction(null);
      setComment("");
      toggleAll(false);
      router.refresh();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setOutcome({ text: error.message, error: true });
    } finally {
      setBusy(false);
    }
  }

  const count = selected.size;
  return (
    <div className="bulk-actions" role="group" aria-label="Act on the selected claims">
      <span className="bulk-actions__count" role="status" aria-live="polite">
        {count} selected
      </span>
      {canAct && !action && (
        <>
          <button type="button" className="secondary" disabled={!count} onClick={() => setAction("assign")}>
            Assign…
          </button>
          <button type="button" className="secondary" disabled={!count} onClick={() => setAction("request_changes")}>
            Request changes…
          </button>
        </>
      )}
      {action === "assign" && (
        <span className="bulk-actions__fields">
          <AssigneeFields colleagues={colleagues} assigneeId={assigneeId} dueOn={dueOn} onAssigneeChange={setAssigneeId} onDueChange={setDueOn} />
        </span>
      )}
      {action === "request_changes" && (
        <span className="bulk-actions__fields">
          <label htmlFor={`${id}-comment`}>What must change?</label>
          <input id={`${id}-comment`} type="text" size={40} value={comment} onChange={(event) => setComment(event.target.value)} />
        </span>
      )}
      {action && (
        <>
          <button type="button" className="primary" disabled={busy || !count || (action === "request_changes" && !comment.trim())} onClick={() => void run()}>
            {action === "assign" ? `Assign ${count}` : `Request changes on ${count}`}
          </button>
          <button type="button" className="link-button" onClick={() => setAction(null)}>
            Cancel
          </button>
        </>
      )}
      {outcome && <Message text={outcome.text} error={outcome.error} />}
      <Message text={colleaguesError} />
    </div>
  );
}
