/**
 * `npx tsx bench/anchoring/inspect.ts <anchor|reanchor> <words> [articles]`: the benchmark's
 * articles of that size, and every annotation the function places wrongly or misses, with its old
 * context, where it went and where it belongs. SHOW=missed or SHOW=all to list those instead of
 * the wrong ones.
 */
import { anchor, describe, reanchor, type Selector } from "@/lib/anchoring";
import { article, seededRandom } from "./article";
import { fateOf, newOffsets, pickSpans } from "./annotations";
import { revise } from "./revision";
import { isCorrect } from "./score";

const contender = process.argv[2] === "anchor" ? "anchor" : "reanchor";
const words = Number(process.argv[3] ?? 500);
const annotations = words === 500 ? 100 : 1000;
const articles = Number(process.argv[4] ?? (words === 500 ? 20 : 2));
const show = process.env.SHOW ?? "wrong";
for (let seed = 1; seed <= articles; seed++) {
  const random = seededRandom(seed * 7919 + words);
  const oldText = article(random, words);
  const spans = pickSpans(oldText, annotations, random);
  const revision = revise(oldText, words, random);
  const places = newOffsets(oldText.length, revision);
  const newText = revision.text;
  const selectors = spans.map((s) => describe(oldText, s.start, s.end) as Selector[]);
  const results = contender === "anchor" ? selectors.map((s) => anchor(newText, s)) : reanchor(oldText, newText, selectors);
  spans.forEach((span, i) => {
    const fate = fateOf(oldText, span, places, revision);
    const a = results[i]!;
    const ok = a && fate.status !== "gone" && isCorrect(a, fate);
    const kind = a && !ok ? "wrong" : !a && fate.status === "survives" ? "missed" : null;
    if (!kind || (show !== "all" && show !== kind)) return;
    console.log(`--- seed ${seed} ${kind} ${fate.status} old=${span.start},${span.end} true=${fate.start},${fate.end} placed=${a ? `${a.start},${a.end} c=${a.confidence.toFixed(2)}` : "null"}`);
    console.log(`  old : ${JSON.stringify(oldText.slice(span.start - 40, span.start))} [${JSON.stringify(oldText.slice(span.start, span.end))}] ${JSON.stringify(oldText.slice(span.end, span.end + 40))}`);
    if (a) console.log(`  got : ${JSON.stringify(newText.slice(a.start - 40, a.start))} [${JSON.stringify(newText.slice(a.start, a.end))}] ${JSON.stringify(newText.slice(a.end, a.end + 40))}`);
    if (fate.start >= 0) console.log(`  true: ${JSON.stringify(newText.slice(fate.start - 40, fate.start))} [${JSON.stringify(newText.slice(fate.start, fate.end))}] ${JSON.stringify(newText.slice(fate.end, fate.end + 40))}`);
  });
}
