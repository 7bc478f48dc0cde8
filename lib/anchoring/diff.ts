import { similarity } from "./edit-distance";
import { inOrder } from "./word-likeness";

/**
 * The difference between two revisions of one paragraph, as hunks that cover both texts in order:
 * sentences first, then words inside each run of changed sentences, then characters inside each
 * changed run of words. Sentences go first because news sentences share their wording ("rose by",
 * "percent in", "officials said"): a word-level diff over a whole paragraph happily aligns the
 * words of a deleted sentence with those of its neighbour.
 */

/**
 * Inside a run of changed sentences, an old and a new sentence are one sentence edited when four
 * characters in five agree (the rate at which `anchor` and `reanchor` still call a quote the same
 * claim): a typo fix and a changed number leave about 0.95, while a sentence of the same mould
 * about another place and figure stays below 0.8.
 */
const SAME_SENTENCE = 0.8;

/** A stretch of the old text and what became of it in the new one; `equal` stretches have the same length on both sides. */
export type Hunk = { oldStart: number; oldEnd: number; newStart: number; newEnd: number; equal: boolean };

/** Words, runs of white space, and single punctuation marks: the units a revision adds or removes. */
const TOKEN = /[\p{L}\p{N}_]+|\s+|[^\p{L}\p{N}_\s]/gu;

/**
 * A sentence ends after its closing punctuation (and quotation mark) and the spaces after it.
 * Sentences match on their words alone (`sentenceKey`): the last sentence of a paragraph has no
 * space after it until another sentence follows it, and stays the same sentence.
 */
const SENTENCE = /[^]*?(?:[.!?]["'\u201d]?\s+|$)/g;

const sentenceKey = (sentence: string) => sentence.trimEnd();

function boundariesOf(text: string, unit: RegExp): number[] {
  const boundaries = [0];
  for (const match of text.matchAll(unit)) if (match[0].length > 0) boundaries.push(match.index + match[0].length);
  return boundaries;
}

/**
 * Myers' O(ND) greedy shortest edit script over token ids. Returns the matched pairs (old index, new
 * index) in order. D is small for a revised paragraph (a few changed words), so the saved frontiers
 * stay small too.
 */
function matchedTokens(a: Int32Array, b: Int32Array): [number, number][] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const frontier = new Int32Array(2 * max + 3);
  // trace[d] is the frontier before step d, as the backtrack needs it.
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(frontier.slice());
    for (let k = -d; k <= d && !found; k += 2) {
      let x = k === -d || (k !== d && frontier[offset + k - 1]! < frontier[offset + k + 1]!) ? frontier[offset + k + 1]! : frontier[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) [x, y] = [x + 1, y + 1];
      frontier[offset + k] = x;
      found = x >= n && y >= m;
    }
  }
  const pairs: [number, number][] = [];
  let [x, y] = [n, m];
  for (let d = trace.length - 1; d >= 0; d--) {
    const before = trace[d]!;
    const k = x - y;
    const previousK = k === -d || (k !== d && before[offset + k - 1]! < before[offset + k + 1]!) ? k + 1 : k - 1;
    const previousX = before[offset + previousK]!;
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) pairs.push([--x, --y]);
    [x, y] = [previousX, previousY];
  }
  return pairs.reverse();
}

/**
 * Where a unit repeats next to itself, the shortest edit script may match either copy. Myers takes
 * the first, which can leave a deleted unit on one side of the match and an inserted copy on the
 * other ("S' S" becoming "S S" after a typo fix in S'). Sliding the match onto the copy makes the
 * deleted and the inserted unit one changed pair, whose refinement keeps what they share.
 */
