import type { EditorState } from "prosemirror-state";
import { describe, type TextPositionSelector, type TextQuoteSelector } from "@/lib/anchoring";
import { offsetOfPosition, type TextblockIndex } from "@/lib/articles/document";

export type ClaimSelection = { selectors: [TextQuoteSelector, TextPositionSelector]; from: number; to: number };

/**
 * The selectors of the selected text, without the white space at its edges that a drag
 * tends to pick up, or null when nothing but white space is selected.
 */
export function selectedClaim(state: EditorState, index: TextblockIndex): ClaimSelection | null {
  const { from, to, empty } = state.selection;
  if (empty) return null;
  let start = offsetOfPosition(index, from);
  let end = offsetOfPosition(index, to);
  const text = index.plainText;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (start >= end) return null;
  return { selectors: describe(text, start, end), from, to };
}
