import { editDistance } from "./edit-distance";
import { CONTEXT_LENGTH, type TextQuoteSelector } from "./selectors";

/**
 * What the text says about one place a quote may belong: how much of its old context is still
 * around it, how far the quote there was edited, and how far it lies from the old position.
 * `anchor` weighs these as log-odds, fitted on revised articles whose every edit is tracked.
 */

/** One side of context (the 32 characters before or after the quote): edits from the old one, and characters intact next to the quote. */
export type Side = { edits: number; adjacent: number; length: number };

/** A place where the quote, or an edit of it, occurs. `distance` is in characters from the old position, or undefined without one. */
export type Candidate = { start: number; end: number; errors: number; prefix: Side; suffix: Side; distance: number | undefined };

/** How many characters `a` and `b` share counted from their ends (`fromEnd`) or their starts. */
function sharedRun(a: string, b: string, fromEnd: boolean): number {
  let n = 0;
  const [i, j] = fromEnd ? [a.length - 1, b.length - 1] : [0, 0];
  const step = fromEnd ? -1 : 1;
  while (n < a.length && n < b.length && a.charCodeAt(i + step * n) === b.charCodeAt(j + step * n)) n++;
  return n;
}

function sideOf(context: string, actual: string, fromEnd: boolean): Side {
  return { edits: context.length === 0 ? 0 : editDistance(context, actual), adjacent: sharedRun(context, actual, fromEnd), length: context.length };
}

/** The candidate [start, end) of `text`, `errors` edits from the quote. */
export function candidateAt(text: string, start: number, end: number, errors: number, quote: TextQuoteSelector, hint: number | undefined): Candidate {
  const prefix = quote.prefix.slice(-CONTEXT_LENGTH);
  const suffix = quote.suffix.slice(0, CONTEXT_LENGTH);
  return {
    start,
    end,
    errors,
    prefix: sideOf(prefix, text.slice(Math.max(0, start - prefix.length), start), true),
    suffix: sideOf(suffix, text.slice(end, end + suffix.length), false),
    distance: hint === undefined ? undefined : Math.abs(start - hint),
  };
}

/** A candidate with both sides of its context as they were. */
export const isIntact = (c: Candidate) => c.errors === 0 && c.prefix.edits === 0 && c.suffix.edits === 0;

/**
 * The features of a candidate among its rivals, in this order:
 * - per side, the edits of its context: none, one (a typo fixed), two (a figure changed), three or
 *   four (a name or figure changed: a sentence from the same mould), or more (another sentence);
 *   a side the selector lacks sets none of them;
 * - per side, the share of the context intact right next to the quote: a sentence from the same
 *   mould differs near the quote, where a sentence inserted beside the real one leaves the other
 *   side whole;
 * - the edits inside the quote, counted up to eight;
 * - the distance from the old position, as a share of the text and in characters, by their
 *   logarithms, and by bands of the share (half a percent to one, one to two, …, forty and more):
 *   a revision shifts text by a few percent, a lookalike lies anywhere;
 * - how much more intact context lies next to the quote here than at the best rival, and how much
 *   nearer the old position it lies than the nearest rival (logarithm of the ratio);
 * - having no rival at all;
 * - how many sides of context the selector lacks, and its lacking a position (quotes imported from
 *   other tools): without a position every candidate counts as a quarter of the text away.
 */
export const FEATURES = [
  "prefixIntact",
  "prefixOneEdit",
  "prefixTwoEdits",
  "prefixThreeOrFourEdits",
  "prefixChanged",
  "suffixIntact",
  "suffixOneEdit",
  "suffixTwoEdits",
  "suffixThreeOrFourEdits",
  "suffixChanged",
  "prefixAdjacent",
  "suffixAdjacent",
  "quoteEdits",
  "logShareAway",
  "logCharactersAway",
  "awayHalfPercent",
  "awayOnePercent",
  "awayTwoPercent",
  "awayFivePercent",
  "awayTenPercent",
  "awayTwentyPercent",
  "awayFortyPercent",
  "adjacentLead",
  "logNearerThanRivals",
  "alone",
  "contextSidesMissing",
  "positionMissing",
] as const;

const MAX_QUOTE_EDITS_COUNTED = 8;
const UNKNOWN_SHARE_AWAY = 0.25;
const MAX_ADJACENT_LEAD = 2;
const MAX_LOG_NEARER = 5;
/** Shares of the text away from the old position where the "away…Percent" features start; each ends where the next starts. */
const AWAY_SHARES = [0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.4];

function editBuckets(side: Side): number[] {
  const buckets = [0, 0, 0, 0, 0];
  if (side.length > 0) buckets[side.edits <= 2 ? side.edits : side.edits <= 4 ? 3 : 4] = 1;
  return buckets;
}

