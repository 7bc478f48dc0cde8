/**
 * `npx tsx bench/anchoring/fit-weights.ts`: fits the log-odds weights of `anchor` (WEIGHTS and
 * ORPHAN_WEIGHTS in lib/anchoring/evidence.ts) and prints them, to paste there.
 *
 * The model is a choice among an annotation's candidates and "gone": each option's probability is
 * its share of exp(log-odds). The weights maximise the likelihood of the true choice (the candidate
 * on the annotation's true span, or "gone" when none is) over benchmark articles revised with
 * tracked edits, with seeds 101 and up, apart from the seeds 1 to 60 `npm run bench:anchoring`
 * reports on; some annotations also count without their position or context (`withLessToGoOn`).
 * It then prints, for seeds 201 and up (seen by neither), with the selectors as made, how many
 * placements are found and wrong at each probability threshold, to choose PLACE_PROBABILITY by.
 */
import { describe } from "@/lib/anchoring";
import { candidatesOf, readSelectors } from "@/lib/anchoring/anchor";
import { FEATURES, featuresOf, ORPHAN_WEIGHTS, probabilitiesOf, WEIGHTS } from "@/lib/anchoring/evidence";
import { article, seededRandom } from "./article";
import { fateOf, newOffsets, pickSpans } from "./annotations";
import { revise } from "./revision";
import { isCorrect } from "./score";

/** One annotation: its candidates' features, the index of the true one (-1: gone), and whether its text survives. */
type Example = { words: number; features: number[][]; truth: number; survives: boolean; quoteLength: number };

const SIZES = [
  { words: 500, annotations: 100, articles: 40 },
  { words: 2_000, annotations: 1_000, articles: 4 },
  { words: 20_000, annotations: 1_000, articles: 4 },
  { words: 50_000, annotations: 1_000, articles: 4 },
];

/**
 * The selectors as made, and for one annotation in four also without the position, or without the
 * context, or without both: quotes imported from other tools, and `reanchor`'s fallback, which
 * asks without the position.
 */
type Variant = { context: boolean; hint: number | undefined };
function withLessToGoOn(k: number, hint: number): Variant[] {
  const variants: Variant[] = [{ context: true, hint }];
  if (k % 4 === 1) variants.push({ context: true, hint: undefined });
  if (k % 4 === 2) variants.push({ context: false, hint });
  if (k % 4 === 3) variants.push({ context: false, hint: undefined });
  return variants;
}
const asMade = (_k: number, hint: number): Variant[] => [{ context: true, hint }];

function examples(firstSeed: number, variantsOf: (k: number, hint: number) => Variant[]): Example[] {
  const all: Example[] = [];
  for (const { words, annotations, articles } of SIZES) {
    for (let seed = firstSeed; seed < firstSeed + articles; seed++) {
      const random = seededRandom(seed * 7919 + words);
      const oldText = article(random, words);
      const spans = pickSpans(oldText, annotations, random);
      const revision = revise(oldText, words, random);
      const places = newOffsets(oldText.length, revision);
      spans.forEach((span, k) => {
        const fate = fateOf(oldText, span, places, revision);
        const { quote, position } = readSelectors(describe(oldText, span.start, span.end));
        for (const { context, hint } of variantsOf(k, position!.start)) {
          const selector = context ? quote! : { ...quote!, prefix: "", suffix: "" };
          const candidates = candidatesOf(revision.text, selector, hint);
          if (candidates.length === 0) continue;
          const truth = fate.status === "gone" ? -1 : candidates.findIndex((c) => isCorrect({ ...c, confidence: 1 }, fate));
          all.push({ words, features: featuresOf(candidates, revision.text.length), truth, survives: fate.status === "survives", quoteLength: selector.exact.length });
        }
      });
    }
  }
  return all;
}

/** The features' weights, then the orphan's base and its weight per logarithm of the quote's length. */
type Weights = Float64Array;

