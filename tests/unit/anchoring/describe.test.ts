import fc from "fast-check";
import { describe as group, expect, it } from "vitest";
import { CONTEXT_LENGTH, describe } from "@/lib/anchoring";

const text = "The quick brown fox jumps over the lazy dog. ".repeat(4);

group("describe", () => {
  it("returns a TextQuoteSelector and a TextPositionSelector of the span", () => {
    const start = text.indexOf("fox", 60);
    expect(describe(text, start, start + 3)).toEqual([
      {
        type: "TextQuoteSelector",
        exact: "fox",
        prefix: text.slice(start - 32, start),
        suffix: text.slice(start + 3, start + 35),
      },
      { type: "TextPositionSelector", start, end: start + 3 },
    ]);
  });

  it("keeps 32 characters of context either side", () => {
    expect(CONTEXT_LENGTH).toBe(32);
    const [quote] = describe(text, 80, 90);
    expect(quote.prefix).toHaveLength(32);
    expect(quote.suffix).toHaveLength(32);
  });

  it("clips the context at the start and the end of the text", () => {
    const [atStart] = describe(text, 0, 3);
    expect(atStart.prefix).toBe("");
    expect(atStart.suffix).toBe(text.slice(3, 35));

    const [nearStart] = describe(text, 10, 15);
    expect(nearStart.prefix).toBe(text.slice(0, 10));

    const [atEnd] = describe(text, text.length - 5, text.length);
    expect(atEnd.suffix).toBe("");
    expect(atEnd.prefix).toBe(text.slice(text.length - 37, text.length - 5));
  });

  it.each([
    ["an empty span", 5, 5],
    ["a reversed span", 6, 5],
    ["a negative start", -1, 4],
    ["an end past the text", 0, text.length + 1],
    ["a NaN offset", Number.NaN, 4],
  ])("throws a RangeError for %s", (_, start, end) => {
    expect(() => describe(text, start, end)).toThrow(RangeError);
  });

  it("quotes exactly the span and the text around it, for any text and span", () => {
    const textAndSpan = fc
      .string({ minLength: 1, maxLength: 200, unit: "grapheme" })
      .chain((sample) =>
        fc
          .tuple(fc.nat({ max: sample.length - 1 }), fc.nat({ max: sample.length - 1 }))
          .map(([a, b]) => ({ sample, start: Math.min(a, b), end: Math.max(a, b) + 1 })),
      );
    fc.assert(
      fc.property(textAndSpan, ({ sample, start, end }) => {
        const [quote, position] = describe(sample, start, end);
        expect(quote.exact).toBe(sample.slice(start, end));
        expect(position).toEqual({ type: "TextPositionSelector", start, end });
        expect(sample.slice(0, start).endsWith(quote.prefix)).toBe(true);
        expect(sample.slice(end).startsWith(quote.suffix)).toBe(true);
        expect(quote.prefix.length).toBe(Math.min(CONTEXT_LENGTH, start));
        expect(quote.suffix.length).toBe(Math.min(CONTEXT_LENGTH, sample.length - end));
      }),
    );
  });
});
