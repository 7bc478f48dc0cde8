import fc from "fast-check";
import { describe as group, expect, it } from "vitest";
import { describe, reanchor } from "@/lib/anchoring";

const paragraphs = [
  "Maria Keller, the mayor of Northfield, said on Monday that 120 homes had been built. The figures could not be independently verified.",
  "According to the central bank, inflation rose by 3.2 percent in 2019. The ministry did not respond to a request for comment.",
  "In Riverside, 40 residents were moved after the floods, officials said. The ministry did not respond to a request for comment.",
];
const article = paragraphs.join("\n");
const spanOf = (text: string, quote: string, from = 0) => [text.indexOf(quote, from), text.indexOf(quote, from) + quote.length] as const;

group("reanchor", () => {
  it("is the identity on an unchanged text, for any spans", () => {
    const spans = fc.array(
      fc.tuple(fc.nat({ max: article.length - 1 }), fc.nat({ max: article.length - 1 })).map(([a, b]) => [Math.min(a, b), Math.max(a, b) + 1] as const),
      { minLength: 1, maxLength: 20 },
    );
    fc.assert(
      fc.property(spans, (list) => {
        const placed = reanchor(article, article, list.map(([s, e]) => describe(article, s, e)));
        expect(placed).toEqual(list.map(([start, end]) => ({ start, end, confidence: 1 })));
      }),
    );
  });

  it("follows a moved paragraph, even when its quote occurs elsewhere too", () => {
    const revised = [paragraphs[2], paragraphs[0], paragraphs[1]].join("\n");
    const [start, end] = spanOf(article, "The ministry did not respond", article.indexOf("Riverside"));
    const [placed] = reanchor(article, revised, [describe(article, start, end)]);
    expect(placed).toEqual({ start: revised.indexOf("The ministry"), end: revised.indexOf("The ministry") + 28, confidence: 1 });
  });

  it("keeps an annotation whose number changed, on the edited span, with less confidence", () => {
    const revised = article.replace("120 homes", "125 homes");
    const [start, end] = spanOf(article, "120 homes had been built");
    const [placed] = reanchor(article, revised, [describe(article, start, end)]);
    expect(placed).toMatchObject({ start, end });
    expect(placed!.confidence).toBeLessThan(1);
  });

  it("orphans an annotation whose sentence was deleted", () => {
    const revised = article.replace("According to the central bank, inflation rose by 3.2 percent in 2019. ", "");
    const [start, end] = spanOf(article, "inflation rose by 3.2 percent");
    expect(reanchor(article, revised, [describe(article, start, end)])).toEqual([null]);
  });

  it("places every annotation of an edited text after an inserted paragraph, in order", () => {
    const revised = "A new paragraph.\n" + article.replace("floods", "storm");
    const spans = [spanOf(article, "said on Monday"), spanOf(article, "In Riverside, 40 residents")];
    const placed = reanchor(article, revised, spans.map(([s, e]) => describe(article, s, e)));
    expect(placed.map((p) => p && revised.slice(p.start, p.end))).toEqual(["said on Monday", "In Riverside, 40 residents"]);
  });
});
