/** The longest summary an editor may write: a paragraph or a few short lines, read before the claims. */
export const MAX_SUMMARY_LENGTH = 1_000;