function slideTowardsChanges(pairs: [number, number][], a: Int32Array, b: Int32Array): [number, number][] {
  for (let p = 0; p < pairs.length; p++) {
    const [i, j] = pairs[p]!;
    const [previousI, previousJ] = pairs[p - 1] ?? [-1, -1];
    const [nextI, nextJ] = pairs[p + 1] ?? [a.length, b.length];
    const deletedBefore = i - 1 > previousI && j - 1 === previousJ;
    const insertedBefore = j - 1 > previousJ && i - 1 === previousI;
    if (deletedBefore && j + 1 < nextJ && nextI === i + 1 && b[j + 1] === b[j]) pairs[p] = [i, j + 1];
    else if (insertedBefore && i + 1 < nextI && nextJ === j + 1 && a[i + 1] === a[i]) pairs[p] = [i + 1, j];
  }
  return pairs;
}

/** Splits a changed run at its common prefix and suffix, so a typo fix keeps the rest of its word equal. */
function refineChange(oldText: string, newText: string, hunk: Hunk): Hunk[] {
  const { oldStart, oldEnd, newStart, newEnd } = hunk;
  let head = 0;
  while (oldStart + head < oldEnd && newStart + head < newEnd && oldText[oldStart + head] === newText[newStart + head]) head++;
  let tail = 0;
  while (oldEnd - tail > oldStart + head && newEnd - tail > newStart + head && oldText[oldEnd - tail - 1] === newText[newEnd - tail - 1]) tail++;
  const parts: Hunk[] = [];
  if (head > 0) parts.push({ oldStart, oldEnd: oldStart + head, newStart, newEnd: newStart + head, equal: true });
  parts.push({ oldStart: oldStart + head, oldEnd: oldEnd - tail, newStart: newStart + head, newEnd: newEnd - tail, equal: false });
  if (tail > 0) parts.push({ oldStart: oldEnd - tail, oldEnd, newStart: newEnd - tail, newEnd, equal: true });
  return parts;
}

/**
 * The hunks turning `oldText` into `newText`, offsets relative to each, with `unit` cutting both
 * into the units matched whole when their `key`s agree; `refine` diffs each changed run of units
 * (with offsets relative to the run), or null to keep it one changed hunk.
 */
function diffUnits(oldText: string, newText: string, unit: RegExp, refine: ((oldRun: Hunk) => Hunk[]) | null, key = (text: string) => text): Hunk[] {
  const oldBounds = boundariesOf(oldText, unit);
  const newBounds = boundariesOf(newText, unit);
  const ids = new Map<string, number>();
  const idsOf = (text: string, bounds: number[]) =>
    Int32Array.from(bounds.slice(1), (end, i) => {
      const token = key(text.slice(bounds[i], end));
      let id = ids.get(token);
      if (id === undefined) ids.set(token, (id = ids.size));
      return id;
    });
  const [oldIds, newIds] = [idsOf(oldText, oldBounds), idsOf(newText, newBounds)];
  const pairs = slideTowardsChanges(matchedTokens(oldIds, newIds), oldIds, newIds);
  pairs.push([oldBounds.length - 1, newBounds.length - 1]);
  const hunks: Hunk[] = [];
  let [i, j] = [0, 0];
  for (const [pi, pj] of pairs) {
    if (pi > i || pj > j) {
      const change = { oldStart: oldBounds[i]!, oldEnd: oldBounds[pi]!, newStart: newBounds[j]!, newEnd: newBounds[pj]!, equal: false };
      hunks.push(...(pi > i && pj > j && refine ? refine(change) : [change]));
    }
    if (pi < oldBounds.length - 1) {
      const matched = { oldStart: oldBounds[pi]!, oldEnd: oldBounds[pi + 1]!, newStart: newBounds[pj]!, newEnd: newBounds[pj + 1]!, equal: true };
      const same = oldText.slice(matched.oldStart, matched.oldEnd) === newText.slice(matched.newStart, matched.newEnd);
      for (const part of same ? [matched] : refineChange(oldText, newText, { ...matched, equal: false })) appendHunk(hunks, part);
    }
    [i, j] = [pi + 1, pj + 1];
  }
  return hunks;
}

