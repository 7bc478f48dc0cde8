"use client";

import { useEffect, useId, useRef } from "react";
import type { Shortcut } from "@/lib/keyboard/shortcuts";
import { KeyCombo } from "./key-combo";

type Props = { shortcuts: readonly Shortcut[]; onClose(): void };

const FOCUSABLE = "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

/**
 * The `?` dialog: every shortcut of the page with what it does. A modal <dialog> (the page behind is
 * inert), opened when mounted. Tab and Shift+Tab cycle inside it rather than leaving for the
 * browser's toolbar, Escape closes it, and the focus goes back to where it was.
 */
export function ShortcutsDialog({ shortcuts, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    const element = dialog.current!;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    element.showModal();
    element.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    // "close" follows Escape (the dialog's cancel), the Close button's form and unmounting alike.
    const closed = () => close.current();
    element.addEventListener("close", closed);
    return () => {
      element.removeEventListener("close", closed);
      if (element.open) element.close();
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, []);

  const trapTab = (event: React.KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== "Tab") return;
    const focusable = Array.from(dialog.current!.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog ref={dialog} className="shortcuts-dialog" aria-modal="true" aria-labelledby={headingId} onKeyDown={trapTab}>
      <h2 id={headingId}>Keyboard shortcuts</h2>
      <table className="shortcuts-dialog__table">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
          </tr>
        </thead>
        <tbody>
          {shortcuts.map((shortcut) => (
            <tr key={shortcut.action}>
              <td>
                <KeyCombo binding={shortcut.key} />
              </td>
              <td>{shortcut.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">Shortcuts wait while you type in a field. Tab and Shift+Tab move between controls; Enter or Space presses them.</p>
      <form method="dialog" className="form-actions">
        <button type="submit" className="primary">
          Close
        </button>
      </form>
    </dialog>
  );
}
