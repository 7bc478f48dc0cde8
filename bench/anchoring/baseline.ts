import approxSearch from "approx-string-match";
import type { Anchor, Selector, TextQuoteSelector } from "@/lib/anchoring";

/**
 * The approach of the Hypothesis client (src/annotator/anchoring/match-quote.ts and html.ts),
 * rewritten from its description as the benchmark's baseline: the position selector if the text
 * there is still the quote; else exact occurrences of the quote, or failing those, Myers'
 * approximate search with at most quote length / 2 errors (capped at 256); candidates ranked by
 * similarity of quote, prefix, suffix and position weighted 50/20/20/2; the best taken, no threshold.
 */

type Match = { start: number; end: number; errors: number };

function search(text: string, pattern: string, maxErrors: number): Match[] {
  const exact: Match[] = [];
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) exact.push({ start: at, end: at + pattern.length, errors: 0 });
  return exact.length > 0 ? exact : approxSearch(text, pattern, maxErrors);
}

function textMatchScore(text: string, pattern: string): number {
  if (pattern.length === 0 || text.length === 0) return 0;
  const [best] = search(text, pattern, pattern.length);
  return best ? 1 - best.errors / pattern.length : 0;
}

function matchQuote(text: string, quote: TextQuoteSelector, hint: number | undefined): Anchor | null {
  const matches = search(text, quote.exact, Math.min(256, quote.exact.length / 2));
  let best: Anchor | null = null;
  for (const match of matches) {
    const quoteScore = 1 - match.errors / quote.exact.length;
    const prefixScore = quote.prefix ? textMatchScore(text.slice(Math.max(0, match.start - quote.prefix.length), match.start), quote.prefix) : 1;
    const suffixScore = quote.suffix ? textMatchScore(text.slice(match.end, match.end + quote.suffix.length), quote.suffix) : 1;
    const positionScore = hint === undefined ? 1 : 1 - Math.abs(match.start - hint) / text.length;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * positionScore) / 92;
    if (!best || score > best.confidence) best = { start: match.start, end: match.end, confidence: score };
  }
  return best;
}

/** Hypothesis-style anchoring of one annotation: never an orphan while anything resembles the quote. */
export function hypothesisAnchor(text: string, selectors: Selector[]): Anchor | null {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === "TextQuoteSelector");
  const position = selectors.find((s) => s.type === "TextPositionSelector");
  if (!quote) return null;
  if (position && text.slice(position.start, position.end) === quote.exact) return { start: position.start, end: position.end, confidence: 1 };
  return matchQuote(text, quote, position?.start);
}
