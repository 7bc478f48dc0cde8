import { similarity } from "@/lib/anchoring/edit-distance";
import { BOILERPLATE, type Random } from "./article";
import type { TrackedText } from "./revision";

/** An annotation made on the first revision: its span there. */
export type Span = { start: number; end: number };

/**
 * What became of an annotation's text in the revision.
 * - "survives": its characters that survived, from the first to the last, form a span whose text
 *   is within 20% edit distance of the old quote (unchanged, or a typo fixed, a number changed,
 *   a short word added). It must be placed there.
 * - "gone": none of its characters survived, they no longer sit in one span (split by a move),
 *   or what is left is less than half alike (a sentence of it deleted). It must be orphaned.
 * - "rewritten": in between (half to four fifths alike). Placing it on its true span and
 *   orphaning it are both right; placing it anywhere else is wrong.
 */
export type Fate = { status: "survives" | "gone" | "rewritten"; start: number; end: number };

const MIN_LENGTH = 10;
const MAX_LENGTH = 300;

/**
 * Distinct spans of 10 to 300 characters: whole sentences, clauses, runs of words (some across two
 * sentences), and boilerplate that occurs several times. Distinct, because two annotations on the
 * same span are one case counted twice: on a 2,000-word article half of 1,000 random picks would
 * repeat an earlier one, and a single ambiguous sentence would weigh as much as dozens of cases.
 */
export function pickSpans(text: string, count: number, random: Random): Span[] {
  const sentences = [...text.matchAll(/[^\n ][^\n]*?\.(?= |\n|$)/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const boilerplate = sentences.filter((s) => BOILERPLATE.includes(text.slice(s.start, s.end)));
  const spans: Span[] = [];
  const picked = new Set<string>();
  while (spans.length < count) {
    const kind = random.next();
    const at = random.int(sentences.length);
    const whole = kind < 0.1 && boilerplate.length > 0 ? random.pick(boilerplate) : sentences[at]!;
    let span: Span = whole;
    if (kind >= 0.35 && kind < 0.65) {
      const clauses = [...text.slice(whole.start, whole.end).matchAll(/[^,]+/g)];
      const clause = random.pick(clauses);
      const lead = clause[0].length - clause[0].trimStart().length;
      span = { start: whole.start + clause.index + lead, end: whole.start + clause.index + clause[0].length };
    } else if (kind >= 0.65) {
      // Word-aligned run: from a word start within the sentence, 2 to 40 words, possibly into the next sentence.
      const next = sentences[at + 1];
      const end = kind >= 0.9 && next && text[whole.end] === " " ? next.end : whole.end;
      const starts = [...text.slice(whole.start, end).matchAll(/(?<=^| )\S/g)].map((m) => whole.start + m.index);
      const start = random.pick(starts);
      const ends = [...text.slice(start, end).matchAll(/\S(?= |$)/g)].map((m) => start + m.index + 1);
      span = { start, end: ends[Math.min(ends.length - 1, 1 + random.int(40))]! };
    }
    const key = `${span.start}:${span.end}`;
    if (span.end - span.start >= MIN_LENGTH && span.end - span.start <= MAX_LENGTH && !picked.has(key)) {
      picked.add(key);
      spans.push(span);
    }
  }
  return spans;
}

/** The old offsets' places in the revision: -1 where the character was deleted. */
export function newOffsets(oldLength: number, revision: TrackedText): Int32Array {
  const places = new Int32Array(oldLength).fill(-1);
  revision.origin.forEach((old, i) => old >= 0 && (places[old] = i));
  return places;
}

/** What became of `span` in the revision, by the tracked map; see `Fate`. */
export function fateOf(oldText: string, span: Span, places: Int32Array, revision: TrackedText): Fate {
  let [first, last, previous] = [-1, -1, -1];
  for (let i = span.start; i < span.end; i++) {
    const place = places[i]!;
    if (place < 0) continue;
    if (place < previous) return { status: "gone", start: -1, end: -1 };
    if (first < 0) first = place;
    [last, previous] = [place, place];
  }
  if (first < 0 || last + 1 - first > 2 * (span.end - span.start)) return { status: "gone", start: -1, end: -1 };
  const alike = similarity(oldText.slice(span.start, span.end), revision.text.slice(first, last + 1));
  const status = alike >= 0.8 ? "survives" : alike >= 0.5 ? "rewritten" : "gone";
  return { status, start: first, end: last + 1 };
}