function asWeights(w: Weights) {
  const weights = Object.fromEntries(FEATURES.map((name, k) => [name, w[k]!])) as typeof WEIGHTS;
  return { weights, orphan: { base: w[FEATURES.length]!, logQuoteLength: w[FEATURES.length + 1]! } };
}

/** Each option's probability: the candidates', then "gone". */
function probabilities(example: Example, w: Weights): number[] {
  const { weights, orphan } = asWeights(w);
  return probabilitiesOf(example.features, example.quoteLength, weights, orphan);
}

/** Mean negative log-likelihood and its gradient, with a little L2 regularisation. */
function loss(data: Example[], w: Weights): { value: number; gradient: Weights } {
  const gradient = new Float64Array(w.length);
  let value = 0;
  for (const example of data) {
    const p = probabilities(example, w);
    const none = p.length - 1;
    const chosen = example.truth >= 0 ? example.truth : none;
    value -= Math.log(p[chosen]! + 1e-300);
    const logLength = Math.log(example.quoteLength);
    example.features.forEach((f, i) => f.forEach((x, k) => (gradient[k]! += (p[i]! - (i === chosen ? 1 : 0)) * x)));
    const noneError = p[none]! - (chosen === none ? 1 : 0);
    gradient[FEATURES.length]! += noneError;
    gradient[FEATURES.length + 1]! += noneError * logLength;
  }
  const regularisation = 1e-3;
  for (let k = 0; k < w.length; k++) {
    value += regularisation * w[k]! ** 2 * data.length;
    gradient[k]! += 2 * regularisation * w[k]! * data.length;
  }
  return { value: value / data.length, gradient: gradient.map((g) => g / data.length) };
}

/** Adam, from zero weights. */
function fit(data: Example[], steps = 400): Weights {
  const w = new Float64Array(FEATURES.length + 2);
  const [m, v] = [new Float64Array(w.length), new Float64Array(w.length)];
  for (let t = 1; t <= steps; t++) {
    const { value, gradient } = loss(data, w);
    for (let k = 0; k < w.length; k++) {
      m[k] = 0.9 * m[k]! + 0.1 * gradient[k]!;
      v[k] = 0.999 * v[k]! + 0.001 * gradient[k]! ** 2;
      w[k]! -= (0.05 * (m[k]! / (1 - 0.9 ** t))) / (Math.sqrt(v[k]! / (1 - 0.999 ** t)) + 1e-8);
    }
    if (t % 100 === 0) console.error(`step ${t}: loss ${value.toFixed(4)}`);
  }
  return w;
}

const round = (x: number) => Math.round(x * 100) / 100;
const weights = fit(examples(101, withLessToGoOn));
const { weights: fitted, orphan } = asWeights(weights);
console.log(`export const WEIGHTS: Record<(typeof FEATURES)[number], number> = {\n${FEATURES.map((name) => `  ${name}: ${round(fitted[name])},`).join("\n")}\n};`);
console.log(`export const ORPHAN_WEIGHTS = { base: ${round(orphan.base)}, logQuoteLength: ${round(orphan.logQuoteLength)} };`);
console.log(`(in use: ${JSON.stringify(WEIGHTS)} ${JSON.stringify(ORPHAN_WEIGHTS)})`);

const validation = examples(201, asMade);
console.log("\nOn seeds 201 and up, by words: threshold, found (surviving, placed right), wrong, wrong %");
for (const threshold of [0.5, 0.6, 0.7, 0.8, 0.9, 0.95]) for (const { words } of SIZES) {
  let [found, wrong, placed] = [0, 0, 0];
  for (const example of validation.filter((e) => e.words === words)) {
    const p = probabilities(example, weights).slice(0, -1);
    const best = p.indexOf(Math.max(...p));
    if (p[best]! < threshold) continue;
    placed++;
    if (best === example.truth) found += example.survives ? 1 : 0;
    else wrong++;
  }
  console.log(`${words}  ${threshold.toFixed(2)}  ${found}  ${wrong}  ${((100 * wrong) / Math.max(1, placed)).toFixed(2)}%`);
}
