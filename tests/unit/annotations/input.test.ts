import { afterEach, describe, expect, it, vi } from "vitest";
import { annotationCreateSchema, annotationUpdateSchema, sourceInputSchema } from "@/lib/annotations/input";
import { Invalid } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

const selectors = [{ type: "TextQuoteSelector", exact: "claim" }];
const source = { url: "https://example.com/report" };

function fieldsOfRefusal(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(Invalid);
    return (error as Invalid).fields;
  }
  throw new Error("expected the input to be refused");
}

const refuseCreate = (input: unknown) => fieldsOfRefusal(() => parseInput(annotationCreateSchema, input));

describe("annotation input", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ["a javascript: URL", "javascript:alert(1)"],
    ["a data: URL", "data:text/html,<script>alert(1)</script>"],
    ["an ftp: URL", "ftp://x"],
    ["a protocol-relative URL", "//example.com"],
    ["a URL without a host", "https://"],
  ])("refuses %s as a source and names the field", (_, url) => {
    const fields = refuseCreate({ selectors, sources: [source, { url }] });
    expect(fields).toEqual({ "sources.1.url": "must be an http:// or https:// address" });
  });

  it("refuses an empty source URL as missing", () => {
    expect(refuseCreate({ selectors, sources: [{ url: "  " }] })).toEqual({ "sources.0.url": "is required" });
    expect(refuseCreate({ selectors, sources: [{}] })).toEqual({ "sources.0.url": "is required" });
  });

  it("refuses an unsafe archive URL", () => {
    expect(refuseCreate({ selectors, sources: [{ ...source, archiveUrl: "javascript:alert(1)" }] })).toHaveProperty(
      "sources.0.archiveUrl",
    );
  });

  it("refuses an unknown verdict and lists the known ones", () => {
    expect(refuseCreate({ selectors, verdict: "pants_on_fire" }).verdict).toMatch(/^must be one of true, mostly_true, /);
  });

  it("refuses unknown keys at every level", () => {
    expect(Object.keys(refuseCreate({ selectors, status: "approved" }))).toEqual(["body"]);
    expect(Object.keys(refuseCreate({ selectors, sources: [{ ...source, trusted: true }] }))).toEqual(["sources.0"]);
    expect(() => parseInput(annotationUpdateSchema, { version: 1, authorId: "someone" })).toThrow(Invalid);
  });

  it("refuses selectors without exactly one TextQuoteSelector", () => {
    expect(refuseCreate({ selectors: [] })).toEqual({ selectors: "needs a TextQuoteSelector" });
    expect(refuseCreate({ selectors: [{ type: "TextPositionSelector", start: 0, end: 1 }] })).toEqual({
      selectors: "needs exactly one TextQuoteSelector",
    });
  });

  it("dates a source accessed today when no date is given", () => {
    vi.useFakeTimers({ now: new Date(2024, 10, 21, 23, 30) });
    expect(sourceInputSchema.parse(source).accessedAt).toBe("2024-11-21");
  });

  it("keeps a given access date and refuses one that is not YYYY-MM-DD", () => {
    expect(sourceInputSchema.parse({ ...source, accessedAt: "2024-01-02" }).accessedAt).toBe("2024-01-02");
    expect(refuseCreate({ selectors, sources: [{ ...source, accessedAt: "2/1/2024" }] })).toEqual({
      "sources.0.accessedAt": "must be a date as YYYY-MM-DD",
    });
  });

  it("stores an empty or missing archive URL as null", () => {
    expect(sourceInputSchema.parse({ ...source, archiveUrl: "" }).archiveUrl).toBeNull();
    expect(sourceInputSchema.parse(source).archiveUrl).toBeNull();
    expect(sourceInputSchema.parse({ ...source, archiveUrl: "https://web.archive.org/x" }).archiveUrl).toBe(
      "https://web.archive.org/x",
    );
  });

  it("trims a source's texts and fills missing ones with empty strings", () => {
    expect(sourceInputSchema.parse({ url: " https://example.com ", title: "  Report " })).toMatchObject({
      url: "https://example.com",
      title: "Report",
      publisher: "",
      quote: "",
    });
  });

  it("requires an update to name a positive whole version", () => {
    expect(fieldsOfRefusal(() => parseInput(annotationUpdateSchema, { explanation: "x" }))).toHaveProperty("version");
    expect(fieldsOfRefusal(() => parseInput(annotationUpdateSchema, { version: 0 }))).toHaveProperty("version");
    expect(parseInput(annotationUpdateSchema, { version: 3 })).toEqual({ version: 3 });
  });
});
