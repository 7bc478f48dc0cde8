import { describe, expect, it } from "vitest";
import { claimContentOf, verdictNamed } from "@/lib/interop/w3c/import-mapping";
import { parseW3cDocument } from "@/lib/interop/w3c/import-input";
import { Invalid } from "@/lib/errors";

describe("verdictNamed", () => {
  it("reads our labels and codes in any case, and nothing else", () => {
    expect(verdictNamed("Mostly true")).toBe("mostly_true");
    expect(verdictNamed("MOSTLY-TRUE")).toBe("mostly_true");
    expect(verdictNamed("half_true")).toBe("half_true");
    expect(verdictNamed("Pants on fire")).toBeNull();
  });
});

describe("claimContentOf", () => {
  it("takes the verdict from an assessing or tagging body, the explanation from the textual ones and sources from linking ones", () => {
    const content = claimContentOf([
      { purpose: "tagging", value: "politics" },
      { purpose: "tagging", value: "False" },
      { type: "TextualBody", value: "First." },
      { purpose: "commenting", value: "Second." },
      { purpose: "linking", source: { id: "https://a.example" }, label: "A" },
      { purpose: "linking", id: "https://b.example" },
      { purpose: "linking", source: "javascript:alert(1)" },
    ]);
    expect(content).toMatchObject({ verdict: "false", explanation: "First.\n\nSecond." });
    expect(content.sources.map((source) => [source.url, source.title])).toEqual([["https://a.example", "A"], ["https://b.example", ""]]);
  });
});

describe("parseW3cDocument", () => {
  const item = { target: { selector: { type: "TextQuoteSelector", exact: "mines" } } };

  it("reads a collection's embedded first page, a page, a list and one annotation", () => {
    expect(parseW3cDocument({ type: "AnnotationCollection", first: { type: "AnnotationPage", items: [item, item] } })).toHaveLength(2);
    expect(parseW3cDocument({ type: "AnnotationPage", items: [item] })).toHaveLength(1);
    expect(parseW3cDocument([item, item, item])).toHaveLength(3);
    expect(parseW3cDocument(item)).toHaveLength(1);
  });

  it("skips the DOM selectors Hypothesis adds, and refuses a selector type that is not W3C's", () => {
    expect(parseW3cDocument([{ target: [{ selector: [{ type: "RangeSelector", startContainer: "/p[1]" }, item.target.selector] }] }])).toHaveLength(1);
    expect(() => parseW3cDocument([{ target: { selector: [{ type: "Bogus" }, item.target.selector] } }])).toThrow(Invalid);
  });
});
