/**
 * Keys written as ProseMirror writes them ("j", "?", "Enter", "Mod-Shift-A"), matched against key
 * presses and spelled out for people. "Mod" is Cmd on Apple keyboards and Ctrl elsewhere.
 */

/** What matching needs of a key press: a DOM `KeyboardEvent` has all of it. */
export type KeyPress = Pick<KeyboardEvent, "key" | "code" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">;

type ParsedKey = { key: string; ctrl: boolean; meta: boolean; alt: boolean; shift: boolean };

function parse(binding: string, apple: boolean): ParsedKey {
  const parts = binding.split(/-(?!$)/);
  const key = parts.pop()!;
  const has = (modifier: string) => parts.includes(modifier);
  return {
    key,
    ctrl: has("Ctrl") || (has("Mod") && !apple),
    meta: has("Meta") || has("Cmd") || (has("Mod") && apple),
    alt: has("Alt"),
    shift: has("Shift"),
  };
}

/**
 * Whether `press` is `binding`. Modifiers must match exactly, so Ctrl+J is not "j". A character
 * bound without "Shift" ("?", "j") matches by the character typed: "?" needs Shift on some layouts
 * and not on others, and Shift+J types "J", which is not "j". A letter with Ctrl, Cmd or Alt also
 * matches by its physical key, for layouts whose letters are not Latin.
 */
export function matchesKey(binding: string, press: KeyPress, apple: boolean): boolean {
  const wanted = parse(binding, apple);
  if (press.ctrlKey !== wanted.ctrl || press.metaKey !== wanted.meta || press.altKey !== wanted.alt) return false;
  const character = wanted.key.length === 1;
  if (character && !wanted.shift) return press.key === wanted.key;
  if (press.shiftKey !== wanted.shift) return false;
  if (!character) return press.key === wanted.key;
  const letter = /^[a-z]$/i.test(wanted.key);
  return (
    press.key.toLowerCase() === wanted.key.toLowerCase() ||
    (letter && (wanted.ctrl || wanted.meta || wanted.alt) && press.code === `Key${wanted.key.toUpperCase()}`)
  );
}

const KEY_NAMES: Record<string, string> = { Escape: "Esc", ArrowUp: "↑", ArrowDown: "↓", ArrowLeft: "←", ArrowRight: "→" };

/** A letter is shown as typed ("j"), or as printed on the key when Shift is part of the binding ("Shift A"). */
function keyName({ key, shift }: ParsedKey): string {
  return KEY_NAMES[key] ?? (shift && key.length === 1 ? key.toUpperCase() : key);
}

/** The keys to press, one label each, as keyboards print them: ["Ctrl", "Shift", "A"] or ["⌘", "Shift", "A"]. */
export function keyLabels(binding: string, apple: boolean): string[] {
  const parsed = parse(binding, apple);
  const { ctrl, meta, alt, shift } = parsed;
  return [
    ...(ctrl ? ["Ctrl"] : []),
    ...(alt ? [apple ? "⌥" : "Alt"] : []),
    ...(meta ? [apple ? "⌘" : "Meta"] : []),
    ...(shift ? ["Shift"] : []),
    keyName(parsed),
  ];
}

/** The binding in the syntax of the `aria-keyshortcuts` attribute, e.g. "Control+Shift+A". */
export function ariaKeyShortcut(binding: string, apple: boolean): string {
  const parsed = parse(binding, apple);
  const { key, ctrl, meta, alt, shift } = parsed;
  const modifiers = [ctrl && "Control", alt && "Alt", meta && "Meta", shift && "Shift"].filter(Boolean);
  return [...modifiers, shift && key.length === 1 ? key.toUpperCase() : key].join("+");
}
