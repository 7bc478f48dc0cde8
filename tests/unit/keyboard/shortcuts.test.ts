import { describe, expect, it } from "vitest";
import type { KeyPress } from "@/lib/keyboard/key-binding";
import { ARTICLE_LIST_SHORTCUTS, keyOf, shortcutFor, WORKBENCH_SHORTCUTS, type PressContext, type Shortcut } from "@/lib/keyboard/shortcuts";
import { press as key } from "./press";

const anywhere: PressContext = { typing: false, onControl: false, repeat: false, apple: false };
const actionFor = (press: KeyPress, context: Partial<PressContext> = {}) => shortcutFor(WORKBENCH_SHORTCUTS, press, { ...anywhere, ...context })?.action ?? null;

describe("the shortcut tables", () => {
  for (const [page, shortcuts] of [
    ["workbench", WORKBENCH_SHORTCUTS],
    ["articles list", ARTICLE_LIST_SHORTCUTS],
  ] as [string, readonly Shortcut[]][]) {
    it(`binds each key of the ${page} once, describes each, and offers ? to list them`, () => {
      const keys = shortcuts.map((shortcut) => shortcut.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const shortcut of shortcuts) expect(shortcut.description.length).toBeGreaterThan(10);
      expect(keyOf(shortcuts, "showShortcuts")).toBe("?");
    });
  }

  it("binds the workbench's keys as the issue asks (j, k, Enter, Escape, Mod-Shift-A and ?), and / to find claims", () => {
    expect(Object.fromEntries(WORKBENCH_SHORTCUTS.map((shortcut) => [shortcut.action, shortcut.key]))).toEqual({
      nextClaim: "j",
      previousClaim: "k",
      openClaim: "Enter",
      closeClaim: "Escape",
      annotate: "Mod-Shift-A",
      findClaims: "/",
      showShortcuts: "?",
    });
    expect(keyOf(ARTICLE_LIST_SHORTCUTS, "searchArticles")).toBe("/");
  });
});

describe("which shortcut a key press triggers", () => {
  it("finds the shortcut of a key pressed outside any field", () => {
    expect(actionFor(key("j"))).toBe("nextClaim");
    expect(actionFor(key("k"))).toBe("previousClaim");
    expect(actionFor(key("?", { shiftKey: true }))).toBe("showShortcuts");
    expect(actionFor(key("A", { ctrlKey: true, shiftKey: true }))).toBe("annotate");
    expect(actionFor(key("/"))).toBe("findClaims");
    expect(actionFor(key("/"), { typing: true })).toBeNull();
    expect(actionFor(key("x"))).toBeNull();
  });

  it("fires nothing while the user types in a field, not even Mod-Shift-A (the article handles its own)", () => {
    for (const press of [key("j"), key("?", { shiftKey: true }), key("Enter"), key("Escape"), key("A", { ctrlKey: true, shiftKey: true })]) {
      expect(actionFor(press, { typing: true })).toBeNull();
    }
  });

  it("leaves Enter to a focused button or link, but not j, k, Escape or Mod-Shift-A", () => {
    expect(actionFor(key("Enter"), { onControl: true })).toBeNull();
    expect(actionFor(key("Enter"))).toBe("openClaim");
    expect(actionFor(key("j"), { onControl: true })).toBe("nextClaim");
    expect(actionFor(key("Escape"), { onControl: true })).toBe("closeClaim");
    expect(actionFor(key("A", { ctrlKey: true, shiftKey: true }), { onControl: true })).toBe("annotate");
  });

  it("fires nothing when a modifier changes the key's meaning", () => {
    expect(actionFor(key("j", { ctrlKey: true }))).toBeNull();
    expect(actionFor(key("k", { metaKey: true }))).toBeNull();
    expect(actionFor(key("Enter", { shiftKey: true }))).toBeNull();
    expect(actionFor(key("a", { ctrlKey: true }))).toBeNull();
  });

  it("repeats moving while j or k is held, but opens, closes, annotates and lists the shortcuts once per press", () => {
    expect(actionFor(key("j"), { repeat: true })).toBe("nextClaim");
    expect(actionFor(key("Enter"), { repeat: true })).toBeNull();
    expect(actionFor(key("?"), { repeat: true })).toBeNull();
  });
});
