import { similarity } from "./edit-distance";
import { approximateOccurrences, exactOccurrences, MAX_OCCURRENCES } from "./quote-search";
import type { Selector, TextPositionSelector, TextQuoteSelector } from "./selectors";

/**
 * Where an annotation sits in a text, and how sure we are. `confidence` runs from 0 to 1:
 * 1 is the quote exactly, with its context (or, after `reanchor`, exactly where the revision put it);
 * 0.75 to 1 is the quote exactly with its context partly changed, or a small edit inside the quote
 * (a typo fix, a changed number) in agreeing context; below 0.75 means "check the placement":
 * the quote was edited in changed surroundings, or chosen among lookalikes by its old position.
 */
export type Anchor = { start: number; end: number; confidence: number };

export const PLACEMENT_CONFIDENCE = 0.75;

/** Selectors as stored: prefix and suffix may be missing on quotes imported from other tools. */
export type StoredSelector = Selector | TextPositionSelector | { type: "TextQuoteSelector"; exact: string; prefix?: string; suffix?: string };

/**
 * An edited quote must keep four characters in five. Typo fixes and changed numbers cost one to
 * three edits in a sentence; a quote further off than this is a rewritten claim, which should
 * come back as an orphan for a person to re-attach rather than sit on text that says something else.
 */
export const MAX_ERROR_RATE = 0.2;

/**
 * How much of its context (prefix and suffix similarity, see `contextAgreement`) a candidate needs.
 * Unrelated English text agrees 0.2 to 0.4 by chance, so 0.55 demands that part of the context
 * really is the old one. A long exact quote is itself strong evidence and needs less: a lookalike
 * of 60+ identical characters is a copy, and copies are what the ambiguity margin is for.
 */
function requiredContext(quoteLength: number, exact: boolean): number {
  if (!exact) return 0.6;
  if (quoteLength >= 60) return 0.3;
  if (quoteLength >= 25) return 0.45;
  return 0.55;
}

/**
 * Two candidates whose scores (quote similarity + context agreement, up to 2) are this close are
 * lookalikes the selectors cannot tell apart: hypothesis/client#7571 is what happens when the
 * first of them is taken anyway. Only the old position may then decide, and only clearly.
 */
const AMBIGUITY_MARGIN = 0.1;
/** The nearest lookalike wins only if the next one is at least this many times further from the old position. */
const HINT_DOMINANCE = 3;

type Candidate = { start: number; end: number; quoteSimilarity: number; context: number; score: number };

/** How well the text around [start, end) agrees with the selector's prefix and suffix, 0 to 1, weighted by their lengths. */
export function contextAgreement(text: string, start: number, end: number, quote: TextQuoteSelector): number {
  const { prefix, suffix } = quote;
  if (prefix.length + suffix.length === 0) return 1;
  const before = similarity(prefix, text.slice(Math.max(0, start - prefix.length), start));
  const after = similarity(suffix, text.slice(end, end + suffix.length));
  return (before * prefix.length + after * suffix.length) / (prefix.length + suffix.length);
}

/** The quote and position selectors among `selectors`, with missing context read as empty. */
export function readSelectors(selectors: readonly StoredSelector[]): { quote: TextQuoteSelector | null; position: TextPositionSelector | null } {
  let quote: TextQuoteSelector | null = null;
  let position: TextPositionSelector | null = null;
  for (const selector of selectors) {
    if (selector.type === "TextQuoteSelector" && "exact" in selector && selector.exact.length > 0) {
      quote = { type: "TextQuoteSelector", exact: selector.exact, prefix: selector.prefix ?? "", suffix: selector.suffix ?? "" };
    } else if (selector.type === "TextPositionSelector") position = selector;
  }
  return { quote, position };
}

function candidate(text: string, quote: TextQuoteSelector, start: number, end: number, errors: number): Candidate {
  const quoteSimilarity = 1 - errors / quote.exact.length;
  const context = contextAgreement(text, start, end, quote);
  return { start, end, quoteSimilarity, context, score: quoteSimilarity + context };
}

function confidenceOf(best: Candidate): number {
  return best.quoteSimilarity ** 2 * (0.5 + 0.5 * best.context);
}

/** Among lookalikes, the one nearest the old position if it is clearly the nearest; otherwise none. */
function tieBreak(tied: Candidate[], hint: number | undefined): Candidate | null {
  if (hint === undefined) return null;
  const byDistance = tied.map((c) => ({ c, distance: Math.abs(c.start - hint) })).sort((a, b) => a.distance - b.distance);
  const [nearest, next] = byDistance;
  if (!nearest || !next || nearest.distance * HINT_DOMINANCE >= next.distance) return null;
  return nearest.c;
}

function choose(candidates: Candidate[], quote: TextQuoteSelector, hint: number | undefined): Anchor | null {
  const acceptable = candidates.filter((c) => c.context >= requiredContext(quote.exact.length, c.quoteSimilarity === 1));
  if (acceptable.length === 0) return null;
  const best = acceptable.reduce((a, b) => (b.score > a.score ? b : a));
  const tied = candidates.filter((c) => c.score >= best.score - AMBIGUITY_MARGIN);
  if (tied.length === 1) return { start: best.start, end: best.end, confidence: confidenceOf(best) };
  const chosen = tieBreak(tied, hint);
  if (!chosen || !acceptable.includes(chosen)) return null;
  return { start: chosen.start, end: chosen.end, confidence: Math.min(0.74, confidenceOf(chosen)) };
}

/**
 * Where the annotation described by `selectors` belongs in `text`, without knowing the text it was
 * made on: an exact occurrence of the quote whose context agrees, else an approximate one (a small
 * edit inside the quote) whose context agrees. Returns null, an orphan, when the quote is gone,
 * changed too much, or occurs in places the selectors cannot tell apart: a wrong anchor is worse
 * than an honest orphan. The position selector only breaks ties between lookalikes.
 */
export function anchor(text: string, selectors: readonly StoredSelector[]): Anchor | null {
  const { quote, position } = readSelectors(selectors);
  if (!quote) return null;
  const { exact } = quote;
  const hint = position?.start;
  // The unchanged case, and the cheap one: the quote is still where it was, in its own context.
  if (position && text.startsWith(exact, position.start) && contextAgreement(text, position.start, position.start + exact.length, quote) === 1) {
    return { start: position.start, end: position.start + exact.length, confidence: 1 };
  }
  const starts = exactOccurrences(text, exact);
  if (starts.length > MAX_OCCURRENCES) return null;
  const exactCandidates = starts.map((start) => candidate(text, quote, start, start + exact.length, 0));
  const exactAnchor = choose(exactCandidates, quote, hint);
  if (exactAnchor) return exactAnchor;

  const maxErrors = Math.floor(exact.length * MAX_ERROR_RATE);
  if (maxErrors === 0) return null;
  const approximate = approximateOccurrences(text, quote, maxErrors)
    .filter((match) => match.errors > 0)
    .map((match) => candidate(text, quote, match.start, match.end, match.errors));
  return choose([...exactCandidates, ...approximate], quote, hint);
}
