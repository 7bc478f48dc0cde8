import { align, type Alignment } from "./edit-distance";
import type { TextQuoteSelector } from "./selectors";

/**
 * Beyond this many exact occurrences a quote ("the", "said") tells nothing by itself and scoring
 * every one would cost more than it could earn: the caller gives up on it.
 */
export const MAX_OCCURRENCES = 1_000;

/** Where `quote` occurs exactly in `text`, in order; at most MAX_OCCURRENCES + 1 of them. */
export function exactOccurrences(text: string, quote: string): number[] {
  const starts: number[] = [];
  for (let at = text.indexOf(quote); at !== -1 && starts.length <= MAX_OCCURRENCES; at = text.indexOf(quote, at + 1)) {
    starts.push(at);
  }
  return starts;
}

/**
 * Seeds are exact substrings looked up with indexOf, each a full scan of the text. Eight of them
 * keep a search on a 300 KB article near a millisecond, and still leave several seeds intact
 * around the one or two words a revision usually changes in a sentence.
 */
const MAX_SEEDS = 8;
/** Shorter seeds ("the gove") occur everywhere and vote for nothing. */
const MIN_SEED_LENGTH = 10;
/** A seed found more often than this is boilerplate; its votes would drown the real ones. */
const MAX_SEED_HITS = 32;
/** Windows verified per search: the best-voted few; the rest are noise by then. */
const MAX_WINDOWS = 4;

type Seed = { piece: string; startOffset: number };

/** Pieces of the quote, and the ends of its context, with where each says the quote starts. */
function seedsOf(selector: TextQuoteSelector): Seed[] {
  const { exact, prefix, suffix } = selector;
  const count = Math.max(1, Math.min(MAX_SEEDS, Math.floor(exact.length / MIN_SEED_LENGTH)));
  const length = Math.floor(exact.length / count);
  const seeds: Seed[] = [];
  for (let k = 0; k < count; k++) seeds.push({ piece: exact.slice(k * length, (k + 1) * length), startOffset: -k * length });
  if (prefix.length >= MIN_SEED_LENGTH) seeds.push({ piece: prefix.slice(-MIN_SEED_LENGTH), startOffset: MIN_SEED_LENGTH });
  if (suffix.length >= MIN_SEED_LENGTH) seeds.push({ piece: suffix.slice(0, MIN_SEED_LENGTH), startOffset: -exact.length });
  return seeds;
}

/** Predicted quote starts, one per seed hit, skipping seeds that hit too often. */
function predictedStarts(text: string, seeds: Seed[]): number[] {
  const predictions: number[] = [];
  for (const { piece, startOffset } of seeds) {
    const hits = [];
    for (let at = text.indexOf(piece); at !== -1 && hits.length <= MAX_SEED_HITS; at = text.indexOf(piece, at + 1)) hits.push(at);
    if (hits.length <= MAX_SEED_HITS) for (const at of hits) predictions.push(at + startOffset);
  }
  return predictions.sort((a, b) => a - b);
}

/**
 * Places in `text` where the selector's quote occurs with at most `maxErrors` edits, found by
 * filter-then-verify: exact seeds (pieces of the quote, the ends of its prefix and suffix) vote
 * for where the quote starts, and the best-voted windows are aligned with the quote. Unlike a
 * full approximate scan it can miss a quote whose every seed was edited; such a quote has
 * changed too much to anchor without history anyway.
 */
export function approximateOccurrences(text: string, selector: TextQuoteSelector, maxErrors: number): Alignment[] {
  const predictions = predictedStarts(text, seedsOf(selector));
  const slack = maxErrors + MIN_SEED_LENGTH;
  const windows: { from: number; to: number; votes: number }[] = [];
  for (const start of predictions) {
    const last = windows.at(-1);
    if (last && start - slack <= last.to - selector.exact.length) {
      last.to = Math.max(last.to, start + selector.exact.length + slack);
      last.votes++;
    } else windows.push({ from: start - slack, to: start + selector.exact.length + slack, votes: 1 });
  }
  windows.sort((a, b) => b.votes - a.votes);
  const found: Alignment[] = [];
  for (const { from, to } of windows.slice(0, MAX_WINDOWS)) {
    const match = align(selector.exact, text, Math.max(0, from), Math.min(text.length, to));
    if (match.errors <= maxErrors && !found.some((f) => f.start === match.start)) found.push(match);
  }
  return found;
}
