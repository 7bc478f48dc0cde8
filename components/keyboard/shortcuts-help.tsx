"use client";

import { ariaKeyShortcut } from "@/lib/keyboard/key-binding";
import { keyOf, type Shortcut } from "@/lib/keyboard/shortcuts";
import { ShortcutsDialog } from "./shortcuts-dialog";

type Props = { shortcuts: readonly Shortcut[]; open: boolean; onOpenChange(open: boolean): void };

/**
 * The way to the `?` dialog for those who do not know the key yet: a button that names it, and the
 * dialog while open. The page's own `?` handler opens the same dialog through `onOpenChange`.
 */
export function ShortcutsHelp({ shortcuts, open, onOpenChange }: Props) {
  const key = keyOf(shortcuts, "showShortcuts");
  return (
    <>
      <button type="button" className="link-button shortcuts-button" aria-keyshortcuts={ariaKeyShortcut(key, false)} onClick={() => onOpenChange(true)}>
        Keyboard shortcuts
        <kbd aria-hidden="true">{key}</kbd>
      </button>
      {open && <ShortcutsDialog shortcuts={shortcuts} onClose={() => onOpenChange(false)} />}
    </>
  );
}
