import { matchesKey, type KeyPress } from "./key-binding";

/**
 * The keyboard shortcuts of each page, with the words the `?` dialog shows for them. The pages'
 * key handlers and their dialogs both read these tables, so a key and its description cannot drift apart.
 */
export type Shortcut<Action extends string = string> = {
  action: Action;
  /** In ProseMirror's notation: "j", "?", "Enter", "Mod-Shift-A" ("Mod" is Cmd on Apple keyboards, Ctrl elsewhere). */
  key: string;
  description: string;
  /** Enter activates the focused button or link itself: the page's Enter waits until no control has the focus. */
  yieldsToControls?: boolean;
  /** Held down, the key goes on moving (j, k); a toggle or an action fires once per press. */
  repeats?: boolean;
};

export const WORKBENCH_SHORTCUTS = [
  { action: "nextClaim", key: "j", description: "Go to the next claim in the article", repeats: true },
  { action: "previousClaim", key: "k", description: "Go to the previous claim", repeats: true },
  { action: "openClaim", key: "Enter", description: "Open the current claim: its explanation, sources, history and actions", yieldsToControls: true },
  { action: "closeClaim", key: "Escape", description: "Close the open claim and go back to its card" },
  { action: "annotate", key: "Mod-Shift-A", description: "Annotate the text selected in the article as a claim" },
  { action: "findClaims", key: "/", description: "Find claims: go to the search above them" },
  { action: "showShortcuts", key: "?", description: "Show these keyboard shortcuts" },
] as const satisfies readonly Shortcut[];

export const ARTICLE_LIST_SHORTCUTS = [
  { action: "nextArticle", key: "j", description: "Go to the next article", repeats: true },
  { action: "previousArticle", key: "k", description: "Go to the previous article", repeats: true },
  { action: "openArticle", key: "Enter", description: "Open the current article", yieldsToControls: true },
  { action: "searchArticles", key: "/", description: "Search the titles and bylines" },
  { action: "showShortcuts", key: "?", description: "Show these keyboard shortcuts" },
] as const satisfies readonly Shortcut[];

/** Where the key press happened, as far as shortcuts care. */
export type PressContext = {
  /** The focus is in a field that takes typing: no shortcut fires. */
  typing: boolean;
  /** The focus is on a control with keys of its own (see `yieldsToControls`). */
  onControl: boolean;
  /** Held down: the browser repeats the press. */
  repeat: boolean;
  apple: boolean;
};

/** The shortcut `press` triggers here, or null: none is bound to it, or the focused field or control keeps the key. */
export function shortcutFor<S extends Shortcut>(shortcuts: readonly S[], press: KeyPress, context: PressContext): S | null {
  if (context.typing) return null;
  const shortcut = shortcuts.find((candidate) => matchesKey(candidate.key, press, context.apple));
  if (!shortcut) return null;
  if (shortcut.yieldsToControls && context.onControl) return null;
  if (context.repeat && !shortcut.repeats) return null;
  return shortcut;
}

/** The key bound to `action` in `shortcuts`, for code that handles one shortcut itself (the editor's Mod-Shift-A). */
export function keyOf<S extends Shortcut>(shortcuts: readonly S[], action: S["action"]): string {
  const shortcut = shortcuts.find((candidate) => candidate.action === action);
  if (!shortcut) throw new Error(`No shortcut for ${action}`);
  return shortcut.key;
}
