import { shortened } from "@/lib/shortened";

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
    return shortened(title, MAX_TITLE_LENGTH);
  }
  return null;
}
