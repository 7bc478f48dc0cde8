import { describe, expect, it } from "vitest";
import { ariaKeyShortcut, keyLabels, matchesKey } from "@/lib/keyboard/key-binding";
import { press } from "./press";


describe("matching a key press", () => {
  it("matches a letter typed alone, and not with Ctrl, Cmd, Alt or Shift, which change its meaning", () => {
    expect(matchesKey("j", press("j"), false)).toBe(true);
    expect(matchesKey("j", press("j", { ctrlKey: true }), false)).toBe(false);
    expect(matchesKey("j", press("j", { metaKey: true }), true)).toBe(false);
    expect(matchesKey("j", press("∆", { altKey: true }), true)).toBe(false);
    expect(matchesKey("j", press("J", { shiftKey: true }), false)).toBe(false);
  });

  it("matches ? by the character typed, whether or not the layout needs Shift for it", () => {
    expect(matchesKey("?", press("?", { shiftKey: true }), false)).toBe(true);
    expect(matchesKey("?", press("?"), false)).toBe(true);
    expect(matchesKey("?", press("/"), false)).toBe(false);
  });

  it("matches Mod-Shift-A as Ctrl+Shift+A off Apple keyboards and Cmd+Shift+A on them", () => {
    expect(matchesKey("Mod-Shift-A", press("A", { ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(matchesKey("Mod-Shift-A", press("A", { metaKey: true, shiftKey: true }), false)).toBe(false);
    expect(matchesKey("Mod-Shift-A", press("A", { metaKey: true, shiftKey: true }), true)).toBe(true);
    expect(matchesKey("Mod-Shift-A", press("a", { ctrlKey: true }), false)).toBe(false);
  });

  it("matches a letter with modifiers by its physical key on a layout whose letters are not Latin", () => {
    expect(matchesKey("Mod-Shift-A", press("Ф", { ctrlKey: true, shiftKey: true, code: "KeyA" }), false)).toBe(true);
    expect(matchesKey("j", press("о", { code: "KeyJ" }), false)).toBe(false);
  });

  it("matches named keys only without Shift, so Shift+Enter keeps its meaning", () => {
    expect(matchesKey("Enter", press("Enter"), false)).toBe(true);
    expect(matchesKey("Enter", press("Enter", { shiftKey: true }), false)).toBe(false);
    expect(matchesKey("Escape", press("Escape"), false)).toBe(true);
  });
});

describe("spelling a key out", () => {
  it("names the keys as the platform's keyboards print them", () => {
    expect(keyLabels("Mod-Shift-A", false)).toEqual(["Ctrl", "Shift", "A"]);
    expect(keyLabels("Mod-Shift-A", true)).toEqual(["⌘", "Shift", "A"]);
    expect(keyLabels("j", false)).toEqual(["j"]);
    expect(keyLabels("Escape", false)).toEqual(["Esc"]);
  });

  it("writes aria-keyshortcuts values", () => {
    expect(ariaKeyShortcut("Mod-Shift-A", false)).toBe("Control+Shift+A");
    expect(ariaKeyShortcut("Mod-Shift-A", true)).toBe("Meta+Shift+A");
    expect(ariaKeyShortcut("?", false)).toBe("?");
  });
});
