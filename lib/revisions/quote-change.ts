import { editDistance } from "@/lib/anchoring/edit-distance";

/**
 * How a revision changed the words of a claim it carried along: the words that differ, before and
 * after, with one word on either side for context and "…" where more of the quote is the same
 * (“…was 7 to 2.” → “…was 8 to 1.”).
 */
export type QuoteChange = { before: string; after: string; wordsChanged: boolean };

const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);
const digitsOf = (word: string) => word.replace(/\D/g, "");
const lettersOf = (word: string) => word.replace(/[^\p{L}]/gu, "").toLowerCase();

/**
 * A typo fixed in a word, not another word: the same figures, the same first letter (a million is
 * not a billion), at least five letters, and at most two letters added, dropped or swapped, a third
 * of the word at most ("goverment", "recieved", "seperate"). Punctuation at its edges may change too.
 */
function isTypoFix(before: string, after: string): boolean {
  if (digitsOf(before) !== digitsOf(after)) return false;
  const [a, b] = [lettersOf(before), lettersOf(after)];
  if (a === b) return true;
  const distance = editDistance(a, b);
  return a[0] === b[0] && Math.min(a.length, b.length) >= 5 && distance <= 2 && 3 * distance <= Math.max(a.length, b.length);
}

/**
 * What changed between a claim's quote before and after a revision, word by word, or null when
 * only white space did. `wordsChanged` is false when every changed word is a typo fixed; otherwise
 * a word was added, removed or replaced, or a figure changed: what the claim says may have changed,
 * and a person should look at it before it stands as checked.
 */
export function quoteChange(before: string, after: string): QuoteChange | null {
  const [a, b] = [wordsOf(before), wordsOf(after)];
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const [removed, inserted] = [a.slice(head, a.length - tail), b.slice(head, b.length - tail)];
  if (removed.length === 0 && inserted.length === 0) return null;
  const wordsChanged = removed.length !== inserted.length || removed.some((word, i) => !isTypoFix(word, inserted[i]!));
  const [from, to] = [Math.max(0, head - 1), Math.max(0, tail - 1)];
  const shown = (words: string[]) => `${from > 0 ? "…" : ""}${words.slice(from, words.length - to).join(" ")}${to > 0 ? "…" : ""}`;
  return { before: shown(a), after: shown(b), wordsChanged };
}
