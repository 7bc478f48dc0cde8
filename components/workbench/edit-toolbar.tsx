"use client";

import type { Command } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import { useState } from "react";
import { editCommands, selectedLink, setLink } from "@/lib/editor/edit-commands";
import { LinkDialog } from "./link-dialog";

type Props = { getView(): EditorView | null; saving: boolean; onSave(): void; onCancel(): void };

const BUTTONS: { label: string; command: Command; shortcut?: string }[] = [
  { label: "Bold", command: editCommands.bold, shortcut: "Ctrl+B" },
  { label: "Italic", command: editCommands.italic, shortcut: "Ctrl+I" },
  { label: "Paragraph", command: editCommands.paragraph },
  { label: "Heading", command: editCommands.heading2 },
  { label: "Subheading", command: editCommands.heading3 },
  { label: "Bulleted list", command: editCommands.bulletList },
  { label: "Numbered list", command: editCommands.orderedList },
  { label: "Undo", command: editCommands.undo, shortcut: "Ctrl+Z" },
  { label: "Redo", command: editCommands.redo, shortcut: "Ctrl+Shift+Z" },
];

/** The formatting buttons of edit mode, and saving or leaving it. */
export function EditToolbar({ getView, saving, onSave, onCancel }: Props) {
  const [linkError, setLinkError] = useState<string | null>(null);
  /** The link dialog, open with the address already on the selection (null for none). */
  const [linking, setLinking] = useState<{ current: string | null } | null>(null);
  const run = (command: Command) => {
    const view = getView();
    if (!view) return;
    command(view.state, view.dispatch, view);
    view.focus();
  };
  const link = () => {
    const view = getView();
    if (!view) return;
    if (view.state.selection.empty) return setLinkError("Select the text to link first, then choose Link.");
    setLinkError(null);
    setLinking({ current: selectedLink(view.state) });
  };
  const closeLink = (href?: string) => {
    setLinking(null);
    if (href !== undefined) run(setLink(href));
  };
  return (
    <div className="edit-toolbar" role="toolbar" aria-label="Edit the article">
      {BUTTONS.map((button) => (
        <button
          key={button.label}
          type="button"
          className="secondary"
          title={button.shortcut ? `${button.label} (${button.shortcut})` : button.label}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => run(button.command)}
        >
          {button.label}
        </button>
      ))}
      <button type="button" className="secondary" onMouseDown={(event) => event.preventDefault()} onClick={link}>
        Link
      </button>
      <span className="edit-toolbar__spacer" />
      <button type="button" className="primary" disabled={saving} onClick={onSave} title="Save revision (Ctrl+S)" aria-keyshortcuts="Control+S">
        {saving ? "Saving…" : "Save revision"}
      </button>
      <button type="button" className="link-button" disabled={saving} onClick={onCancel}>
        Stop editing
      </button>
      {linking && <LinkDialog current={linking.current} onApply={(href) => closeLink(href)} onRemove={() => closeLink("")} onClose={() => closeLink()} />}
      {linkError && (
        <p className="field-error" role="alert">
          {linkError}
        </p>
      )}
    </div>
  );
}
