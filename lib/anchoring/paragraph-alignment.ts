import { countsOf, dice, inOrder, wordsOf } from "./word-likeness";

/**
 * Which paragraph of a new revision each paragraph of the old one became, moves included.
 * Patience-style: paragraphs that occur once on each side and keep their order form the unmoved
 * skeleton; repeated paragraphs (boilerplate) go to the copy nearest their expected place; edited
 * paragraphs are paired in order within each gap of the skeleton; then identical paragraphs out of
 * order (moves); then edited leftovers by similarity, near their place, then anywhere (moved and
 * edited).
 */

/** A paragraph's span in its text: [start, end), its line break excluded. */
export type Paragraph = { start: number; end: number };

/** The paragraphs of `text`, split at line breaks; empty lines included, so indices follow the text. */
export function paragraphsOf(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let start = 0;
  for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
    paragraphs.push({ start, end });
    start = end + 1;
  }
  paragraphs.push({ start, end: text.length });
  return paragraphs;
}

/**
 * Edited paragraphs are paired when they are alike enough (`likeness`, 0 to 1). A typo fix or a
 * changed number leaves a paragraph of five sentences at about 0.9, an inserted sentence at about
 * 0.85, two edited sentences of three at about 0.65. A near-duplicate (the same paragraph with
 * other numbers) shares its words but few of its sentences and stays near 0.55; unrelated
 * paragraphs of one article share function words and stay below 0.3. Pairing anywhere (a moved
 * and edited paragraph) asks for more, since no position backs it.
 */
const SIMILAR_IN_PLACE = 0.6;
const SIMILAR_ANYWHERE = 0.7;
/** A paragraph alone in its gap on both sides is paired on the share of words it kept, `dice` of its words. */
const SIMILAR_WORDS_IN_GAP = 0.6;
/** Last, in place only: a paragraph that lost or gained sentences, by `containment`. */
const CONTAINED_IN_PLACE = 0.6;
/** Pairing leftovers anywhere compares every pair; past this many comparisons the rest stay unpaired (and fall back to `anchor`). */
const MAX_COMPARISONS = 40_000;
/** Indices of the longest increasing subsequence of `values`. */
function longestIncreasing(values: number[]): number[] {
  const tails: number[] = [];
  const previous = new Int32Array(values.length).fill(-1);
  values.forEach((value, i) => {
    let [low, high] = [0, tails.length];
    while (low < high) {
      const mid = (low + high) >> 1;
      if (values[tails[mid]!]! < value) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1]!;
    tails[low] = i;
  });
  const chain: number[] = [];
  for (let i = tails.at(-1) ?? -1; i !== -1; i = previous[i]!) chain.push(i);
  return chain.reverse();
}

/** Two sentences are the same one edited when they share this share of their words (`dice`): a fixed typo or a changed number leaves about 0.9. */
const SAME_SENTENCE_WORDS = 0.8;

type Profile = { words: Map<string, number>; sentences: Map<string, number>; sentenceWords: Map<string, number>[] };

