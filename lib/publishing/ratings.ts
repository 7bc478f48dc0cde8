import type { Verdict } from "@/lib/annotations/verdicts";

/** The 1-5 scale ClaimReview's `reviewRating` counts on: 5 is true, 1 is false. */
export const BEST_RATING = 5;
export const WORST_RATING = 1;

/**
 * Each verdict's place on the 1-5 scale. Misleading and unproven are not degrees of truth
 * (a misleading claim may be literally true), so they have no number: only their label.
 */
const RATING_VALUES: Partial<Record<Verdict, number>> = {
  true: 5,
  mostly_true: 4,
  half_true: 3,
  mostly_false: 2,
  false: 1,
};

/** The verdict's rating on the 1-5 scale, or null for a verdict off the scale. */
export function ratingValueOf(verdict: Verdict): number | null {
  return RATING_VALUES[verdict] ?? null;
}
