import { keymap } from "prosemirror-keymap";
import type { Command } from "prosemirror-state";

/** Mod-Shift-A: annotate the selected text as a claim (does nothing on an empty selection). */
export function annotateKeymap(annotate: () => void) {
  const command: Command = (state) => {
    if (state.selection.empty) return false;
    annotate();
    return true;
  };
  return keymap({ "Mod-Shift-A": command, "Mod-Shift-a": command });
}
