/**
 * Edit distances between short strings: quotes (at most a few hundred characters) and their
 * 32-character contexts. Plain dynamic programming over one column; callers keep both sides short,
 * so the quadratic cost stays in the microseconds.
 */

/** The Levenshtein distance between `a` and `b`: insertions, deletions and substitutions of UTF-16 code units. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const column = new Uint32Array(a.length + 1);
  for (let i = 0; i <= a.length; i++) column[i] = i;
  for (let j = 1; j <= b.length; j++) {
    const code = b.charCodeAt(j - 1);
    let diagonal = column[0]!;
    column[0] = j;
    for (let i = 1; i <= a.length; i++) {
      const above = column[i]!;
      column[i] = Math.min(above + 1, column[i - 1]! + 1, diagonal + (a.charCodeAt(i - 1) === code ? 0 : 1));
      diagonal = above;
    }
  }
  return column[a.length]!;
}

/**
 * How alike `a` and `b` are, from 0 to 1: one minus their edit distance over the longer length.
 * Two unrelated English strings of 32 characters score about 0.2 to 0.4, not 0: thresholds on
 * context agreement sit above that floor.
 */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}

/** A substring of a text that approximately equals a pattern. */
export type Alignment = { start: number; end: number; errors: number };

/**
 * The substring of `text.slice(from, to)` closest to `pattern` by edit distance (the shortest among
 * equally close ones). Costs pattern length × window length: callers pass a window a little wider
 * than the pattern, never the whole text.
 */
export function align(pattern: string, text: string, from: number, to: number): Alignment {
  const m = pattern.length;
  const column = new Uint32Array(m + 1);
  for (let i = 0; i <= m; i++) column[i] = i;
  let errors = m;
  let end = from;
  // Forward pass, free start: where the closest substring ends.
  for (let j = from; j < to; j++) {
    const code = text.charCodeAt(j);
    let diagonal = column[0]!;
    column[0] = 0;
    for (let i = 1; i <= m; i++) {
      const above = column[i]!;
      column[i] = Math.min(above + 1, column[i - 1]! + 1, diagonal + (pattern.charCodeAt(i - 1) === code ? 0 : 1));
      diagonal = above;
    }
    if (column[m]! < errors) [errors, end] = [column[m]!, j + 1];
  }
  // Backward pass anchored at that end: where it starts.
  for (let i = 0; i <= m; i++) column[i] = i;
  let startErrors = m;
  let start = end;
  for (let j = end - 1; j >= from; j--) {
    const code = text.charCodeAt(j);
    let diagonal = column[0]!;
    column[0] = end - j;
    for (let i = 1; i <= m; i++) {
      const above = column[i]!;
      column[i] = Math.min(above + 1, column[i - 1]! + 1, diagonal + (pattern.charCodeAt(m - i) === code ? 0 : 1));
      diagonal = above;
    }
    if (column[m]! < startErrors) [startErrors, start] = [column[m]!, j];
  }
  return { start, end, errors: Math.min(errors, startErrors) };
}
