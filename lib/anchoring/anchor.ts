import { editDistance } from "./edit-distance";
import { approximateOccurrences, exactOccurrences, MAX_OCCURRENCES } from "./quote-search";
import { CONTEXT_LENGTH, type Selector, type TextPositionSelector, type TextQuoteSelector } from "./selectors";

/**
 * Where an annotation sits in a text, and how sure we are. `confidence` runs from 0 to 1:
 * 1 is the quote exactly, with its context (or, after `reanchor`, exactly where the revision put it);
 * PLACEMENT_CONFIDENCE (0.75) to 1 is the quote, or a small edit of it, in all but intact context,
 * with no lookalike near it; below means "check the placement": the context changed, or the
 * placement was chosen among lookalikes by its old position, or lies far from it.
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
 * What a side of context (the 32 characters before or after the quote) says about a candidate,
 * by the edits between the old context and the text there: intact, one edit (a typo fixed), two (a
 * figure changed), three or four (a name or a figure changed: a sentence from the same mould), or
 * more (another sentence next to it). A context the selector does not have says little either way.
 */
const SIDE_EVIDENCE = [3, 2, 1, 0, 0] as const;
const CHANGED_SIDE_EVIDENCE = -1;
const NO_CONTEXT_EVIDENCE = 1.5;
/**
 * Context still intact right next to the quote weighs as much again, in proportion: a sentence
 * from the same mould differs near the quote ("…understated for 4 years. ") where a sentence
 * inserted or deleted beside the real one leaves the other side whole.
 */
const ADJACENT_EVIDENCE = 3;
const INTACT_SIDE_EVIDENCE = SIDE_EVIDENCE[0] + ADJACENT_EVIDENCE;
/** Each edit inside the quote costs as much as an edit of its context, up to a sentence's worth. */
const QUOTE_EDIT_COST = 1;
const MAX_QUOTE_EDITS_COUNTED = 8;

/**
 * Evidence, in the units above, that a candidate is the annotated text. Candidates within this
 * margin of the best are lookalikes the selectors cannot tell apart (hypothesis/client#7571 is what
 * happens when the first of them is taken anyway); only the old position may then decide, and only
 * when the nearest is at most half as far from it as the next.
 */
const AMBIGUITY_MARGIN = 5;
const HINT_DOMINANCE = 2;
/** Below this a candidate is a lookalike whatever its rivals: too little on either side of it is the old context. */
const MIN_EVIDENCE = 2;
/**
 * Distance from the old position costs evidence, by its logarithm: one unit where the candidate
 * is 1.7% of the text away, about two at 6%, three at 20%, 4.6 across the whole text. A revision
 * shifts text by a few percent; a lookalike lies anywhere. Without a position selector nothing is
 * charged.
 */
const DISTANCE_SCALE = 0.01;

function distanceCost(start: number, hint: number | undefined, textLength: number): number {
  return hint === undefined ? 0 : Math.log((Math.abs(start - hint) / Math.max(1, textLength) + DISTANCE_SCALE) / DISTANCE_SCALE);
}

/**
 * A placement stands without "check placement" (confidence PLACEMENT_CONFIDENCE or more) only when
 * its evidence is strong (both sides all but intact), no rival comes near it, and it lies near the
 * old position, within this share of the text. Chosen by position among lookalikes, or far from
 * where it was, it is shown flagged: a wrong placement a person is asked to check is a lesser harm
 * than one shown as settled. On the anchoring benchmark at most 0.3% of unflagged placements are
 * wrong, against 1 to 3% of all placements (`npm run bench:anchoring`).
 */
const SURE_EVIDENCE = 7;
const SURE_LEAD = 6;
const SURE_DISTANCE = 0.05;

type Candidate = { start: number; end: number; evidence: number };

/** What one side of context says: see SIDE_EVIDENCE and ADJACENT_EVIDENCE. `adjacent` counts the characters intact next to the quote. */
function sideEvidence(context: string, actual: string, adjacent: number): number {
  if (context.length === 0) return NO_CONTEXT_EVIDENCE;
  return (SIDE_EVIDENCE[editDistance(context, actual)] ?? CHANGED_SIDE_EVIDENCE) + (ADJACENT_EVIDENCE * adjacent) / context.length;
}

/** How many characters `a` and `b` share counted from their ends (`fromEnd`) or their starts. */
function sharedRun(a: string, b: string, fromEnd: boolean): number {
  let n = 0;
  const [i, j] = fromEnd ? [a.length - 1, b.length - 1] : [0, 0];
  const step = fromEnd ? -1 : 1;
  while (n < a.length && n < b.length && a.charCodeAt(i + step * n) === b.charCodeAt(j + step * n)) n++;
  return n;
}

