import { describe, expect, it } from "vitest";
import { isControl, takesTyping, type FocusTarget } from "@/lib/keyboard/focus-target";

function element(tagName: string, attributes: Record<string, string> = {}, isContentEditable = false): FocusTarget {
  return { tagName: tagName.toUpperCase(), isContentEditable, getAttribute: (name) => attributes[name] ?? null };
}

describe("whether the user is typing", () => {
  it("is typing in text inputs, textareas and selects, whose letters are their own", () => {
    expect(takesTyping(element("input"))).toBe(true);
    expect(takesTyping(element("input", { type: "url" }))).toBe(true);
    expect(takesTyping(element("input", { type: "date" }))).toBe(true);
    expect(takesTyping(element("textarea"))).toBe(true);
    expect(takesTyping(element("select"))).toBe(true);
  });

  it("is not typing on inputs that take no text", () => {
    for (const type of ["checkbox", "radio", "file", "submit"]) expect(takesTyping(element("input", { type }))).toBe(false);
  });

  it("is typing in an editable region (the article in edit mode) and a textbox role", () => {
    expect(takesTyping(element("div", { contenteditable: "true" }, true))).toBe(true);
    expect(takesTyping(element("div", { role: "textbox" }))).toBe(true);
  });

  it("is not typing in a read-only editable region: the article in reading mode, whose caret only selects", () => {
    expect(takesTyping(element("div", { contenteditable: "true", role: "textbox", "aria-readonly": "true" }, true))).toBe(false);
  });

  it("is not typing on buttons, links, cards or the page itself", () => {
    expect(takesTyping(element("button"))).toBe(false);
    expect(takesTyping(element("a", { href: "/" }))).toBe(false);
    expect(takesTyping(element("article", { tabindex: "-1" }))).toBe(false);
    expect(takesTyping(element("body"))).toBe(false);
    expect(takesTyping(null)).toBe(false);
  });
});

describe("whether the focus is on a control with keys of its own", () => {
  it("counts buttons, links, fields, editable regions and widget roles", () => {
    expect(isControl(element("button"))).toBe(true);
    expect(isControl(element("a", { href: "/" }))).toBe(true);
    expect(isControl(element("select"))).toBe(true);
    expect(isControl(element("div", {}, true))).toBe(true);
    expect(isControl(element("span", { role: "button" }))).toBe(true);
  });

  it("does not count a focused card or the page", () => {
    expect(isControl(element("article", { tabindex: "-1" }))).toBe(false);
    expect(isControl(element("body"))).toBe(false);
  });
});
