/**
 * `text` in at most `length` characters: whole when it fits, else cut at the last word boundary of the
 * second half (or mid-word when there is none) with "…" in place of the rest.
 */
export function shortened(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
