import { describe, PLACEMENT_CONFIDENCE, reanchor, type TextPositionSelector, type TextQuoteSelector } from "@/lib/anchoring";

type Selectors = [TextQuoteSelector, TextPositionSelector];

/**
 * What a revision did to text selected for a claim not saved yet:
 * - "moved": the same words, perhaps elsewhere; the selection follows without a word to the user;
 * - "changed": the revision edited the selected words (or placed them with doubt); the selection
 *   follows, and the user should read the quote again before saving;
 * - "removed": the revision deleted or rewrote them; the claim needs a new selection.
 */
export type FollowedSelection = { outcome: "moved" | "changed"; selectors: Selectors } | { outcome: "removed" };

/**
 * Where a selection made on `oldText` belongs in `newText`, by `reanchor` (the same re-anchoring
 * that saved claims get when a revision is saved), with its selectors described on the new text.
 */
export function followRevision(oldText: string, newText: string, selectors: Selectors): FollowedSelection {
  const [placed] = reanchor(oldText, newText, [selectors]);
  if (!placed) return { outcome: "removed" };
  const followed = describe(newText, placed.start, placed.end);
  const unchanged = followed[0].exact === selectors[0].exact && placed.confidence >= PLACEMENT_CONFIDENCE;
  return { outcome: unchanged ? "moved" : "changed", selectors: followed };
}
