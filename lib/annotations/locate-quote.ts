import { describe, type TextPositionSelector, type TextQuoteSelector } from "@/lib/anchoring";
import { Invalid } from "@/lib/errors";

type Selectors = (TextQuoteSelector | TextPositionSelector | { type: "TextQuoteSelector"; exact: string; prefix?: string; suffix?: string })[];

function contextMatches(text: string, start: number, end: number, prefix?: string, suffix?: string): boolean {
  return (!prefix || text.slice(0, start).endsWith(prefix)) && (!suffix || text.slice(end).startsWith(suffix));
}

const refuse = (message: string) => new Invalid(message, { selectors: message });

/**
 * Where the selectors point in `text`, exactly: the TextPositionSelector must hold the quote
 * (and the quote's context must match), or, without one, the quote and its context must occur exactly once.
 * Returns the normalized selectors (32 characters of context) of that span.
 * @throws Invalid when the selectors do not match the text or are ambiguous.
 */
export function locateQuote(text: string, selectors: Selectors): [TextQuoteSelector, TextPositionSelector] {
  const quote = selectors.find((s) => s.type === "TextQuoteSelector");
  const position = selectors.find((s): s is TextPositionSelector => s.type === "TextPositionSelector");
  if (!quote || !("exact" in quote)) throw refuse("needs a TextQuoteSelector with the quoted text");
  if (!quote.exact.trim()) throw refuse("the quote must contain more than white space");

  if (position) {
    if (position.end > text.length || position.start >= position.end) {
      throw refuse(`the TextPositionSelector [${position.start}, ${position.end}) is outside the article's text`);
    }
    if (text.slice(position.start, position.end) !== quote.exact) {
      throw refuse("the quote does not match the article's text at the TextPositionSelector's offsets");
    }
    if (!contextMatches(text, position.start, position.end, quote.prefix, quote.suffix)) {
      throw refuse("the quote's prefix or suffix does not match the article's text around it");
    }
    return describe(text, position.start, position.end);
  }

  const matches: number[] = [];
  for (let at = text.indexOf(quote.exact); at !== -1; at = text.indexOf(quote.exact, at + 1)) {
    if (contextMatches(text, at, at + quote.exact.length, quote.prefix, quote.suffix)) matches.push(at);
  }
  if (matches.length === 0) throw refuse("the quote does not occur in the article's text");
  if (matches.length > 1) {
    throw refuse(`the quote occurs ${matches.length} times; add a TextPositionSelector or a longer prefix or suffix`);
  }
  return describe(text, matches[0]!, matches[0]! + quote.exact.length);
}