/** Adds `hunk` to `hunks`, merged into the last one when both are equal and adjacent. */
function appendHunk(hunks: Hunk[], hunk: Hunk): void {
  const previous = hunks.at(-1);
  if (hunk.equal && previous?.equal && previous.oldEnd === hunk.oldStart && previous.newEnd === hunk.newStart) {
    previous.oldEnd = hunk.oldEnd;
    previous.newEnd = hunk.newEnd;
  } else hunks.push(hunk);
}

/** Shifts hunks computed on slices back to offsets of the whole texts. */
const shifted = (hunks: Hunk[], oldBy: number, newBy: number): Hunk[] =>
  hunks.map((h) => ({ ...h, oldStart: h.oldStart + oldBy, oldEnd: h.oldEnd + oldBy, newStart: h.newStart + newBy, newEnd: h.newEnd + newBy }));

/** The hunks turning `oldText` into `newText` (one paragraph each), offsets relative to each. */
export function diffParagraph(oldText: string, newText: string): Hunk[] {
  const byWords = (run: Hunk): Hunk[] => {
    const [before, after] = [oldText.slice(run.oldStart, run.oldEnd), newText.slice(run.newStart, run.newEnd)];
    const byCharacters = (change: Hunk) => refineChange(before, after, change);
    return shifted(diffUnits(before, after, TOKEN, byCharacters), run.oldStart, run.newStart);
  };
  return diffUnits(oldText, newText, SENTENCE, (run) => bySentences(oldText, newText, run, byWords), sentenceKey);
}

/** The sentences of `text` inside [start, end), as absolute spans. */
function sentencesIn(text: string, start: number, end: number): { start: number; end: number }[] {
  const bounds = boundariesOf(text.slice(start, end), SENTENCE);
  return bounds.slice(1).map((to, i) => ({ start: start + bounds[i]!, end: start + to }));
}

/**
 * A run of changed sentences: its old and new sentences paired in order when they are one sentence
 * edited (SAME_SENTENCE), each pair diffed by words, and the rest deleted or inserted
 * whole. Diffing the run by words at once would align a deleted sentence with an inserted one of
 * the same mould ("In Northfield, 3383 residents were moved…" with "In the port district, 742
 * residents were moved…") and carry an annotation from the one to the other.
 */
function bySentences(oldText: string, newText: string, run: Hunk, byWords: (run: Hunk) => Hunk[]): Hunk[] {
  const olds = sentencesIn(oldText, run.oldStart, run.oldEnd);
  const news = sentencesIn(newText, run.newStart, run.newEnd);
  if (olds.length <= 1 && news.length <= 1) return byWords(run);
  const textOf = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end).trimEnd();
  const sameSentence = (i: number, j: number) => similarity(textOf(oldText, olds[i]!), textOf(newText, news[j]!));
  const pairs = inOrder(olds.map((_, i) => i), news.map((_, j) => j), sameSentence, SAME_SENTENCE);
  const hunks: Hunk[] = [];
  let [oldAt, newAt] = [run.oldStart, run.newStart];
  for (const [i, j] of [...pairs, [olds.length, news.length] as const]) {
    const [oldTo, newTo] = [olds[i]?.start ?? run.oldEnd, news[j]?.start ?? run.newEnd];
    if (oldTo > oldAt) hunks.push({ oldStart: oldAt, oldEnd: oldTo, newStart: newAt, newEnd: newAt, equal: false });
    if (newTo > newAt) hunks.push({ oldStart: oldTo, oldEnd: oldTo, newStart: newAt, newEnd: newTo, equal: false });
    if (i === olds.length) break;
    const pair = { oldStart: olds[i]!.start, oldEnd: olds[i]!.end, newStart: news[j]!.start, newEnd: news[j]!.end, equal: false };
    for (const hunk of byWords(pair)) appendHunk(hunks, hunk);
    [oldAt, newAt] = [pair.oldEnd, pair.newEnd];
  }
  return hunks;
}
