"use client";

import { useCallback, useId, useRef, useState, type ReactNode } from "react";
import { ModalDialog } from "./modal-dialog";

/** What to ask before an action: a question, what follows from it, and the button that does it. */
export type Confirmation = { question: string; detail?: string; action: string; destructive?: boolean };

function ConfirmDialog({ confirmation, onAnswer }: { confirmation: Confirmation; onAnswer(yes: boolean): void }) {
  const id = useId();
  const { question, detail, action, destructive = false } = confirmation;
  return (
    <ModalDialog className="confirm-dialog" role="alertdialog" labelledBy={`${id}-question`} describedBy={detail ? `${id}-detail` : undefined} onClose={() => onAnswer(false)}>
      <h2 id={`${id}-question`}>{question}</h2>
      {detail && <p id={`${id}-detail`}>{detail}</p>}
      <div className="form-actions">
        {/* Before an action that cannot be taken back, Enter means Cancel. */}
        <button type="button" className="secondary" data-autofocus={destructive ? "" : undefined} onClick={() => onAnswer(false)}>
          Cancel
        </button>
        <button type="button" className={destructive ? "danger" : "primary"} data-autofocus={destructive ? undefined : ""} onClick={() => onAnswer(true)}>
          {action}
        </button>
      </div>
    </ModalDialog>
  );
}

/**
 * Asks before an action, in the page's own modal dialog rather than the browser's `confirm()`
 * (which blocks the page, cannot be styled, and which browsers let a user silence for good).
 * `confirm` resolves true when the action's button is pressed, false on Cancel or Escape; render
 * `dialog` where the component's other output goes.
 */
export function useConfirm(): { confirm(confirmation: Confirmation): Promise<boolean>; dialog: ReactNode } {
  const [asking, setAsking] = useState<Confirmation | null>(null);
  const answer = useRef<((yes: boolean) => void) | null>(null);
  const confirm = useCallback((confirmation: Confirmation) => {
    answer.current?.(false);
    setAsking(confirmation);
    return new Promise<boolean>((resolve) => (answer.current = resolve));
  }, []);
  const onAnswer = useCallback((yes: boolean) => {
    answer.current?.(yes);
    answer.current = null;
    setAsking(null);
  }, []);
  return { confirm, dialog: asking && <ConfirmDialog confirmation={asking} onAnswer={onAnswer} /> };
}
