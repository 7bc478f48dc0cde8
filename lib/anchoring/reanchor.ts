import { anchor, readSelectors, type Anchor, type StoredSelector } from "./anchor";
import { align, similarity } from "./edit-distance";
import { mapRevision, type RevisionMap } from "./revision-map";

/**
 * A quote carried to its new place that still keeps four characters in five is the same claim,
 * edited (a typo fixed, a number changed); it keeps its place, with a confidence that says so.
 * The same rate as `anchor`'s MAX_ERROR_RATE, so both functions agree on what "survives" means.
 */
const SAME_CLAIM = 0.8;
/**
 * Between half and four fifths the claim was partly rewritten. The revision map still knows it is
 * the same sentence, so it stays, flagged "check placement"; below half it is another claim and
 * becomes an orphan.
 */
const REWRITTEN_CLAIM = 0.5;
/**
 * How far the ends of a mapped quote may move when it is realigned: a changed word at either end,
 * or a quarter of a long quote whose first words the difference gave to a deleted neighbour that
 * began alike ("According to the …"). Further, and the alignment would rather drop a sentence
 * inserted inside the quote than keep it.
 */
const REALIGN_SLACK = 16;
const realignSlack = (quote: string) => Math.max(REALIGN_SLACK, Math.ceil(quote.length / 4));
/**
 * Where the revision map has lost the annotation (its paragraph deleted or rewritten beyond
 * recognition), `anchor` may still find it in a paragraph the new revision added (a paragraph
 * moved and rewritten), but only confidently and only word for word: anything it finds elsewhere
 * is the image of other old text, a lookalike by definition; a sentence inserted into a kept
 * paragraph is new text, not the lost one; and an edited quote in a new paragraph is as likely a
 * copy of the paragraph with other figures as the paragraph itself.
 */
const FALLBACK_CONFIDENCE = 0.75;

/** The old span of the annotation: its position selector when that still holds the quote, else its quote anchored in the old text. */
function oldSpan(oldText: string, selectors: readonly StoredSelector[]): { start: number; end: number; quote: string } | null {
  const { quote, position } = readSelectors(selectors);
  if (!quote) return null;
  if (position && oldText.startsWith(quote.exact, position.start)) {
    return { start: position.start, end: position.start + quote.exact.length, quote: quote.exact };
  }
  const found = anchor(oldText, selectors);
  return found && { start: found.start, end: found.end, quote: quote.exact };
}

/**
 * The quote realigned around its mapped place, so an edited word at either end is included whole;
 * never narrowed.
 * It may grow over text the revision added, or over kept text that is the quote's own first or last
 * characters: growing over other kept text would take in the old neighbours of a quote whose first
 * or last sentence was deleted. It never grows across a line break into another paragraph.
 */
function realigned(newText: string, revision: RevisionMap, quote: string, start: number, end: number): Anchor {
  const slack = realignSlack(quote);
  const match = align(quote, newText, Math.max(0, start - slack), Math.min(newText.length, end + slack));
  const mapped = similarity(quote, newText.slice(start, end));
  const aligned = 1 - match.errors / quote.length;
  const nearby = Math.abs(match.start - start) <= slack && Math.abs(match.end - end) <= slack;
  const growsAtStart = match.start < start && !revision.isInserted(match.start, start) && !quote.startsWith(newText.slice(match.start, start));
  const growsAtEnd = match.end > end && !revision.isInserted(end, match.end) && !quote.endsWith(newText.slice(end, match.end));
  const growsOverKeptText = growsAtStart || growsAtEnd;
  const growsIntoOtherParagraph = !quote.includes("\n") && (newText.slice(match.start, start) + newText.slice(end, match.end)).includes("\n");
  // Only ever grown: shrinking would drop an edited word at the edge ("59 jobs" became "101 jobs": dropping "101" costs fewer edits).
  const grows = match.start <= start && match.end >= end;
  return nearby && grows && aligned > mapped && !growsOverKeptText && !growsIntoOtherParagraph ? { start: match.start, end: match.end, confidence: aligned } : { start, end, confidence: mapped };
}

function reanchorOne(oldText: string, newText: string, revision: RevisionMap, selectors: readonly StoredSelector[]): Anchor | null {
  const span = oldSpan(oldText, selectors);
  if (!span) return anchor(newText, selectors);
  const mapped = revision.mapSpan(span.start, span.end);
  if (!mapped) {
    // Without its old position: a paragraph that moved far is no less the paragraph, and lookalikes it cannot tell apart stay orphans.
    const found = anchor(newText, selectors.filter((selector) => selector.type === "TextQuoteSelector"));
    const trusted = found && found.confidence >= FALLBACK_CONFIDENCE && revision.inNewParagraphs(found.start, found.end) && newText.slice(found.start, found.end) === span.quote;
    return trusted ? { ...found, confidence: found.confidence * 0.9 } : null;
  }
  if (mapped.end <= mapped.start) return null;
  if (newText.slice(mapped.start, mapped.end) === span.quote) return { ...mapped, confidence: 1 };
  const placed = realigned(newText, revision, span.quote, mapped.start, mapped.end);
  if (placed.confidence >= SAME_CLAIM) return placed;
  return placed.confidence >= REWRITTEN_CLAIM ? { ...placed, confidence: placed.confidence * 0.9 } : null;
}

/**
 * Where each annotation made on `oldText` belongs in `newText`, in order: null for one whose text
 * the revision deleted or rewrote. Follows the difference between the two revisions (moved
 * paragraphs included) and falls back to `anchor` only for what the difference lost, where it
 * accepts only confident anchors in text the new revision added.
 */
export function reanchor(oldText: string, newText: string, selectorsList: readonly (readonly StoredSelector[])[]): (Anchor | null)[] {
  if (oldText === newText) {
    return selectorsList.map((selectors) => {
      const span = oldSpan(oldText, selectors);
      return span && { start: span.start, end: span.end, confidence: 1 };
    });
  }
  const revision = mapRevision(oldText, newText);
  return selectorsList.map((selectors) => reanchorOne(oldText, newText, revision, selectors));
}
