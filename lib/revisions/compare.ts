/** A stretch of a comparison: text both revisions share, or text the newer one inserted or deleted. */
export type Change = { type: "equal" | "insert" | "delete"; text: string };

/** Words, runs of white space (paragraph breaks included), and single punctuation marks. */
const TOKEN = /[\p{L}\p{N}_]+|\s+|[^\p{L}\p{N}_\s]/gu;

/**
 * The most differing tokens the comparison pairs up word by word. Myers' algorithm costs time and
 * memory in the square of this number; beyond it (a rewritten article) the differing middle is shown
 * as one deletion and one insertion, which is what it is anyway.
 */
export const MAX_EDIT_DISTANCE = 2_000;

const tokensOf = (text: string): string[] => text.match(TOKEN) ?? [];

/**
 * Myers' O(ND) shortest edit script over `a` and `b`, as matched index pairs in order, or null when
 * more than `maxD` tokens differ. Each step keeps only its own frontier (2d + 1 entries) for the backtrack.
 */
function matchedPairs(a: number[], b: number[], maxD: number): [number, number][] | null {
  const [n, m] = [a.length, b.length];
  let frontier = new Int32Array(3);
  const trace: Int32Array[] = [];
  const at = (v: Int32Array, d: number, k: number) => v[k + d]!;
  for (let d = 0; d <= Math.min(maxD, n + m); d++) {
    const next = new Int32Array(2 * d + 1);
    for (let k = -d; k <= d; k += 2) {
      const previous = d - 1;
      const down = k === -d || (k !== d && at(frontier, previous, k - 1) < at(frontier, previous, k + 1));
      let x = d === 0 ? 0 : down ? at(frontier, previous, k + 1) : at(frontier, previous, k - 1) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) [x, y] = [x + 1, y + 1];
      next[k + d] = x;
      if (x >= n && y >= m) {
        trace.push(next);
        return backtrack(trace, n, m);
      }
    }
    trace.push(next);
    frontier = next;
  }
  return null;
}

function backtrack(trace: Int32Array[], n: number, m: number): [number, number][] {
  const pairs: [number, number][] = [];
  let [x, y] = [n, m];
  for (let d = trace.length - 1; d > 0; d--) {
    const before = trace[d - 1]!;
    const k = x - y;
    const previous = d - 1;
    const down = k === -d || (k !== d && before[k - 1 + previous]! < before[k + 1 + previous]!);
    const previousK = down ? k + 1 : k - 1;
    const previousX = before[previousK + previous]!;
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) pairs.push([--x, --y]);
    [x, y] = [previousX, previousY];
  }
  while (x > 0 && y > 0) pairs.push([--x, --y]);
  return pairs.reverse();
}

function push(changes: Change[], type: Change["type"], text: string) {
  if (!text) return;
  const last = changes.at(-1);
  if (last?.type === type) last.text += text;
  else changes.push({ type, text });
}

/**
 * What turns `oldText` into `newText`, word by word: equal, deleted and inserted stretches in order,
 * adjacent stretches of one type merged. Joining the equal and deleted texts gives `oldText`;
 * the equal and inserted ones give `newText`.
 */
export function compareTexts(oldText: string, newText: string): Change[] {
  const [oldTokens, newTokens] = [tokensOf(oldText), tokensOf(newText)];
  let head = 0;
  while (head < oldTokens.length && head < newTokens.length && oldTokens[head] === newTokens[head]) head++;
  let tail = 0;
  while (
    tail < oldTokens.length - head &&
    tail < newTokens.length - head &&
    oldTokens[oldTokens.length - 1 - tail] === newTokens[newTokens.length - 1 - tail]
  ) {
    tail++;
  }
  const oldMiddle = oldTokens.slice(head, oldTokens.length - tail);
  const newMiddle = newTokens.slice(head, newTokens.length - tail);
  const ids = new Map<string, number>();
  const idOf = (token: string) => ids.get(token) ?? (ids.set(token, ids.size), ids.size - 1);
  const pairs = matchedPairs(oldMiddle.map(idOf), newMiddle.map(idOf), MAX_EDIT_DISTANCE) ?? [];

  const changes: Change[] = [];
  push(changes, "equal", oldTokens.slice(0, head).join(""));
  let [i, j] = [0, 0];
  for (const [pi, pj] of [...pairs, [oldMiddle.length, newMiddle.length] as [number, number]]) {
    push(changes, "delete", oldMiddle.slice(i, pi).join(""));
    push(changes, "insert", newMiddle.slice(j, pj).join(""));
    if (pi < oldMiddle.length) push(changes, "equal", oldMiddle[pi]!);
    [i, j] = [pi + 1, pj + 1];
  }
  push(changes, "equal", oldTokens.slice(oldTokens.length - tail).join(""));
  return changes;
}

/**
 * The changes grouped for reading: a run of deletions and insertions separated only by spaces becomes
 * one deletion followed by one insertion ("What do you think" → "Updated at 10:00") instead of
 * alternating word by word. A line break ends a run.
 */
export function groupForReading(changes: Change[]): Change[] {
  const grouped: Change[] = [];
  let deleted = "";
  let inserted = "";
  // Spaces inside a run belong to both sides, but to neither once the run has ended.
  const pending = { deleted: "", inserted: "", equal: "" };
  for (const change of changes) {
    if (change.type === "equal") {
      if ((deleted || inserted) && /^[^\S\n]+$/.test(change.text)) {
        if (deleted) pending.deleted += change.text;
        if (inserted) pending.inserted += change.text;
        pending.equal += change.text;
        continue;
      }
      if (deleted) grouped.push({ type: "delete", text: deleted });
      if (inserted) grouped.push({ type: "insert", text: inserted });
      grouped.push({ type: "equal", text: pending.equal + change.text });
      deleted = inserted = pending.deleted = pending.inserted = pending.equal = "";
    } else if (change.type === "delete") {
      deleted += pending.deleted + change.text;
      pending.deleted = pending.equal = "";
    } else {
      inserted += pending.inserted + change.text;
      pending.inserted = pending.equal = "";
    }
  }
  if (deleted) grouped.push({ type: "delete", text: deleted });
  if (inserted) grouped.push({ type: "insert", text: inserted });
  if (pending.equal) grouped.push({ type: "equal", text: pending.equal });
  return grouped;
}
