"use client";

import { useId } from "react";
import type { Shortcut } from "@/lib/keyboard/shortcuts";
import { ModalDialog } from "../modal-dialog";
import { KeyCombo } from "./key-combo";

type Props = { shortcuts: readonly Shortcut[]; onClose(): void };

/**
 * The `?` dialog: every shortcut of the page with what it does, in a modal dialog that Escape or
 * Close closes.
 */
export function ShortcutsDialog({ shortcuts, onClose }: Props) {
  const headingId = useId();

  return (
    <ModalDialog className="shortcuts-dialog" labelledBy={headingId} onClose={onClose}>
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
    </ModalDialog>
  );
}
