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

  it("keeps a sentence in place when a lookalike is inserted after it and the sentence before it is deleted", () => {
    const opening = "The statistics office said it had funded 410 clinics since Wednesday. ";
    const sentence = "In Hillcrest, 10 residents were moved after the audit, officials said.";
    const before = `${opening}Maria Keller said the plan would cost 40 million dollars. ${sentence}\nThe government received 147 complaints.`;
    const after = `${opening}${sentence} In Riverside, 2433 residents were moved after the strike, officials said.\nThe government received 147 complaints.`;
    const spans = [spanOf(before, sentence), spanOf(before, "officials said.")];
    const placed = reanchor(before, after, spans.map(([s, e]) => describe(before, s, e)));
    const end = opening.length + sentence.length;
    expect(placed).toEqual([
      { start: opening.length, end, confidence: 1 },
      { start: end - "officials said.".length, end, confidence: 1 },
    ]);
  });

  it("starts a quote whose first sentence was deleted at its surviving sentence, flagged for a check", () => {
    const before = "Critics said the figures had been understated for 6 years. Officials said 6 homes had been closed in Riverside. In the eastern provinces, 662 residents were moved after the storm, officials said. The figures could not be verified.";
    const after = before.replace("Officials said 6 homes had been closed in Riverside. ", "");
    const [start, end] = spanOf(before, "been closed in Riverside. In the eastern provinces, 662 residents were moved after the storm, officials said.");
    const [placed] = reanchor(before, after, [describe(before, start, end)]);
    expect(placed && after.slice(placed.start, placed.end)).toBe("In the eastern provinces, 662 residents were moved after the storm, officials said.");
    expect(placed!.confidence).toBeLessThan(0.75);
  });

  it("follows a paragraph that lost half its sentences while its neighbour moved", () => {
    const boilerplate = "Officials said the investigation was continuing.";
    const shrinking = `According to the union, the unemployment rate rose by 6.2 percent in 1998. The price of bread rose by 14 percent in 2017. ${boilerplate} Ana Souza said the plan would cost 74 million dollars.`;
    const others = [`In Riverside, 40 residents were moved after the floods. ${boilerplate}`, `The central bank said it had funded 410 clinics. ${boilerplate}`, `Li Wei said 12 schools had been closed. ${boilerplate}`];
    const before = [others[0], shrinking, others[1], others[2]].join("\n");
    const after = [others[1], `According to the union, the unemployment rate rose by 6.2 percent in 1998. ${boilerplate}`, others[0], others[2]].join("\n");
    const [start, end] = spanOf(before, boilerplate, before.indexOf("union"));
    const [placed] = reanchor(before, after, [describe(before, start, end)]);
    const expected = after.indexOf(boilerplate, after.indexOf("union"));
    expect(placed).toMatchObject({ start: expected, end: expected + boilerplate.length });
  });

  it("orphans an annotation of a deleted paragraph rather than move it to a copy with other numbers", () => {
    const deleted = "The hospital waiting list rose by 10.5 percent in 2005. Critics said it had been understated for 4 years. The board approved 12 clinics.";
    const copy = "The hospital waiting list rose by 16.1 percent in 2005. Critics said it had been understated for 7 years. The board approved 19 clinics.";
    const kept = ["Maria Keller, the mayor of Northfield, said on Monday.", "In Riverside, 40 residents were moved after the floods."];
    const before = [kept[0], deleted, kept[1]].join("\n");
    const after = [kept[0], kept[1], copy].join("\n");
    const [start, end] = spanOf(before, "rose by 10.5 percent in 2005");
    expect(reanchor(before, after, [describe(before, start, end)])).toEqual([null]);
  });

  it("keeps an annotation of a one-sentence paragraph whose wording changed, as the same claim", () => {
    const before = ["Maria Keller, the mayor of Northfield, said on Monday.", "The mines deactivate on their own after a set period.", "Officials said so."].join("\n");
    const after = before.replace("after a set period", "once a set period ends");
    const [start, end] = spanOf(before, "deactivate on their own after a set period");
    const [placed] = reanchor(before, after, [describe(before, start, end)]);
    expect(placed && after.slice(placed.start, placed.end)).toBe("deactivate on their own once a set period");
    expect(placed!.confidence).toBeGreaterThanOrEqual(0.75);
  });

  it("keeps an edited paragraph in place when a near-copy of it was inserted before it", () => {
    const edited = "Sofia Rossi said 154 homes had been reported in the port district. The union said it had funded 9 clinics. The goverment received 412 complaints. Li Wei said 8 schools had closed.";
    const before = ["Critics said the rate had been understated for 12 years.", edited, "The central bank said it had closed 39 jobs since Tuesday."].join("\n");
    const copy = edited.replace("9 clinics", "12 clinics");
    const shortened = edited.replace(" The goverment received 412 complaints.", "").replace("homes had been", "homes have been");
    const after = [copy, "Critics said the rate had been understated for 14 years.", shortened, "The central bank said it had closed 39 jobs since Tuesday."].join("\n");
    const [start, end] = spanOf(before, "Sofia Rossi said 154 homes");
    const [placed] = reanchor(before, after, [describe(before, start, end)]);
    const expected = after.indexOf(shortened);
    expect(placed).toEqual({ start: expected, end: expected + "Sofia Rossi said 154 homes".length, confidence: 1 });
  });

  it("orphans a deleted sentence rather than move it to a new sentence of the same mould put in its place", () => {
    const before = "Officials said 6 homes had been closed. In Northfield, 3383 residents were moved after the audit, officials said. Raj Patel said the plan would cost 40 million dollars.";
    const after = "Officials said 6 homes had been closed. In the port district, 742 residents were moved after the audit, officials said. In the capital, 10 residents were moved after the storm, officials said.";
    const [start, end] = spanOf(before, "In Northfield, 3383 residents were moved after the audit, officials said.");
    expect(reanchor(before, after, [describe(before, start, end)])).toEqual([null]);
  });

  it("keeps a sentence whose typo and figure were fixed when a sentence was also inserted before it", () => {
    const before = "The strike ended, a committee report said. The goverment recieved 754 complaints after the floods occured, a committee report said. Ana Souza spoke.";
    const after = "The strike ended, a committee report said. Inflation rose by 1.2 percent in 1995. The government received 778 complaints after the floods occurred, a committee report said. Ana Souza spoke.";
    const [start, end] = spanOf(before, "The goverment recieved 754 complaints after the floods occured, a committee report said.");
    const [placed] = reanchor(before, after, [describe(before, start, end)]);
    expect(placed && after.slice(placed.start, placed.end)).toBe("The government received 778 complaints after the floods occurred, a committee report said.");
  });

  it("follows a sentence that a typo fix made identical to the one before it to its own place", () => {
    const sentence = "Critics said the inflation had been publicly understated for 5 years.";
    const before = `The council approved 4 clinics. ${sentence.replace("publicly", "publically")} ${sentence} A separate study found 3 permits.`;
    const after = before.replace("publically", "publicly");
    const [start, end] = spanOf(before, sentence);
    const [placed] = reanchor(before, after, [describe(before, start, end)]);
    expect(placed).toMatchObject({ start: after.lastIndexOf(sentence), end: after.lastIndexOf(sentence) + sentence.length });
  });

  it("keeps the first words of a quote that the difference gave to a deleted sentence beginning alike", () => {
    const quote = "According to the Port Authority, the price of bread rose by 14.8 percent in 2012, the highest level since 2020.";
    const before = `Critics said it had been understated for 2 years. According to the central bank, the inflation rose by 3.1 percent in 1997, the highest level since 1992. ${quote} Emma Dubois spoke.`;
    const after = before.replace("According to the central bank, the inflation rose by 3.1 percent in 1997, the highest level since 1992. ", "").replace("since 2020", "since 2039");
    const [start, end] = spanOf(before, quote);
    const [placed] = reanchor(before, after, [describe(before, start, end)]);
    expect(placed && after.slice(placed.start, placed.end)).toBe(quote.replace("2020", "2039"));
  });

  it("keeps a changed figure that opens a quote inside it", () => {
    const before = "The energy regulator said it had lost 59 jobs since Monday. The government received 5 complaints.";
    const after = before.replace("59 jobs", "101 jobs");
    const [start, end] = spanOf(before, "59 jobs since Monday.");
    const [placed] = reanchor(before, after, [describe(before, start, end)]);
    expect(placed && after.slice(placed.start, placed.end)).toBe("101 jobs since Monday.");
  });

  it("prefers the paragraph that lost a sentence to a copy of it with other figures beside it", () => {
    const original = "We expect 520 more clinics by 2008, Raj Patel said. The government received 4 complaints after the storm. Critics said the rate had been understated for 10 years. The figures could not be verified.";
    const copy = original.replace("520", "527").replace("4 complaints", "9 complaints").replace("10 years", "17 years");
    const shortened = original.replace(" The figures could not be verified.", "");
    const [first, last] = ["Maria Keller said on Monday that 12 homes had been built.", "Li Wei said 8 schools had closed."];
    const before = [first, original, last].join("\n");
    const after = [first, copy, shortened, last].join("\n");
    const [start, end] = spanOf(before, "The government received 4 complaints after the storm.");
    const [placed] = reanchor(before, after, [describe(before, start, end)]);
    const expected = after.indexOf("The government received 4 complaints", after.indexOf(shortened));
    expect(placed).toEqual({ start: expected, end: expected + end - start, confidence: 1 });
  });

  it("finds a claim whose paragraph moved far and was rewritten around it beyond pairing", () => {
    const kept = ["Maria Keller said 12 homes were built.", "Li Wei said 8 schools closed.", "The board approved 19 clinics.", "Ana Souza said the plan was late."];
    const [s1, s2, s3, s4, s5] = ["Inflation rose by 3 percent.", "The central bank blamed the price of energy.", "Critics said the figure was understated.", "Officials denied it.", "The union called a strike."];
    const before = [`${s1} ${s2} ${s3} ${s4} ${s5}`, ...kept, ...kept.map((k) => k.replace(".", " again."))].join("\n");
    const moved = `A new opening came first. Then a second line. And a third. ${s1} ${s2} ${s3} A new ending followed. Then more. And more still.`;
    const after = [...kept, ...kept.map((k) => k.replace(".", " again.")), moved].join("\n");
    const [start, end] = spanOf(before, s2);
    const [placed] = reanchor(before, after, [describe(before, start, end)]);
    expect(placed).toMatchObject({ start: after.indexOf(s2), end: after.indexOf(s2) + s2.length });
  });

  it("does not grow a claim whose first sentence was deleted across the line break into a paragraph inserted before it", () => {
    const opening = "According to the energy regulator, the price of bread rose by 11.2 percent in 2022.";
    const rest = "According to the central bank, the budget deficit rose by 16.0 percent in 2001, the highest level since 2006. Peter Lindqvist said on Wednesday that 61 beds had been closed. The ministry did not respond.";
    const before = `${opening}\nA separate study found 6431 homes at risk in the eastern provinces. ${rest}`;
    const inserted = "Peter Lindqvist said 59 vehicles had been cancelled in Lakeview. Officials said the investigation was continuing.";
    const after = `${opening}\n${inserted}\n${rest.replace("16.0", "45.0")}`;
    const [start, end] = spanOf(before, "in the eastern provinces. According to the central bank, the budget deficit rose by 16.0 percent in 2001,");
    const [placed] = reanchor(before, after, [describe(before, start, end)]);
    expect(placed && after.slice(placed.start, placed.end)).toBe("According to the central bank, the budget deficit rose by 45.0 percent in 2001,");
  });
});
