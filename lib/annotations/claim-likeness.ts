/**
 * How alike two claims are, by their words: what decides which claims the desk checked before are
 * shown beside a new one. Words come as text-search terms (English stems without stop words, as
 * Postgres's `to_tsvector('english', …)` makes them), so "mines" meets "mine" and "the" counts for
 * nothing; each term weighs what it says (a rare name much, "percent" little). Measured by
 * `npm run bench:earlier-checks`.
 */

/**
 * The least likeness shown: one claim states nearly all that the other does, its terms weighed (see
 * `claimLikeness`). A claim restated in other words around it ("Officials insisted that …"), or with
 * one figure changed, stays above it; the same sentence about another place or another thing ("the
 * highest jobless rate in Riverside" for "… in Lakeview"), whose rare word weighs much, falls below.
 * Precision over recall: a wrong suggestion costs a fact-checker's attention and may mislead one in
 * a hurry, a missed one costs nothing they have now. A claim reworded throughout is missed.
 */
export const MIN_LIKENESS = 0.9;

/**
 * …and the other claim states at least this share of the first: a sentence checked before inside a
 * paragraph selected around it is found, and so is a paragraph checked before around a sentence,
 * but not a long paragraph that merely holds a claim's few words.
 */
const LEAST_OTHER_SHARE = 0.25;

/** The longest quote compared, in characters: a claim is a sentence or a paragraph, not a page. */
export const QUOTE_COMPARED = 2_000;

/**
 * 0 to 1: how much of one claim the other states, the larger of the two shares, each the weight of
 * the terms both hold over that claim's own (every term counted by its `weight`, how much sharing it
 * says: see `termWeight`); 0 when the smaller share is under `LEAST_OTHER_SHARE`.
 */
export function claimLikeness(ours: readonly string[], theirs: readonly string[], weight: (term: string) => number = () => 1): number {
  const a = new Set(ours);
  const b = new Set(theirs);
  const sum = (terms: Iterable<string>) => {
    let total = 0;
    for (const term of terms) total += weight(term);
    return total;
  };
  const [weightA, weightB] = [sum(a), sum(b)];
  if (weightA === 0 || weightB === 0) return 0;
  const shared = sum([...a].filter((term) => b.has(term)));
  const [shareA, shareB] = [shared / weightA, shared / weightB];
  return Math.min(shareA, shareB) < LEAST_OTHER_SHARE ? 0 : Math.max(shareA, shareB);
}

/** The figures a claim states, as written ("2,500", "3.5", "1990"), in order, each once. */
export function figuresOf(quote: string): string[] {
  return [...new Set(quote.match(/\d+(?:[.,]\d+)*/g) ?? [])];
}

/** A figure without its thousands separators: "2,500" states what "2500" does. */
const valueOf = (figure: string) => figure.replace(/,(?=\d{3}(?!\d))/g, "");

/**
 * When two alike claims state different figures, each one's figures: the earlier verdict was given on
 * other numbers ("7 to 2" is not "8 to 1"), or on a figure this claim leaves out, and may not carry
 * over. Null when both state the same figures, or none.
 */
export function otherFigures(ours: string, theirs: string): { ours: string[]; theirs: string[] } | null {
  const a = figuresOf(ours);
  const b = figuresOf(theirs);
  if (a.length === 0 && b.length === 0) return null;
  const values = new Set(b.map(valueOf));
  const same = new Set(a.map(valueOf)).size === values.size && a.every((figure) => values.has(valueOf(figure)));
  return same ? null : { ours: a, theirs: b };
}
