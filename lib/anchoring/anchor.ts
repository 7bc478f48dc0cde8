import { candidateAt, featuresOf, isIntact, probabilitiesOf, type Candidate } from "./evidence";
import { approximateOccurrences, exactOccurrences, MAX_OCCURRENCES } from "./quote-search";
import { type Selector, type TextPositionSelector, type TextQuoteSelector } from "./selectors";

/**
 * Where an annotation sits in a text, and how sure we are. `confidence` runs from 0 to 1:
 * 1 is the quote exactly where it was, with its context (or, after `reanchor`, exactly where the
 * revision put it). Otherwise, from `anchor`, it is the probability that the placement is right;
 * PLACEMENT_CONFIDENCE (0.75) or more only for an all but certain placement near the old position,
 * and below it "check the placement": a lookalike could be the annotated text, or it lies far
 * from where it was.
 */
export type Anchor = { start: number; end: number; confidence: number };

/**
 * The confidence a placement needs to stand without a person's look: below it the app shows
 * "check placement" until someone confirms it.
 */
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
 * A placement needs this probability of being the annotated text, against its rivals and against
 * the quote being gone. Below it the annotation is an honest orphan: a wrong anchor is worse.
 */
const PLACE_PROBABILITY = 0.7;
/**
 * A placement stands without "check placement" (confidence PLACEMENT_CONFIDENCE or more) only when
 * it is all but certain and lies near the old position, within this share of the text. Found far
 * from where it was, it is shown flagged: a wrong placement a person is asked to check is a lesser
 * harm than one shown as settled. On the anchoring benchmark (`npm run bench:anchoring`) 0.5 to
 * 2.6% of placements are wrong, and at most 0.6% of the unflagged ones.
 */
const SURE_PROBABILITY = 0.98;
const SURE_DISTANCE = 0.05;
/** Full confidence is kept for the quote found exactly where it was, in its own context. */
const MAX_FOUND_CONFIDENCE = 0.99;

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

/**
 * The candidate most likely the annotated text, and how likely: each candidate's log-odds
 * (./evidence.ts) against its rivals' and against the quote being gone, as a probability.
 */
function likeliest(candidates: Candidate[], quoteLength: number, textLength: number): { candidate: Candidate; probability: number } | null {
  if (candidates.length === 0) return null;
  const probabilities = probabilitiesOf(featuresOf(candidates, textLength), quoteLength).slice(0, -1);
  const best = probabilities.indexOf(Math.max(...probabilities));
  return { candidate: candidates[best]!, probability: probabilities[best]! };
}

/** The likeliest candidate if likely enough, flagged unless all but certain and near the old position. */
function choose(candidates: Candidate[], quoteLength: number, textLength: number): Anchor | null {
  const found = likeliest(candidates, quoteLength, textLength);
  if (!found || found.probability < PLACE_PROBABILITY) return null;
  const { candidate: { start, end, distance }, probability } = found;
  const near = distance === undefined || distance <= SURE_DISTANCE * textLength;
  const sure = probability >= SURE_PROBABILITY && near;
  return { start, end, confidence: Math.min(probability, sure ? MAX_FOUND_CONFIDENCE : PLACEMENT_CONFIDENCE - 0.01) };
}

/**
 * Where the annotation described by `selectors` belongs in `text`, without knowing the text it was
 * made on. Candidates are the exact occurrences of the quote and its approximate ones (a few edits
 * inside it); each is weighed by how intact the old context is on either side of it, the edits
 * inside the quote, and its distance from the old position. The likeliest wins when it is likely
 * enough against its rivals and against the quote being gone; otherwise, an orphan: the quote is
 * gone, changed too much, or sits among lookalikes nothing tells apart (hypothesis/client#7571 is
 * what happens when the first of them is taken anyway). A wrong anchor is worse than an honest orphan.
 */
export function anchor(text: string, selectors: readonly StoredSelector[]): Anchor | null {
  const { quote, position } = readSelectors(selectors);
  if (!quote) return null;
  const { exact } = quote;
  const hint = position?.start;
  // The unchanged case, and the cheap one: the quote is still where it was, in its own context.
  if (position && text.startsWith(exact, position.start) && isIntact(candidateAt(text, position.start, position.start + exact.length, 0, quote, hint))) {
    return { start: position.start, end: position.start + exact.length, confidence: 1 };
  }
  return choose(candidatesOf(text, quote, hint), exact.length, text.length);
}

/**
 * The places `quote` may belong in `text`: its exact occurrences, and its edited ones unless one
 * occurrence is intact near the old position. With an intact occurrence only further away, edited
 * ones are sought nearer the old position than it, where the annotated text may sit with an edit
 * while the intact one is a lookalike; further away, an edit behind an intact copy, they could only
 * join a tie among copies. None when the quote occurs too often to tell anything.
 */
export function candidatesOf(text: string, quote: TextQuoteSelector, hint: number | undefined): Candidate[] {
  const { exact } = quote;
  const starts = exactOccurrences(text, exact);
  if (starts.length > MAX_OCCURRENCES) return [];
  const exactOnes = starts.map((start) => candidateAt(text, start, start + exact.length, 0, quote, hint));
  const intact = exactOnes.filter(isIntact);
  const nearest = Math.min(...intact.map((c) => c.distance ?? 0));
  if (intact.length > 0 && (hint === undefined || nearest <= SURE_DISTANCE * text.length)) return exactOnes;
  const within = intact.length > 0 && hint !== undefined ? { from: hint - nearest, to: hint + nearest } : undefined;
  const edited = approximateOccurrences(text, quote, Math.floor(exact.length * MAX_ERROR_RATE), { within, near: hint });
  return [...exactOnes, ...edited.map((m) => candidateAt(text, m.start, m.end, m.errors, quote, hint))];
}
