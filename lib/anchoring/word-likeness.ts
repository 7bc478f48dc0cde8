/**
 * Likeness of texts by the words they share, which paragraph alignment uses to tell an edited
 * paragraph from another one, and the in-order pairing of two lists by any likeness, which both
 * paragraph alignment and the sentence diff use.
 */

/** How often each item occurs. */
export function countsOf(items: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

/** A text's words, lower-cased, with how often each occurs. */
export const wordsOf = (text: string) => countsOf(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** Twice the words two counts share over their total: 1 for the same words, 0 for none in common. */
export function dice(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const [word, count] of a) {
    shared += Math.min(count, b.get(word) ?? 0);
    total += count;
  }
  for (const count of b.values()) total += count;
  return total === 0 ? 1 : (2 * shared) / total;
}

/**
 * The pairs of `olds` and `news`, each used once and none crossing another, whose scores (each at
 * least `threshold`) add up to the most: a weighted longest common subsequence. In order.
 */
export function inOrder(olds: number[], news: number[], score: (o: number, n: number) => number, threshold: number): [number, number][] {
  const width = news.length + 1;
  const best = new Float64Array((olds.length + 1) * width);
  for (let i = 1; i <= olds.length; i++) {
    for (let j = 1; j <= news.length; j++) {
      const s = score(olds[i - 1]!, news[j - 1]!);
      const paired = s >= threshold ? best[(i - 1) * width + j - 1]! + s : -1;
      best[i * width + j] = Math.max(best[(i - 1) * width + j]!, best[i * width + j - 1]!, paired);
    }
  }
  const pairs: [number, number][] = [];
  for (let [i, j] = [olds.length, news.length]; i > 0 && j > 0; ) {
    const here = best[i * width + j]!;
    if (here === best[(i - 1) * width + j]) i--;
    else if (here === best[i * width + j - 1]) j--;
    else {
      pairs.push([olds[i - 1]!, news[j - 1]!]);
      [i, j] = [i - 1, j - 1];
    }
  }
  return pairs.reverse();
}
