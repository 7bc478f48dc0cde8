/**
 * Three-way merge of article documents (ProseMirror JSON), block by block: edits made on an older
 * revision ("mine") carried onto the revision someone saved since ("theirs"), from the revision both
 * started from ("base"). A block (paragraph, heading, list) only one side changed takes that side's
 * version. Where both changed the same stretch of blocks differently, mine is kept (both, when both
 * inserted blocks at one place) and counted as a conflict, for the person to compare with theirs
 * before saving. Nothing of theirs outside such stretches is lost, and theirs stays in the revision
 * history either way.
 */

type DocJSON = { type: "doc"; content?: unknown[] };
export type MergedDoc = { doc: DocJSON; conflicts: number };

const blocksOf = (doc: unknown): unknown[] => ((doc as DocJSON | null)?.content ?? []).slice();

/** A block as a string that does not depend on the order of its keys: documents read back from a `jsonb` column have theirs reordered. */
function keyOf(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(keyOf).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${keyOf(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * The longest common subsequence of `a` and `b` (compared by key), as pairs of indexes in order.
 * The common head and tail are matched first, so the table covers only the changed middle.
 */
function matches(a: string[], b: string[]): [number, number][] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const [n, m] = [a.length - head - tail, b.length - head - tail];
  const lengths = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * (m + 1) + j] =
        a[head + i] === b[head + j] ? lengths[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(lengths[(i + 1) * (m + 1) + j]!, lengths[i * (m + 1) + j + 1]!);
    }
  }
  const pairs: [number, number][] = Array.from({ length: head }, (_, k) => [k, k]);
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[head + i] === b[head + j]) pairs.push([head + i++, head + j++]);
    else if (lengths[(i + 1) * (m + 1) + j]! >= lengths[i * (m + 1) + j + 1]!) i++;
    else j++;
  }
  for (let k = tail; k > 0; k--) pairs.push([a.length - k, b.length - k]);
  return pairs;
}

/** A stretch of base blocks [start, end) that one side replaced by `blocks` (an insertion when empty, a deletion when `blocks` is). */
type Hunk = { start: number; end: number; blocks: unknown[]; side: "mine" | "theirs" };

function hunksOf(baseKeys: string[], keys: string[], blocks: unknown[], side: Hunk["side"]): Hunk[] {
  const hunks: Hunk[] = [];
  let [b, o] = [0, 0];
  for (const [nextB, nextO] of [...matches(baseKeys, keys), [baseKeys.length, keys.length] as [number, number]]) {
    if (nextB > b || nextO > o) hunks.push({ start: b, end: nextB, blocks: blocks.slice(o, nextO), side });
    [b, o] = [nextB + 1, nextO + 1];
  }
  return hunks;
}

/**
 * Whether two stretches touch the same base blocks and must be decided together: two replacements
 * sharing a block, an insertion strictly inside a replaced stretch, or two insertions at one place.
 */
function overlap(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const [aInserts, bInserts] = [a.start === a.end, b.start === b.end];
  if (aInserts && bInserts) return a.start === b.start;
  if (aInserts) return b.start < a.start && a.start < b.end;
  if (bInserts) return a.start < b.start && b.start < a.end;
  return Math.max(a.start, b.start) < Math.min(a.end, b.end);
}

/** Base blocks [start, end) with one side's hunks in that stretch applied. */
function applied(baseBlocks: unknown[], start: number, end: number, hunks: Hunk[]): unknown[] {
  const out: unknown[] = [];
  let at = start;
  for (const hunk of hunks) {
    out.push(...baseBlocks.slice(at, hunk.start), ...hunk.blocks);
    at = hunk.end;
  }
  return [...out, ...baseBlocks.slice(at, end)];
}

export function mergeDocs(base: unknown, theirs: unknown, mine: unknown): MergedDoc {
  const [baseBlocks, theirBlocks, myBlocks] = [blocksOf(base), blocksOf(theirs), blocksOf(mine)];
  const baseKeys = baseBlocks.map(keyOf);
  const hunks = [...hunksOf(baseKeys, myBlocks.map(keyOf), myBlocks, "mine"), ...hunksOf(baseKeys, theirBlocks.map(keyOf), theirBlocks, "theirs")].sort(
    (a, b) => a.start - b.start || a.end - b.end,
  );
  // Overlapping hunks, gathered into clusters over the base stretch they cover together.
  const clusters: { start: number; end: number; hunks: Hunk[] }[] = [];
  for (const hunk of hunks) {
    const last = clusters.at(-1);
    if (last && overlap(last, hunk)) {
      last.hunks.push(hunk);
      last.end = Math.max(last.end, hunk.end);
    } else clusters.push({ start: hunk.start, end: hunk.end, hunks: [hunk] });
  }

  const merged: unknown[] = [];
  let conflicts = 0;
  let at = 0;
  for (const { start, end, hunks: together } of clusters) {
    merged.push(...baseBlocks.slice(at, start));
    const [mineHere, theirsHere] = [together.filter((h) => h.side === "mine"), together.filter((h) => h.side === "theirs")];
    const [myVersion, theirVersion] = [applied(baseBlocks, start, end, mineHere), applied(baseBlocks, start, end, theirsHere)];
    const both = mineHere.length > 0 && theirsHere.length > 0 && keyOf(myVersion) !== keyOf(theirVersion);
    if (both) conflicts++;
    // Two insertions at one place lose nothing by keeping both; otherwise, where both changed the same blocks, mine.
    if (both && start === end) merged.push(...myVersion, ...theirVersion);
    else merged.push(...(mineHere.length > 0 ? myVersion : theirVersion));
    at = end;
  }
  merged.push(...baseBlocks.slice(at));
  // A document holds at least one block, even when both sides deleted everything.
  return { doc: { type: "doc", content: merged.length > 0 ? merged : [{ type: "paragraph" }] }, conflicts };
}
