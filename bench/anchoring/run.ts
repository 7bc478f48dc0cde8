/**
 * `npm run bench:anchoring`: how well and how fast `anchor`, `reanchor` and a Hypothesis-style
 * baseline (./baseline.ts) place annotations on a revised article whose every edit is tracked.
 *
 * For each size (500, 2,000, 20,000 and 50,000 words) and seed, it generates an article from a
 * seeded PRNG (./article.ts: news-like templates, boilerplate sentences repeated verbatim,
 * near-duplicate paragraphs, misspellings), annotates random sentence-, clause- and word-run spans
 * of 10 to 300 characters (some boilerplate whose quote occurs several times), revises the
 * article with tracked edits (./revision.ts: typo fixes, changed numbers, inserted and deleted
 * sentences, deleted and moved paragraphs, near-duplicate paragraphs inserted elsewhere), and
 * asks each function where the annotations now belong. `anchor` and the baseline get the new text
 * and the selectors made on the old one (their position selector is a stale hint); `reanchor`
 * gets both texts.
 *
 * Definitions (code in ./annotations.ts and ./score.ts):
 * - The true span of an annotation runs from the first to the last of its characters that the
 *   revision kept, by the tracked offset map.
 * - Its text "survives" when that span exists, is in one piece, and is within 20% edit distance
 *   of the old quote (unchanged, or a typo fixed or a number changed inside it). It is "gone"
 *   when no character survives, the survivors were split apart by a move, or the span is less than
 *   half alike (its sentence deleted, mostly). In between it is "rewritten": placing it on its true
 *   span and orphaning it both count as right.
 * - Correctly placed: both ends within max(2, 5% of its length) characters of the true span's ends.
 *   Wrongly placed: placed anywhere else, or placed at all when its text is gone.
 *   Orphaned although present: null for a surviving annotation. Correctly orphaned: null for a gone
 *   or rewritten one.
 * - Wrong rate = wrongly placed / placed. Recall = correctly placed surviving ones / surviving ones.
 *   Times are the median of three runs over all annotations of the article (`reanchor`: one call,
 *   diff included).
 *
 * - Unflagged wrong: wrongly placed with a confidence of PLACEMENT_CONFIDENCE or more, the
 *   placements the app shows without "check placement", as a share of those placements.
 * - Each size has 2,000 distinct annotated spans (20 articles of 500 words, 2 of the others).
 *   Before timing, every function runs once on the size's first article, so that times compare
 *   compiled code rather than whichever function the JIT met first.
 *
 * Settings (environment): ANCHORING_SCALE=1 (multiplies the articles per size).
 * `inspect.ts` lists the cases `anchor` or `reanchor` gets wrong or misses, with their context.
 */
import os from "node:os";
import { anchor, describe, reanchor, type Anchor, type Selector } from "@/lib/anchoring";
import { article, seededRandom } from "./article";
import { fateOf, newOffsets, pickSpans, type Fate } from "./annotations";
import { hypothesisAnchor } from "./baseline";
import { revise } from "./revision";
import { add, count, emptyTally, unflaggedWrongRate, wrongRate, type Tally } from "./score";

/** Each size gets 2,000 annotations at the default scale: a wrong rate of 0.5% is then ten cases, not one. */
const SCALE = Math.max(1, Number(process.env.ANCHORING_SCALE ?? 1));
const SIZES = [
  { words: 500, annotations: 100, articles: 20 * SCALE },
  { words: 2_000, annotations: 1_000, articles: 2 * SCALE },
  { words: 20_000, annotations: 1_000, articles: 2 * SCALE },
  { words: 50_000, annotations: 1_000, articles: 2 * SCALE },
];
const RUNS = 3;
const FUNCTIONS = ["anchor", "reanchor", "baseline"] as const;
type Contender = (typeof FUNCTIONS)[number];

function timed(run: () => (Anchor | null)[]): { results: (Anchor | null)[]; ms: number } {
  const times: number[] = [];
  let results: (Anchor | null)[] = [];
  for (let k = 0; k < RUNS; k++) {
    const started = performance.now();
    results = run();
    times.push(performance.now() - started);
  }
  return { results, ms: times.sort((a, b) => a - b)[RUNS >> 1]! };
}

