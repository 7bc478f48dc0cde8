/** The longest title an article may have. */
export const MAX_TITLE_LENGTH = 300;

/**
 * The first of `candidates` with any text, its whitespace collapsed, cut at a word boundary with "…"
 * when longer than a title may be; `null` when none has text.
 */
export function titleFrom(candidates: (string | null | undefined)[]): string | null {
  for (const candidate of candidates) {
    const title = (candidate ?? "").replace(/\s+/g, " ").trim();
    if (!title) continue;
    if (title.length <= MAX_TITLE_LENGTH) return title;
    const cut = title.slice(0, MAX_TITLE_LENGTH - 1);
    const space = cut.lastIndexOf(" ");
    return `${(space > MAX_TITLE_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
  }
  return null;
}
