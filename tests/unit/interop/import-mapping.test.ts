import { describe, expect, it } from "vitest";
import { claimantOfW3c, claimContentOf, verdictNamed } from "@/lib/interop/w3c/import-mapping";
import { parseW3cDocument } from "@/lib/interop/w3c/import-input";
import { LIMITS } from "@/lib/annotations/input";
import { dayIn } from "@/lib/time-zone";
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

describe("claimContentOf: a source's details", () => {
  // The newsroom's today: the tests run without NEWSROOM_TIME_ZONE, in UTC.
  const today = dayIn("UTC");
  const sourceOf = (body: Record<string, unknown>) => claimContentOf([{ purpose: "linking", source: "https://a.example", ...body }]).sources[0];

  it("reads the publisher, the passage quoted, the day read and the archived copy as our export writes them", () => {
    expect(
      sourceOf({
        label: "A",
        "dcterms:publisher": " Reuters ",
        selector: [{ type: "TextQuoteSelector", exact: "They said so." }],
        state: { type: "TimeState", sourceDate: "2024-11-21T00:00:00Z", cached: "https://archive.ph/abc" },
      }),
    ).toEqual({ url: "https://a.example", title: "A", publisher: "Reuters", quote: "They said so.", accessedAt: "2024-11-21", archiveUrl: "https://archive.ph/abc" });
  });

  it("reads a day to come, an impossible day or none as today, and drops an archive that is not an http(s) address", () => {
    expect(sourceOf({ state: { type: "TimeState", sourceDate: "2999-01-01T00:00:00Z" } })!.accessedAt).toBe(today);
    expect(sourceOf({ state: { type: "TimeState", sourceDate: "2024-02-30" } })!.accessedAt).toBe(today);
    expect(sourceOf({ state: "https://state.example/1" })!.accessedAt).toBe(today);
    expect(sourceOf({ state: { type: "TimeState", sourceDate: "2024-11-21", cached: "javascript:alert(1)" } })).toMatchObject({ accessedAt: "2024-11-21", archiveUrl: null });
  });

  it("cuts details to the lengths a source holds, and ignores ones of the wrong type", () => {
    const source = sourceOf({ "dcterms:publisher": "P".repeat(LIMITS.sourcePublisher + 50), selector: { type: "TextQuoteSelector", exact: 42 } });
    expect(source!.publisher).toHaveLength(LIMITS.sourcePublisher);
    expect(source!.quote).toBe("");
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

describe("claimantOfW3c: who made the claim, from the reviewed claim's author", () => {
  it("reads a person with their job title and an organization with its description, cutting what is too long", () => {
    expect(claimantOfW3c({ type: "schema:Claim", "schema:author": { type: "schema:Person", "schema:name": " Jane Doe ", "schema:jobTitle": "mayor" } })).toEqual({
      name: "Jane Doe",
      kind: "person",
      role: "mayor",
    });
    expect(claimantOfW3c([{ "schema:author": { type: "schema:Organization", "schema:name": "City Hall", "schema:description": "d".repeat(300) } }])).toEqual({
      name: "City Hall",
      kind: "organization",
      role: "d".repeat(200),
    });
  });

  it("names nobody when the author has no name, or the value is not a claim at all", () => {
    expect(claimantOfW3c({ "schema:author": { type: "schema:Person", "schema:name": "  " } })).toBeNull();
    expect(claimantOfW3c({ "schema:author": "Jane Doe" })).toBeNull();
    expect(claimantOfW3c("a claim")).toBeNull();
    expect(claimantOfW3c(undefined)).toBeNull();
  });
});
