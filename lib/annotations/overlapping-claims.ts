import type { AnnotationRecord } from "./record";

/**
 * The placed claims that share text with [start, end) of the article, those sharing the most first:
 * what a fact-checker about to annotate that text should know is checked already, or being checked.
 */
export function overlappingClaims(placed: readonly AnnotationRecord[], start: number, end: number): AnnotationRecord[] {
  const shared = (claim: AnnotationRecord) => Math.min(end, claim.selectors[1].end) - Math.max(start, claim.selectors[1].start);
  return placed
    .filter((claim) => !claim.orphaned && shared(claim) > 0)
    .sort((a, b) => shared(b) - shared(a) || a.selectors[1].start - b.selectors[1].start);
}