/** Intact context next to the quote, from 0 to 2; a side the selector lacks counts half. */
const adjacentShare = (side: Side) => (side.length === 0 ? 0.5 : side.adjacent / side.length);
const adjacency = (c: Candidate) => adjacentShare(c.prefix) + adjacentShare(c.suffix);

/** For each index, the best of the other values (NaN when there is none), by `better`; in one pass over `values`. */
function bestOfOthers(values: number[], better: (a: number, b: number) => boolean): (i: number) => number {
  let [best, second, at] = [NaN, NaN, -1];
  values.forEach((value, i) => {
    if (at < 0 || better(value, best)) [second, best, at] = [best, value, i];
    else if (Number.isNaN(second) || better(value, second)) second = value;
  });
  return (i) => (i === at ? second : best);
}

/** Each candidate's features (see FEATURES), in the order of `candidates`. */
export function featuresOf(candidates: readonly Candidate[], textLength: number): number[][] {
  const away = (c: Candidate) => c.distance ?? UNKNOWN_SHARE_AWAY * textLength;
  const bestRivalAdjacency = bestOfOthers(candidates.map(adjacency), (a, b) => a > b);
  const nearestRivalAway = bestOfOthers(candidates.map(away), (a, b) => a < b);
  const alone = candidates.length === 1;
  return candidates.map((c, i) => {
    const [prefix, suffix] = [editBuckets(c.prefix), editBuckets(c.suffix)];
    const distance = away(c);
    const share = distance / Math.max(1, textLength);
    const nearer = alone || c.distance === undefined ? 0 : Math.log((distance + 10) / (nearestRivalAway(i) + 10));
    return [
      ...prefix,
      ...suffix,
      c.prefix.length === 0 ? 0 : adjacentShare(c.prefix),
      c.suffix.length === 0 ? 0 : adjacentShare(c.suffix),
      Math.min(c.errors, MAX_QUOTE_EDITS_COUNTED),
      Math.log(share + 0.001),
      Math.log(distance + 10),
      ...AWAY_SHARES.map((from, k) => (share >= from && share < (AWAY_SHARES[k + 1] ?? Infinity) ? 1 : 0)),
      alone ? MAX_ADJACENT_LEAD : Math.min(MAX_ADJACENT_LEAD, adjacency(c) - bestRivalAdjacency(i)),
      Math.max(-MAX_LOG_NEARER, Math.min(MAX_LOG_NEARER, nearer)),
      alone ? 1 : 0,
      (c.prefix.length === 0 ? 1 : 0) + (c.suffix.length === 0 ? 1 : 0),
      c.distance === undefined ? 1 : 0,
    ];
  });
}

/**
 * Log-odds that a candidate is the annotated text, per unit of each feature, and of the quote being
 * gone from the text (ORPHAN_WEIGHTS, by the logarithm of its length: a long quote with a
 * lookalike is rarer than a short one). Fitted by `npx tsx bench/anchoring/fit-weights.ts`, by
 * maximum likelihood on benchmark articles with seeds apart from those the benchmark reports.
 */
export const WEIGHTS: Record<(typeof FEATURES)[number], number> = {
  prefixIntact: 1.24,
  prefixOneEdit: -0.34,
  prefixTwoEdits: -0.12,
  prefixThreeOrFourEdits: -0.55,
  prefixChanged: -1.24,
  suffixIntact: 0.87,
  suffixOneEdit: -0.33,
  suffixTwoEdits: 0.21,
  suffixThreeOrFourEdits: -0.38,
  suffixChanged: -1.23,
  prefixAdjacent: 0.51,
  suffixAdjacent: 0.46,
  quoteEdits: -1.21,
  logShareAway: -0.34,
  logCharactersAway: -0.32,
  awayHalfPercent: 0.59,
  awayOnePercent: 0.78,
  awayTwoPercent: 0.12,
  awayFivePercent: -0.76,
  awayTenPercent: -0.29,
  awayTwentyPercent: -0.26,
  awayFortyPercent: -0.45,
  adjacentLead: 1.01,
  logNearerThanRivals: -0.24,
  alone: -0.45,
  contextSidesMissing: 0.51,
  positionMissing: 0.79,
};
export const ORPHAN_WEIGHTS = { base: 0.49, logQuoteLength: -0.81 };

/**
 * The probability of each candidate being the annotated text, and last of the quote being gone:
 * each option's share of exp(log-odds), from the candidates' features.
 */
export function probabilitiesOf(features: number[][], quoteLength: number, weights = WEIGHTS, orphan = ORPHAN_WEIGHTS): number[] {
  const vector = FEATURES.map((name) => weights[name]);
  const scores = features.map((f) => f.reduce((sum, value, k) => sum + value * vector[k]!, 0));
  scores.push(orphan.base + orphan.logQuoteLength * Math.log(quoteLength));
  const top = Math.max(...scores);
  const exps = scores.map((score) => Math.exp(score - top));
  const total = exps.reduce((sum, e) => sum + e, 0);
  return exps.map((e) => e / total);
}