function benchArticle(words: number, annotations: number, seed: number, warmUp: boolean) {
  const random = seededRandom(seed * 7919 + words);
  const oldText = article(random, words);
  const spans = pickSpans(oldText, annotations, random);
  const revision = revise(oldText, words, random);
  const places = newOffsets(oldText.length, revision);
  const fates: Fate[] = spans.map((span) => fateOf(oldText, span, places, revision));
  const selectors: Selector[][] = spans.map((span) => describe(oldText, span.start, span.end));
  const newText = revision.text;
  const runs: Record<Contender, () => (Anchor | null)[]> = {
    anchor: () => selectors.map((s) => anchor(newText, s)),
    reanchor: () => reanchor(oldText, newText, selectors),
    baseline: () => selectors.map((s) => hypothesisAnchor(newText, s)),
  };
  const tallies = {} as Record<Contender, Tally>;
  if (warmUp) for (const contender of FUNCTIONS) runs[contender]();
  for (const contender of FUNCTIONS) {
    const { results, ms } = timed(runs[contender]);
    const tally = { ...emptyTally(), ms };
    results.forEach((placed, i) => count(tally, placed, fates[i]!));
    tallies[contender] = tally;
  }
  const statuses = { survives: 0, rewritten: 0, gone: 0 };
  for (const fate of fates) statuses[fate.status]++;
  return { tallies, statuses, edits: revision.edits, chars: newText.length };
}

const pad = (value: string | number, width: number) => String(value).padStart(width);
const percent = (share: number) => `${(100 * share).toFixed(2)}%`;

console.log(`Anchoring benchmark on ${os.cpus().length} CPU(s), Node ${process.version}.\n`);
console.log(
  `${"words".padEnd(7)} ${"function".padEnd(9)} ${pad("placed ok", 9)} ${pad("wrong", 6)} ${pad("wrong %", 8)} ${pad("unflagged wrong", 16)} ${pad("missed", 7)} ${pad("orphaned ok", 11)} ${pad("recall", 8)} ${pad("ms/article", 10)}`,
);
const verdicts: string[] = [];
for (const { words, annotations, articles } of SIZES) {
  const totals = Object.fromEntries(FUNCTIONS.map((f) => [f, emptyTally()])) as Record<Contender, Tally>;
  const statuses = { survives: 0, rewritten: 0, gone: 0 };
  let chars = 0;
  for (let seed = 1; seed <= articles; seed++) {
    const result = benchArticle(words, annotations, seed, seed === 1);
    for (const f of FUNCTIONS) add(totals[f], result.tallies[f]);
    for (const key of Object.keys(statuses) as (keyof typeof statuses)[]) statuses[key] += result.statuses[key];
    chars += result.chars;
    if (seed === 1) console.log(`-- ${words} words (~${result.chars} chars), edits per article: ${JSON.stringify(result.edits)}`);
  }
  console.log(`   ${articles} articles, annotations: ${statuses.survives} survive, ${statuses.rewritten} rewritten, ${statuses.gone} gone (${Math.round(chars / articles)} chars/article)`);
  for (const f of FUNCTIONS) {
    const t = totals[f];
    const recall = t.found / Math.max(1, statuses.survives);
    console.log(
      `${pad(words, 7)} ${f.padEnd(9)} ${pad(t.correct, 9)} ${pad(t.wrong, 6)} ${pad(percent(wrongRate(t)), 8)} ${pad(`${t.unflaggedWrong} ${percent(unflaggedWrongRate(t))}`, 16)} ${pad(t.missed, 7)} ${pad(t.orphaned, 11)} ${pad(percent(recall), 8)} ${pad((t.ms / articles).toFixed(1), 10)}`,
    );
  }
  const [a, r, b] = [totals.anchor, totals.reanchor, totals.baseline];
  verdicts.push(
    `${words} words: anchor wrong ${percent(wrongRate(a))} (<= 0.5%: ${wrongRate(a) <= 0.005}; unflagged ${percent(unflaggedWrongRate(a))}), ` +
      `found ${a.found} vs baseline ${b.found} surviving (>=: ${a.found >= b.found}), time ${(a.ms / articles).toFixed(1)} vs ${(b.ms / articles).toFixed(1)} ms (<=: ${a.ms <= b.ms}); ` +
      `reanchor wrong ${percent(wrongRate(r))} (<= 0.1%: ${wrongRate(r) <= 0.001}), recall ${percent(r.found / Math.max(1, statuses.survives))} (>= 99.5%: ${r.found >= 0.995 * statuses.survives}), time ${(r.ms / articles).toFixed(1)} ms` +
      (words === 50_000 ? ` (< 250: ${r.ms / articles < 250})` : ""),
  );
}
console.log("\nTargets:\n" + verdicts.join("\n"));
