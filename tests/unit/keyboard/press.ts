import type { KeyPress } from "@/lib/keyboard/key-binding";

/** A key press of `key`, with no modifier unless `modifiers` holds one. */
export const press = (key: string, modifiers: Partial<Omit<KeyPress, "key">> = {}): KeyPress => ({
  key,
  code: "",
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...modifiers,
});
