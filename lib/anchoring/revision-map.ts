import { diffParagraph, type Hunk } from "./diff";
import { alignParagraphs, paragraphsOf, type Paragraph } from "./paragraph-alignment";

/**
 * How the offsets of an old revision of a text carry over to a new one: paragraphs paired by
 * `alignParagraphs` (moves included), and inside each edited pair the hunks of `diffParagraph`.
 * Built once per pair of revisions and then asked about every annotation.
 */
export type RevisionMap = {
  /** Where [start, end) of the old text went, or null when its paragraph was deleted or rewritten beyond pairing. */
  mapSpan(start: number, end: number): { start: number; end: number } | null;
  /** Whether new [start, end) holds only text the old revision did not have: an unpaired paragraph or an insertion. */
  isInserted(start: number, end: number): boolean;
  /** Whether new [start, end) lies in paragraphs paired with none of the old revision: new, or moved and rewritten beyond pairing. */
  inNewParagraphs(start: number, end: number): boolean;
};

/** The last paragraph starting at or before `offset`. */
function paragraphAt(paragraphs: Paragraph[], offset: number): number {
  let [low, high] = [0, paragraphs.length - 1];
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (paragraphs[mid]!.start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Offsets inside a changed hunk move proportionally: a substituted word keeps its ends on the new word's ends. */
function mapInHunk(hunk: Hunk, offset: number, side: "start" | "end"): number {
  if (hunk.equal) return hunk.newStart + offset - hunk.oldStart;
  const oldLength = hunk.oldEnd - hunk.oldStart;
  if (oldLength === 0) return side === "start" ? hunk.newStart : hunk.newEnd;
  const scaled = ((offset - hunk.oldStart) * (hunk.newEnd - hunk.newStart)) / oldLength;
  return hunk.newStart + (side === "start" ? Math.floor(scaled) : Math.ceil(scaled));
}

function mapInHunks(hunks: Hunk[], offset: number, side: "start" | "end"): number {
  // A start belongs to the hunk it opens, an end to the hunk it closes.
  let [low, high] = [0, hunks.length - 1];
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    const boundary = hunks[mid]!.oldStart;
    if (side === "start" ? boundary <= offset : boundary < offset) low = mid;
    else high = mid - 1;
  }
  return mapInHunk(hunks[low]!, offset, side);
}

/** The map from `oldText` to `newText`. Costs one pass over both texts plus a word diff per edited paragraph. */
export function mapRevision(oldText: string, newText: string): RevisionMap {
  const oldParagraphs = paragraphsOf(oldText);
  const newParagraphs = paragraphsOf(newText);
  const textOf = (text: string) => (p: Paragraph) => text.slice(p.start, p.end);
  const newOfOld = alignParagraphs(oldParagraphs.map(textOf(oldText)), newParagraphs.map(textOf(newText)));
  const paired = new Uint8Array(newParagraphs.length);
  for (const n of newOfOld) if (n !== -1) paired[n] = 1;

  // Hunks in absolute offsets, computed when an annotation first needs them; null for identical paragraphs.
  const hunksOfOld = new Map<number, Hunk[] | null>();
  const hunksOf = (o: number): Hunk[] | null => {
    if (hunksOfOld.has(o)) return hunksOfOld.get(o)!;
    const [oldParagraph, newParagraph] = [oldParagraphs[o]!, newParagraphs[newOfOld[o]!]!];
    const [before, after] = [textOf(oldText)(oldParagraph), textOf(newText)(newParagraph)];
    const hunks =
      before === after
        ? null
        : diffParagraph(before, after).map((h) => ({
            ...h,
            oldStart: h.oldStart + oldParagraph.start,
            oldEnd: h.oldEnd + oldParagraph.start,
            newStart: h.newStart + newParagraph.start,
            newEnd: h.newEnd + newParagraph.start,
          }));
    hunksOfOld.set(o, hunks);
    return hunks;
  };

  const mapOffset = (offset: number, side: "start" | "end"): number | null => {
    const o = paragraphAt(oldParagraphs, side === "end" ? Math.max(0, offset - 1) : offset);
    const n = newOfOld[o]!;
    if (n === -1) return null;
    const [oldParagraph, newParagraph] = [oldParagraphs[o]!, newParagraphs[n]!];
    // Past the paragraph's end is its line break, which moves with it.
    if (offset > oldParagraph.end || (offset === oldParagraph.end && side === "start")) return newParagraph.end + offset - oldParagraph.end;
    const hunks = hunksOf(o);
    return hunks ? mapInHunks(hunks, offset, side) : newParagraph.start + offset - oldParagraph.start;
  };

  const insertedHunks = (n: number): Hunk[] => {
    const o = newOfOld.indexOf(n);
    return (hunksOf(o) ?? []).filter((h) => !h.equal && h.newEnd > h.newStart);
  };

  return {
    mapSpan(start, end) {
      const [mappedStart, mappedEnd] = [mapOffset(start, "start"), mapOffset(end, "end")];
      if (mappedStart === null || mappedEnd === null) return null;
      // Ends in two paragraphs that moved apart: no single span holds the annotation any more.
      if (mappedEnd < mappedStart || mappedEnd - mappedStart > 2 * (end - start) + 64) return null;
      return { start: mappedStart, end: mappedEnd };
    },
    inNewParagraphs(start, end) {
      for (let n = paragraphAt(newParagraphs, start); n <= paragraphAt(newParagraphs, Math.max(start, end - 1)); n++) if (paired[n]) return false;
      return true;
    },
    isInserted(start, end) {
      const first = paragraphAt(newParagraphs, start);
      const last = paragraphAt(newParagraphs, Math.max(start, end - 1));
      for (let n = first; n <= last; n++) {
        if (!paired[n]) continue;
        if (!insertedHunks(n).some((h) => h.newStart <= start && end <= h.newEnd)) return false;
      }
      return true;
    },
  };
}
