import approxSearch from "approx-string-match";
import type { Alignment } from "./edit-distance";
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
/** A seed found more often than this is boilerplate: it votes nowhere rather than everywhere. */
const MAX_SEED_HITS = 400;
/**
 * Windows verified per search at most: the best-voted ones, where most seeds agree, and never one
 * a single seed voted for (at 500 words, two in three of those held no occurrence at all).
 */
const MAX_WINDOWS = 3;
const MIN_VOTES = 2;

type Seed = { piece: string; startOffset: number };
type Range = { from: number; to: number };

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

/** Predicted quote starts within `from` to `to`, one per seed hit, skipping seeds that hit too often. */
function predictedStarts(text: string, seeds: Seed[], { from, to }: Range): number[] {
  const predictions: number[] = [];
  for (const { piece, startOffset } of seeds) {
    const hits = [];
    for (let at = text.indexOf(piece, Math.max(0, from - startOffset)); at !== -1 && at + startOffset <= to && hits.length <= MAX_SEED_HITS; at = text.indexOf(piece, at + 1)) {
      hits.push(at);
    }
    if (hits.length <= MAX_SEED_HITS) for (const at of hits) predictions.push(at + startOffset);
  }
  return predictions.sort((a, b) => a - b);
}

/**
 * Places in `text` where the selector's quote occurs with at most `maxErrors` edits, found by
 * filter-then-verify: exact seeds (pieces of the quote, the ends of its prefix and suffix) vote
 * for where the quote starts, and the windows most seeds agree on are searched with Myers'
 * bit-parallel approximate matching (npm approx-string-match, as Hypothesis uses over whole texts).
 * Unlike a full approximate scan it can miss a quote whose every seed was edited; such a quote
 * has changed too much to anchor without history anyway. Exact occurrences are left out (the
 * caller finds those by indexOf), and `within` limits the search to quotes starting about there.
 * Among windows with as many votes, those `near` the old position are verified first.
 */
export function approximateOccurrences(text: string, selector: TextQuoteSelector, maxErrors: number, { within = { from: -Infinity, to: Infinity }, near }: { within?: Range; near?: number } = {}): Alignment[] {
  const predictions = predictedStarts(text, seedsOf(selector), within);
  const slack = maxErrors + MIN_SEED_LENGTH;
  const windows: { from: number; to: number; votes: number }[] = [];
  for (const start of predictions) {
    const last = windows.at(-1);
    if (last && start - slack <= last.to - selector.exact.length) {
      last.to = Math.max(last.to, start + selector.exact.length + slack);
      last.votes++;
    } else windows.push({ from: start - slack, to: start + selector.exact.length + slack, votes: 1 });
  }
  // A window holding the quote exactly has that for its best match: the exact occurrences are the caller's already.
  const edited = windows
    .map(({ from, to, votes }) => ({ from: Math.max(0, from), text: text.slice(Math.max(0, from), Math.min(text.length, to)), votes }))
    .filter((window) => !window.text.includes(selector.exact))
    .sort((a, b) => b.votes - a.votes || (near === undefined ? 0 : Math.abs(a.from - near) - Math.abs(b.from - near)));
  const found: Alignment[] = [];
  const fewestVotes = Math.max(MIN_VOTES, (edited[0]?.votes ?? 0) - 1);
  for (const window of edited.slice(0, MAX_WINDOWS)) {
    if (window.votes < fewestVotes) break;
    const [best] = approxSearch(window.text, selector.exact, maxErrors).sort((a, b) => a.errors - b.errors);
    const match = best && { start: window.from + best.start, end: window.from + best.end, errors: best.errors };
    if (match && !found.some((f) => f.start === match.start)) found.push(match);
  }
  return found;
}
