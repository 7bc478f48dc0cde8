/**
 * What the element that has the focus does with keys of its own, so that page shortcuts give way to it.
 * Pure: it reads only what it is given, so the rules are testable without a browser.
 */

/** What the rules need of the focused element: a DOM `Element` (or `HTMLElement`) has all of it. */
export type FocusTarget = { tagName: string; isContentEditable?: boolean; getAttribute(name: string): string | null };

/** Inputs that take no text: a letter typed on them does nothing. */
const KEYLESS_INPUT_TYPES = new Set(["button", "checkbox", "color", "file", "hidden", "image", "radio", "range", "reset", "submit"]);

const TEXT_ROLES = new Set(["textbox", "searchbox", "combobox", "spinbutton"]);

const CONTROL_ROLES = new Set(["button", "link", "checkbox", "radio", "switch", "tab", "menuitem", "option", "treeitem", ...TEXT_ROLES]);

const CONTROL_TAGS = new Set(["a", "button", "input", "select", "textarea", "summary"]);

/**
 * Whether keys typed now go into a field: a text input, a textarea, a select (typing a letter picks an
 * option), or an editable region. A region marked aria-readonly (the article in reading mode, whose
 * caret only selects) takes no typing, so the page's letters stay available there.
 */
export function takesTyping(target: FocusTarget | null): boolean {
  if (!target) return false;
  const tag = target.tagName.toLowerCase();
  if (tag === "textarea" || tag === "select") return true;
  if (tag === "input") return !KEYLESS_INPUT_TYPES.has((target.getAttribute("type") ?? "text").toLowerCase());
  if (target.getAttribute("aria-readonly") === "true") return false;
  return !!target.isContentEditable || TEXT_ROLES.has(target.getAttribute("role") ?? "");
}

/** Whether the focused element is a control whose own keys (Enter on a button or link) come before the page's. */
export function isControl(target: FocusTarget | null): boolean {
  if (!target) return false;
  return CONTROL_TAGS.has(target.tagName.toLowerCase()) || !!target.isContentEditable || CONTROL_ROLES.has(target.getAttribute("role") ?? "");
}
