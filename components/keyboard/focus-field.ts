/** Puts the caret in the search `field`, its text selected so that typing starts a new search; false when there is none. */
export function focusField(field: Element | null): boolean {
  if (!(field instanceof HTMLInputElement)) return false;
  field.focus();
  field.select();
  return true;
}