/** The evidence that [start, end), with `errors` edits from the quote, is the annotated text. */
function evidenceAt(text: string, start: number, end: number, errors: number, quote: TextQuoteSelector): number {
  const prefix = quote.prefix.slice(-CONTEXT_LENGTH);
  const suffix = quote.suffix.slice(0, CONTEXT_LENGTH);
  const [before, after] = [text.slice(Math.max(0, start - prefix.length), start), text.slice(end, end + suffix.length)];
  const evidence = sideEvidence(prefix, before, sharedRun(prefix, before, true)) + sideEvidence(suffix, after, sharedRun(suffix, after, false));
  return evidence - QUOTE_EDIT_COST * Math.min(errors, MAX_QUOTE_EDITS_COUNTED);
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

/** How sure a placement is: see SURE_EVIDENCE. Flagged placements keep below PLACEMENT_CONFIDENCE, ordered by their evidence. */
function confidenceOf(evidence: number, sure: boolean): number {
  if (sure) return Math.min(1, PLACEMENT_CONFIDENCE + ((1 - PLACEMENT_CONFIDENCE) * (evidence - SURE_EVIDENCE)) / (2 * INTACT_SIDE_EVIDENCE - SURE_EVIDENCE));
  return Math.max(0.05, Math.min(PLACEMENT_CONFIDENCE - 0.01, 0.2 + 0.045 * evidence));
}

/** The candidate the evidence points to, the nearest of the best when they tie and the old position clearly decides, or none. */
function choose(candidates: Candidate[], text: string, hint: number | undefined): Anchor | null {
  if (candidates.length === 0) return null;
  const ranked = [...candidates].sort((a, b) => b.evidence - a.evidence);
  const [best, second] = [ranked[0]!, ranked[1]];
  const lead = second ? best.evidence - second.evidence : Infinity;
  if (lead >= AMBIGUITY_MARGIN) {
    if (best.evidence < MIN_EVIDENCE) return null;
    const near = hint === undefined || Math.abs(best.start - hint) <= SURE_DISTANCE * text.length;
    const sure = best.evidence >= SURE_EVIDENCE && lead >= SURE_LEAD && near;
    return { start: best.start, end: best.end, confidence: confidenceOf(best.evidence, sure) };
  }
  if (hint === undefined) return null;
  const tied = ranked.filter((c) => c.evidence >= best.evidence - AMBIGUITY_MARGIN).sort((a, b) => Math.abs(a.start - hint) - Math.abs(b.start - hint));
  const [nearest, next] = [tied[0]!, tied[1]!];
  if (Math.abs(nearest.start - hint) * HINT_DOMINANCE >= Math.abs(next.start - hint) || nearest.evidence < MIN_EVIDENCE) return null;
  return { start: nearest.start, end: nearest.end, confidence: confidenceOf(nearest.evidence, false) };
}

/**
 * Where the annotation described by `selectors` belongs in `text`, without knowing the text it was
 * made on. Candidates are the exact occurrences of the quote and its approximate ones (a few edits
 * inside it); each is weighed by how intact the old context is on either side of it, less the edits
 * inside the quote. The best wins when no rival comes near it; among lookalikes the old position
 * decides, but only clearly, and the placement is flagged. Returns null, an orphan, when the quote
 * is gone, changed too much, or sits among lookalikes nothing tells apart: a wrong anchor is worse
 * than an honest orphan.
 */
export function anchor(text: string, selectors: readonly StoredSelector[]): Anchor | null {
  const { quote, position } = readSelectors(selectors);
  if (!quote) return null;
  const { exact } = quote;
  const hint = position?.start;
  const intact = intactEvidence(quote);
  // The unchanged case, and the cheap one: the quote is still where it was, in its own context.
  if (position && text.startsWith(exact, position.start) && evidenceAt(text, position.start, position.start + exact.length, 0, quote) === intact) {
    return { start: position.start, end: position.start + exact.length, confidence: 1 };
  }
  const starts = exactOccurrences(text, exact);
  if (starts.length > MAX_OCCURRENCES) return null;
  const withDistance = (c: Candidate): Candidate => ({ ...c, evidence: c.evidence - distanceCost(c.start, hint, text.length) });
  const exactOnes = starts.map((start) => ({ start, end: start + exact.length, evidence: evidenceAt(text, start, start + exact.length, 0, quote) }));
  // The quote moved, context and all, not far, and nothing else reads the same: edited lookalikes are at least an edit behind.
  const intactOnes = exactOnes.filter((c) => c.evidence === intact);
  const only = intactOnes.length === 1 ? intactOnes[0]! : null;
  if (only && (hint === undefined || Math.abs(only.start - hint) <= SURE_DISTANCE * text.length)) return { start: only.start, end: only.end, confidence: 1 };

  // Edited occurrences are sought only when no occurrence is intact: an edit behind an intact copy, they could only join
  // a tie among copies, which the old position settles as well without them.
  const maxErrors = intactOnes.length > 0 ? 0 : Math.floor(exact.length * MAX_ERROR_RATE);
  const approximate = maxErrors === 0 ? [] : approximateOccurrences(text, quote, maxErrors).filter((match) => match.errors > 0);
  const edited = approximate.map((m) => ({ start: m.start, end: m.end, evidence: evidenceAt(text, m.start, m.end, m.errors, quote) }));
  const candidates = [...exactOnes, ...edited].map(withDistance);
  return choose(candidates, text, hint);
}

/** The evidence of the quote itself with both sides of its context intact. */
function intactEvidence(quote: TextQuoteSelector): number {
  const side = (context: string) => (context.length === 0 ? NO_CONTEXT_EVIDENCE : INTACT_SIDE_EVIDENCE);
  return side(quote.prefix) + side(quote.suffix);
}