function profileOf(text: string): Profile {
  const sentences = text.split(/(?<=[.!?]["'\u201d]?)\s+/);
  return { words: wordsOf(text), sentences: countsOf(sentences), sentenceWords: sentences.map(wordsOf) };
}

/**
 * Half the share of words two paragraphs have in common, half the share of whole sentences:
 * words recognise an edited paragraph, sentences tell it from a near-duplicate.
 */
function likeness(a: Profile, b: Profile): number {
  return (dice(a.words, b.words) + dice(a.sentences, b.sentences)) / 2;
}

/**
 * `likeness` with edited sentences counted as kept: the share of sentences that found an edited
 * self. Near-duplicates score as high as the paragraph itself, so this is only asked between
 * paragraphs whose order already places them (`inOrder` within a gap of the skeleton).
 */
function editedLikeness(a: Profile, b: Profile): number {
  const unused = [...b.sentenceWords];
  let kept = 0;
  for (const sentence of a.sentenceWords) {
    const match = unused.findIndex((other) => dice(sentence, other) >= SAME_SENTENCE_WORDS);
    if (match !== -1) [kept, unused[match]] = [kept + 1, new Map()];
  }
  const sentences = a.sentenceWords.length + b.sentenceWords.length;
  return (dice(a.words, b.words) + (sentences === 0 ? 1 : (2 * kept) / sentences)) / 2;
}

/**
 * How much of the shorter paragraph the longer one holds: its words, and its whole sentences (at
 * least two of them). A paragraph that lost or gained whole sentences holds all of the other's
 * words and most of its sentences while its likeness falls near a near-duplicate's.
 */
function containment(a: Profile, b: Profile): number {
  const [sharedSentences, fewerSentences] = overlap(a.sentences, b.sentences);
  if (sharedSentences < 2) return 0;
  const [sharedWords, fewerWords] = overlap(a.words, b.words);
  return Math.min(sharedWords / fewerWords, sharedSentences / fewerSentences);
}

/** Items the two counts share, and the smaller of the two totals. */
function overlap(a: Map<string, number>, b: Map<string, number>): [number, number] {
  let [shared, totalA, totalB] = [0, 0, 0];
  for (const [item, count] of a) {
    shared += Math.min(count, b.get(item) ?? 0);
    totalA += count;
  }
  for (const count of b.values()) totalB += count;
  return [shared, Math.max(1, Math.min(totalA, totalB))];
}

/** For each old paragraph, the index of the new paragraph it became, or -1 when it was deleted or rewritten. */
export function alignParagraphs(oldTexts: string[], newTexts: string[]): Int32Array {
  const newOfOld = new Int32Array(oldTexts.length).fill(-1);
  const oldOfNew = new Int32Array(newTexts.length).fill(-1);
  const pair = (o: number, n: number) => ((newOfOld[o] = n), (oldOfNew[n] = o));

  const occurrences = new Map<string, { olds: number[]; news: number[] }>();
  const entry = (text: string) => occurrences.get(text) ?? occurrences.set(text, { olds: [], news: [] }).get(text)!;
  oldTexts.forEach((text, o) => entry(text).olds.push(o));
  newTexts.forEach((text, n) => entry(text).news.push(n));

  const unique = [...occurrences.values()].filter((e) => e.olds.length === 1 && e.news.length === 1).map((e) => [e.olds[0]!, e.news[0]!] as const);
  unique.sort((a, b) => a[0] - b[0]);
  const skeleton = longestIncreasing(unique.map(([, n]) => n)).map((i) => unique[i]!);
  for (const [o, n] of skeleton) pair(o, n);
  // Identical paragraphs out of order are moves, paired after the edited paragraphs in place.
  const moved = unique.filter(([o]) => newOfOld[o] === -1);

  // Where an old paragraph would be in the new text if nothing near it moved: by its skeleton neighbours.
  const skeletonBefore = new Int32Array(oldTexts.length).fill(-1);
  const skeletonAfter = new Int32Array(oldTexts.length).fill(newTexts.length);
  const oldBefore = new Int32Array(oldTexts.length).fill(-1);
  // "Near its place": between the second skeleton paragraphs either side, in case its next neighbour is the one that moved.
  const nearFrom = new Int32Array(oldTexts.length).fill(-1);
  const nearTo = new Int32Array(oldTexts.length).fill(newTexts.length);
  let s = 0;
  for (let o = 0; o < oldTexts.length; o++) {
    while (s < skeleton.length && skeleton[s]![0] < o) s++;
    const next = skeleton[s]?.[0] === o ? s + 1 : s;
    const [before, after] = [skeleton[s - 1], skeleton[next]];
    if (before) [skeletonBefore[o], oldBefore[o]] = [before[1], before[0]];
    if (after) skeletonAfter[o] = after[1];
    nearFrom[o] = skeleton[s - 2]?.[1] ?? -1;
    nearTo[o] = skeleton[next + 1]?.[1] ?? newTexts.length;
  }
  const expected = (o: number) => skeletonBefore[o]! + (o - oldBefore[o]!);

  // Repeated paragraphs: the copies nearest their expected places first, so a copy that stayed put keeps its place when another moved.
  const repeated: { o: number; n: number; distance: number }[] = [];
  for (const { olds, news } of occurrences.values()) {
    if (olds.length === 1 && news.length === 1) continue;
    for (const o of olds) for (const n of news) repeated.push({ o, n, distance: Math.abs(n - expected(o)) });
  }
  repeated.sort((a, b) => a.distance - b.distance);
  for (const { o, n } of repeated) if (newOfOld[o] === -1 && oldOfNew[n] === -1) pair(o, n);

  const profiles = new Map<number, Profile>();
  const profile = (key: number, text: string) => profiles.get(key) ?? profiles.set(key, profileOf(text)).get(key)!;
  const pairBySimilarity = (candidates: [number, number][], threshold: number, measure = likeness) => {
    const scored = candidates
      .map(([o, n]) => ({ o, n, score: measure(profile(o, oldTexts[o]!), profile(~n, newTexts[n]!)) }))
      .filter((c) => c.score >= threshold)
      .sort((a, b) => b.score - a.score);
    for (const { o, n } of scored) if (newOfOld[o] === -1 && oldOfNew[n] === -1) pair(o, n);
  };

  // A gap between two skeleton paragraphs that lost one paragraph and gained one: as in a line diff,
  // the one became the other, when it kept most of its words (a one-sentence paragraph edited shares no sentence with its old self).
  const pairSoleLeftovers = () => {
    const leftovers = new Map<number, number[]>();
    for (let o = 0; o < oldTexts.length; o++) {
      if (newOfOld[o] === -1 && oldTexts[o]!.trim()) leftovers.set(skeletonBefore[o]!, [...(leftovers.get(skeletonBefore[o]!) ?? []), o]);
    }
    for (const [before, olds] of leftovers) {
      if (olds.length !== 1) continue;
      const o = olds[0]!;
      const news: number[] = [];
      for (let n = before + 1; n < skeletonAfter[o]!; n++) if (oldOfNew[n] === -1 && newTexts[n]!.trim()) news.push(n);
      if (news.length === 1 && dice(profile(o, oldTexts[o]!).words, profile(~news[0]!, newTexts[news[0]!]!).words) >= SIMILAR_WORDS_IN_GAP) pair(o, news[0]!);
    }
  };

  // Unpaired new paragraphs within [from(o), to(o)) of each unpaired old one.
  const within = (from: Int32Array, to: Int32Array): [number, number][] => {
    const candidates: [number, number][] = [];
    for (let o = 0; o < oldTexts.length; o++) {
      if (newOfOld[o] !== -1) continue;
      for (let n = from[o]! + 1; n < to[o]!; n++) if (oldOfNew[n] === -1) candidates.push([o, n]);
    }
    return candidates.length <= MAX_COMPARISONS ? candidates : [];
  };
  const inPlace = () => within(nearFrom, nearTo);
  // Within each gap between skeleton paragraphs, the edited paragraphs in their old order, as a
  // line diff would pair them: the pairing of greatest total likeness that crosses no other. Taking
  // the most alike pair first instead would let a near-duplicate inserted before a paragraph take
  // its place when the paragraph itself lost a sentence. Likeness here counts edited sentences as
  // kept, half, and only identical ones, half: a near-duplicate edits many sentences a little, a
  // revision a few.
  const pairInOrderWithinGaps = () => {
    const gaps = new Map<number, number[]>();
    for (let o = 0; o < oldTexts.length; o++) {
      if (newOfOld[o] === -1 && oldTexts[o]!.trim()) gaps.set(skeletonBefore[o]!, [...(gaps.get(skeletonBefore[o]!) ?? []), o]);
    }
    for (const [before, olds] of gaps) {
      const news: number[] = [];
      for (let n = before + 1; n < skeletonAfter[olds[0]!]!; n++) if (oldOfNew[n] === -1 && newTexts[n]!.trim()) news.push(n);
      if (news.length === 0 || olds.length * news.length > MAX_COMPARISONS) continue;
      const score = (o: number, n: number) => {
        const [a, b] = [profile(o, oldTexts[o]!), profile(~n, newTexts[n]!)];
        return (editedLikeness(a, b) + likeness(a, b)) / 2;
      };
      for (const [o, n] of inOrder(olds, news, score, SIMILAR_IN_PLACE)) pair(o, n);
    }
  };

  pairSoleLeftovers();
  pairInOrderWithinGaps();
  // An identical copy elsewhere is a move unless the paragraph's own place already holds its edited self.
  for (const [o, n] of moved) if (newOfOld[o] === -1 && oldOfNew[n] === -1) pair(o, n);
  pairBySimilarity(inPlace(), SIMILAR_IN_PLACE);

  const oldLeft = [...newOfOld.keys()].filter((o) => newOfOld[o] === -1 && oldTexts[o]!.trim());
  const newLeft = [...oldOfNew.keys()].filter((n) => oldOfNew[n] === -1 && newTexts[n]!.trim());
  if (oldLeft.length * newLeft.length <= MAX_COMPARISONS) {
    pairBySimilarity(oldLeft.flatMap((o) => newLeft.map((n): [number, number] => [o, n])), SIMILAR_ANYWHERE);
  }
  pairBySimilarity(inPlace(), CONTAINED_IN_PLACE, containment);
  return newOfOld;
}
