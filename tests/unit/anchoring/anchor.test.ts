import fc from "fast-check";
import { describe as group, expect, it } from "vitest";
import { anchor, describe, PLACEMENT_CONFIDENCE } from "@/lib/anchoring";

const story = [
  "The ministry did not respond to a request for comment.",
  "Maria Keller, the mayor of Northfield, said on Monday that 120 homes had been built.",
  "The ministry did not respond to a request for comment.",
  "According to the central bank, inflation rose by 3.2 percent in 2019.",
  "The ministry did not respond to a request for comment.",
].join(" ");

group("anchor", () => {
  it("finds an unchanged quote where it was, with full confidence", () => {
    const start = story.indexOf("said on Monday");
    expect(anchor(story, describe(story, start, start + 14))).toEqual({ start, end: start + 14, confidence: 1 });
  });

  it("finds a quote that moved, by its quote and context", () => {
    const start = story.indexOf("inflation rose");
    const selectors = describe(story, start, start + 30);
    const moved = "A new opening sentence was added here. " + story;
    expect(anchor(moved, selectors)).toMatchObject({ start: start + 39, end: start + 69 });
  });

  it("places a quote whose typo was fixed on the corrected text", () => {
    const old = story.replace("Northfield", "Nortfield");
    const start = old.indexOf("Maria");
    const end = old.indexOf("built.") + 6;
    const placed = anchor(story, describe(old, start, end));
    expect(placed).toMatchObject({ start: story.indexOf("Maria"), end: story.indexOf("built.") + 6 });
    expect(placed!.confidence).toBeLessThan(1);
  });

  it("returns an orphan when the quoted sentence is gone", () => {
    const start = story.indexOf("According");
    const selectors = describe(story, start, story.indexOf("2019.") + 5);
    const revised = story.replace(/According to the central bank[^.]*\.\d[^.]*\. /, "");
    expect(anchor(revised, selectors)).toBeNull();
  });

  it("returns an orphan rather than a lookalike with other context", () => {
    const selectors = describe(story, story.indexOf("120 homes"), story.indexOf("120 homes") + 9);
    expect(anchor("Elsewhere, 120 homes were sold last year to buyers from abroad.", selectors)).toBeNull();
  });

  it("returns an orphan without a quote selector", () => {
    expect(anchor(story, [{ type: "TextPositionSelector", start: 0, end: 5 }])).toBeNull();
  });

  it("returns the described span of unchanged text, for any span", () => {
    const textAndSpan = fc
      .string({ minLength: 1, maxLength: 300 })
      .chain((sample) =>
        fc.tuple(fc.nat({ max: sample.length - 1 }), fc.nat({ max: sample.length - 1 })).map(([a, b]) => ({ sample, start: Math.min(a, b), end: Math.max(a, b) + 1 })),
      );
    fc.assert(
      fc.property(textAndSpan, ({ sample, start, end }) => {
        expect(anchor(sample, describe(sample, start, end))).toMatchObject({ start, end });
      }),
    );
  });

  it("returns the described span of a quote that occurs several times", () => {
    const repeated = story.repeat(3);
    const occurrences = [...repeated.matchAll(/The ministry did not respond/g)].map((m) => m.index);
    fc.assert(
      fc.property(fc.constantFrom(...occurrences), fc.integer({ min: 4, max: 54 }), (start, length) => {
        expect(anchor(repeated, describe(repeated, start, start + length))).toMatchObject({ start, end: start + length });
      }),
    );
  });

  it("flags a placement chosen among lookalikes by its old position", () => {
    const paragraph = "In Riverside, 40 residents were moved after the floods, officials said. The ministry did not respond.";
    const text = [paragraph, "Maria Keller said on Monday that 120 homes had been built in Northfield.", paragraph].join("\n");
    const start = text.indexOf("40 residents");
    const selectors = describe(text, start, start + 12);
    const revised = "A sentence was added at the top of the story. " + text;
    const placed = anchor(revised, selectors);
    expect(placed).toMatchObject({ start: start + 46, end: start + 58 });
    expect(placed!.confidence).toBeLessThan(PLACEMENT_CONFIDENCE);
  });

  it("orphans a quote among copies its old position cannot tell apart", () => {
    const paragraph = "In Riverside, 40 residents were moved after the floods, officials said. The ministry did not respond.";
    const text = [paragraph, "Maria Keller said on Monday that 120 homes had been built in Northfield.", paragraph].join("\n");
    const start = text.indexOf("40 residents");
    const selectors = describe(text, start, start + 12);
    const middle = text.indexOf("Maria");
    expect(anchor(text, [selectors[0], { type: "TextPositionSelector", start: middle, end: middle + 12 }])).toBeNull();
  });

  it("flags a quote found far from where it was, though its context is intact", () => {
    const start = story.indexOf("inflation rose");
    const selectors = describe(story, start, start + 30);
    const moved = "Filler text that pushes the story down. ".repeat(20) + story;
    const placed = anchor(moved, [selectors[0], { type: "TextPositionSelector", start: 0, end: 30 }]);
    expect(placed).toMatchObject({ start: start + 800, end: start + 830 });
    expect(placed!.confidence).toBeLessThan(PLACEMENT_CONFIDENCE);
  });

  it("places an edited quote in intact context without a flag", () => {
    const start = story.indexOf("120 homes");
    const selectors = describe(story, start, start + 24);
    const placed = anchor(story.replace("120 homes", "125 homes"), selectors);
    expect(placed).toMatchObject({ start, end: start + 24 });
    expect(placed!.confidence).toBeGreaterThanOrEqual(PLACEMENT_CONFIDENCE);
    expect(placed!.confidence).toBeLessThan(1);
  });

  it("places a quote with one side of its context changed near where it was, and flags it far from there", () => {
    const sentence = "The figures could not be independently verified.";
    const text = `Maria Keller said 12 homes were built in Northfield. ${sentence} Li Wei said 8 schools had closed.`;
    const start = text.indexOf(sentence);
    const selectors = describe(text, start, start + sentence.length);
    const filler = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} says nothing of note at all.`).join("\n");
    const near = `Maria Keller said 12 homes were built in Northfield. ${sentence} The council met on Monday.\n${filler}`;
    expect(anchor(near, selectors)).toMatchObject({ start, end: start + sentence.length });
    const far = `${filler}\nMaria Keller said 12 homes were built in Northfield. ${sentence} The council met on Monday.`;
    const placedFar = anchor(far, selectors);
    expect(placedFar).toMatchObject({ start: far.indexOf(sentence), end: far.indexOf(sentence) + sentence.length });
    expect(placedFar!.confidence).toBeLessThan(PLACEMENT_CONFIDENCE);
  });

  it("prefers the quote edited where it was over an intact copy of it far away", () => {
    const paragraph = "In Riverside, 40 residents were moved after the floods, officials said. The ministry did not respond.";
    const filler = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} says nothing of note at all.`);
    const text = [...filler.slice(0, 20), paragraph, ...filler.slice(20)].join("\n");
    const start = text.indexOf("40 residents");
    const selectors = describe(text, start, start + "40 residents were moved after the floods".length);
    const revised = [...filler.slice(0, 20), paragraph.replace("floods", "flood"), ...filler.slice(20), paragraph].join("\n");
    expect(anchor(revised, selectors)).toMatchObject({ start, end: start + "40 residents were moved after the flood".length });
  });

  it("places a quote imported with neither context nor position where it occurs once, flagged, and orphans it where it occurs twice", () => {
    const once = anchor(story, [{ type: "TextQuoteSelector", exact: "central bank" }]);
    expect(once).toMatchObject({ start: story.indexOf("central bank"), end: story.indexOf("central bank") + 12 });
    expect(once!.confidence).toBeLessThan(PLACEMENT_CONFIDENCE);
    expect(anchor(story + " " + story, [{ type: "TextQuoteSelector", exact: "central bank" }])).toBeNull();
  });
});
