import { MISSPELLINGS, nearDuplicate, sentence, type Random } from "./article";

/**
 * A revised article with its ground truth: `origin[i]` is the offset in the first revision of the
 * character at offset i of the new one, or -1 for a character the revision added. Every edit
 * carries the map along, so the true place of every old character is known exactly.
 */
export type TrackedText = { text: string; origin: Int32Array };

/** What the benchmark did to an article, to print beside its results. */
export type EditCounts = Record<"typoFixes" | "changedNumbers" | "insertedSentences" | "deletedSentences" | "deletedParagraphs" | "movedParagraphs" | "nearDuplicates", number>;

function splice(doc: TrackedText, start: number, end: number, text: string, origin: Int32Array): TrackedText {
  const merged = new Int32Array(doc.origin.length - (end - start) + origin.length);
  merged.set(doc.origin.subarray(0, start), 0);
  merged.set(origin, start);
  merged.set(doc.origin.subarray(end), start + origin.length);
  return { text: doc.text.slice(0, start) + text + doc.text.slice(end), origin: merged };
}

/**
 * Replaces [start, end) by `text` as a substitution: the common prefix and suffix keep their origins,
 * and the changed middle maps character for character onto the old middle as far as both reach
 * ("12" to "15" keeps both places; "goverment" to "government" keeps all but the added "n").
 */
function substitute(doc: TrackedText, start: number, end: number, text: string): TrackedText {
  const old = doc.text.slice(start, end);
  let head = 0;
  while (head < old.length && head < text.length && old[head] === text[head]) head++;
  let tail = 0;
  while (tail < old.length - head && tail < text.length - head && old[old.length - 1 - tail] === text[text.length - 1 - tail]) tail++;
  const origin = new Int32Array(text.length).fill(-1);
  for (let i = 0; i < text.length; i++) {
    if (i < head) origin[i] = doc.origin[start + i]!;
    else if (i >= text.length - tail) origin[i] = doc.origin[end - (text.length - i)]!;
    else if (start + i < end - tail) origin[i] = doc.origin[start + i]!;
  }
  return splice(doc, start, end, text, origin);
}

const insert = (doc: TrackedText, at: number, text: string) => splice(doc, at, at, text, new Int32Array(text.length).fill(-1));
const remove = (doc: TrackedText, start: number, end: number) => splice(doc, start, end, "", new Int32Array(0));

function matchesOf(text: string, pattern: RegExp): { start: number; end: number }[] {
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Paragraph spans, each with its line break when it has one. */
const paragraphSpans = (text: string) => matchesOf(text, /[^\n]+\n?/g);
/** Sentences: up to a full stop followed by a space, a line break or the end. */
const sentenceSpans = (text: string) => matchesOf(text, /[^\n ][^\n]*?\.(?= |\n|$)/g);

/**
 * Old offsets of the paragraphs that near-duplicates were copied from. Such a paragraph is not
 * deleted afterwards: its copy elsewhere would then read exactly as the paragraph moved and edited,
 * and which of the two the revision did is a coin toss no method, with history or without, could
 * be graded on.
 */
type Copied = Set<number>;

type Edit = (doc: TrackedText, random: Random, copied: Copied) => TrackedText | null;

const EDITS: Record<keyof EditCounts, Edit> = {
  typoFixes(doc, random) {
    const wrongToRight = new Map(Object.entries(MISSPELLINGS).map(([right, wrong]) => [wrong, right]));
    const typos = matchesOf(doc.text, new RegExp(`\\b(${[...wrongToRight.keys()].join("|")})\\b`, "g"));
    if (typos.length === 0) return null;
    const typo = random.pick(typos);
    return substitute(doc, typo.start, typo.end, wrongToRight.get(doc.text.slice(typo.start, typo.end))!);
  },
  changedNumbers(doc, random) {
    const numbers = matchesOf(doc.text, /\d+/g);
    const target = random.pick(numbers);
    return substitute(doc, target.start, target.end, String(Number(doc.text.slice(target.start, target.end)) + 1 + random.int(50)));
  },
  insertedSentences(doc, random) {
    const after = random.pick(sentenceSpans(doc.text));
    return insert(doc, after.end, " " + sentence(random, false));
  },
  deletedSentences(doc, random) {
    // Not one of two identical sentences side by side: which of them went is not in the text.
    const sentences = sentenceSpans(doc.text);
    const textOf = (s: { start: number; end: number } | undefined) => s && doc.text.slice(s.start, s.end);
    const target = random.pick(sentences.filter((s, i) => textOf(s) !== textOf(sentences[i - 1]) && textOf(s) !== textOf(sentences[i + 1])));
    const withSpace = doc.text[target.end] === " " ? target.end + 1 : target.end;
    return remove(doc, target.start, withSpace);
  },
  deletedParagraphs(doc, random, copied) {
    const spans = paragraphSpans(doc.text).filter((p) => !doc.origin.subarray(p.start, p.end).some((old) => copied.has(old)));
    if (spans.length === 0) return null;
    const target = random.pick(spans);
    return remove(doc, target.start, target.end);
  },
  movedParagraphs(doc, random) {
    const spans = paragraphSpans(doc.text);
    const moved = random.pick(spans);
    if (!doc.text.endsWith("\n", moved.end)) return null;
    const [text, origin] = [doc.text.slice(moved.start, moved.end), doc.origin.slice(moved.start, moved.end)];
    const without = remove(doc, moved.start, moved.end);
    const to = random.pick(paragraphSpans(without.text)).start;
    return splice(without, to, to, text, origin);
  },
  nearDuplicates(doc, random, copied) {
    const spans = paragraphSpans(doc.text);
    const from = random.pick(spans);
    for (const old of doc.origin.subarray(from.start, from.end)) if (old >= 0) copied.add(old);
    const source = doc.text.slice(from.start, from.end).replace(/\n$/, "");
    const to = random.pick(spans).start;
    return insert(doc, to, nearDuplicate(random, source) + "\n");
  },
};

/** Edits per 1,000 words of article, and at least one of each per article. */
const RATES: EditCounts = { typoFixes: 4, changedNumbers: 4, insertedSentences: 2, deletedSentences: 2, deletedParagraphs: 0.3, movedParagraphs: 0.6, nearDuplicates: 0.6 };

/** A revision of `text` with tracked edits in random order, at RATES, and what was done. */
export function revise(text: string, words: number, random: Random): TrackedText & { edits: EditCounts } {
  const plan: (keyof EditCounts)[] = [];
  for (const [kind, rate] of Object.entries(RATES) as [keyof EditCounts, number][]) {
    for (let k = Math.max(1, Math.round((rate * words) / 1000)); k > 0; k--) plan.push(kind);
  }
  const edits = Object.fromEntries(Object.keys(RATES).map((kind) => [kind, 0])) as EditCounts;
  let doc: TrackedText = { text, origin: Int32Array.from({ length: text.length }, (_, i) => i) };
  const copied: Copied = new Set();
  while (plan.length > 0) {
    const kind = plan.splice(random.int(plan.length), 1)[0]!;
    const next = EDITS[kind](doc, random, copied);
    if (next) [doc, edits[kind]] = [next, edits[kind] + 1];
  }
  return { ...doc, edits };
}
