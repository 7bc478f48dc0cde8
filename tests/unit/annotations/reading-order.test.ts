import { describe, expect, it } from "vitest";
import { compareReadingOrder } from "@/lib/annotations/reading-order";
import { moveCursor } from "@/lib/keyboard/cursor";

const TEXT = "The tunnel cost €480 million. Officials blamed steel prices. Traffic fell by a third.";

function claim(id: string, quote: string, createdAt = "2025-01-01T10:00:00.000Z") {
  const start = TEXT.indexOf(quote);
  return {
    id,
    createdAt,
    selectors: [
      { type: "TextQuoteSelector" as const, exact: quote, prefix: "", suffix: "" },
      { type: "TextPositionSelector" as const, start, end: start + quote.length },
    ] as [{ type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string }, { type: "TextPositionSelector"; start: number; end: number }],
  };
}

describe("the claims' reading order", () => {
  const claims = [
    claim("traffic", "Traffic fell by a third."),
    claim("cost", "The tunnel cost €480 million."),
    claim("steel", "Officials blamed steel prices."),
    claim("amount", "€480 million"),
    claim("tunnel", "The tunnel"),
    claim("tunnel-again", "The tunnel", "2025-01-01T09:00:00.000Z"),
  ];
  const ordered = [...claims].sort(compareReadingOrder).map((c) => c.id);

  it("orders claims by where they start in the text", () => {
    expect(ordered.indexOf("cost")).toBeLessThan(ordered.indexOf("steel"));
    expect(ordered.indexOf("steel")).toBeLessThan(ordered.indexOf("traffic"));
  });

  it("puts the shorter of two claims that start together first, and the older of two on the same text", () => {
    expect(ordered).toEqual(["tunnel-again", "tunnel", "cost", "amount", "steel", "traffic"]);
  });

  it("lets j and k walk the claims in that order, from the top of the article and back", () => {
    const walked: string[] = [];
    let at: string | null = null;
    for (let step = 0; step < ordered.length; step++) walked.push((at = moveCursor(ordered, at, 1)!));
    expect(walked).toEqual(ordered);
    expect(moveCursor(ordered, "steel", -1)).toBe("amount");
  });
});
