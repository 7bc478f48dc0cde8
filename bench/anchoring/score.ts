import { PLACEMENT_CONFIDENCE, type Anchor } from "@/lib/anchoring";
import type { Fate } from "./annotations";

/** The tally of one function on one article. */
/**
 * `found` counts the correctly placed among the surviving annotations (recall's numerator).
 * `unflagged` and `unflaggedWrong` count the placements confident enough to stand without the
 * app's "check placement" flag (PLACEMENT_CONFIDENCE), and the wrong ones among them: a wrong
 * placement a person is asked to check is a lesser harm than one shown as settled.
 */
export type Tally = { correct: number; found: number; wrong: number; missed: number; orphaned: number; unflagged: number; unflaggedWrong: number; ms: number };

export const emptyTally = (): Tally => ({ correct: 0, found: 0, wrong: 0, missed: 0, orphaned: 0, unflagged: 0, unflaggedWrong: 0, ms: 0 });

/**
 * A placement is correct when both its ends are within max(2, 5% of the true span's length)
 * characters of the true span's ends: a changed word at the edge of a quote can leave its true
 * span a character or two short (a number "9" becoming "12"), and either reading is right.
 */
export function isCorrect(placed: Anchor, fate: Fate): boolean {
  const tolerance = Math.max(2, Math.round(0.05 * (fate.end - fate.start)));
  return Math.abs(placed.start - fate.start) <= tolerance && Math.abs(placed.end - fate.end) <= tolerance;
}

/**
 * Counts one result: correctly placed; wrongly placed (placed off its true span, or placed when
 * its text is gone); orphaned although it survives; correctly orphaned (gone, or rewritten).
 */
export function count(tally: Tally, placed: Anchor | null, fate: Fate): void {
  if (placed === null) {
    if (fate.status === "survives") tally.missed++;
    else tally.orphaned++;
    return;
  }
  const right = fate.status !== "gone" && isCorrect(placed, fate);
  if (right) {
    tally.correct++;
    if (fate.status === "survives") tally.found++;
  } else tally.wrong++;
  if (placed.confidence >= PLACEMENT_CONFIDENCE) {
    tally.unflagged++;
    if (!right) tally.unflaggedWrong++;
  }
}

export function add(total: Tally, tally: Tally): void {
  total.correct += tally.correct;
  total.found += tally.found;
  total.wrong += tally.wrong;
  total.missed += tally.missed;
  total.orphaned += tally.orphaned;
  total.unflagged += tally.unflagged;
  total.unflaggedWrong += tally.unflaggedWrong;
  total.ms += tally.ms;
}

/** Wrongly placed, as a share of all placed. */
export const wrongRate = (t: Tally) => t.wrong / Math.max(1, t.correct + t.wrong);

/** Wrongly placed without a "check placement" flag, as a share of the placements without one. */
export const unflaggedWrongRate = (t: Tally) => t.unflaggedWrong / Math.max(1, t.unflagged);
