"use client";

import { useEffect, useLayoutEffect, useRef } from "react";
import { isControl, takesTyping } from "@/lib/keyboard/focus-target";
import { isApplePlatform } from "@/lib/keyboard/platform";
import { shortcutFor, type Shortcut } from "@/lib/keyboard/shortcuts";

/** What each shortcut does; it answers whether it did anything, so that a key that did nothing keeps its usual meaning. */
type ShortcutHandlers<Action extends string> = Record<Action, () => boolean>;

/**
 * Listens for the page's shortcuts while the component is mounted. A key is left alone when a field
 * takes typing, when a control keeps it (see `yieldsToControls`), when something (the editor) has
 * already handled it, or when a modal dialog has the focus: its keys are its own.
 */
export function useShortcuts<S extends Shortcut>(shortcuts: readonly S[], handlers: ShortcutHandlers<S["action"]>): void {
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target?.closest("dialog[open]")) return;
      const shortcut = shortcutFor(shortcuts, event, {
        typing: takesTyping(target),
        onControl: isControl(target),
        repeat: event.repeat,
        apple: isApplePlatform(),
      });
      if (shortcut && latest.current[shortcut.action as S["action"]]()) event.preventDefault();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [shortcuts]);
}
