import { describe, expect, it } from "vitest";
import { matchesClaimSearch, searchWords } from "@/lib/annotations/claim-search";
import type { AnnotationRecord } from "@/lib/annotations/record";

const claim = {
  quote: "Russia has suffered its highest number of casualties",
  verdict: "mostly_false",
  claimant: { name: "Dmitry Peskov", kind: "person", role: "Kremlin spokesman" },
  explanation: "Figures from the Ministry of Defence in São Paulo differ.",
  author: { id: "r", name: "Rita Reviewer" },
  assignee: { id: "o", name: "Rory Reviewer" },
  sources: [{ url: "https://www.gov.uk/casualties", title: "Weekly update", publisher: "UK Ministry of Defence", quote: "about 1,500 a day", accessedAt: "2026-11-20", archiveUrl: null }],
} as unknown as AnnotationRecord;

const finds = (search: string) => matchesClaimSearch(claim, searchWords(search));

describe("claim search", () => {
  it("finds a claim by every word searched, anywhere in its quote, verdict, explanation, people or sources", () => {
    expect(finds("casualties")).toBe(true);
    expect(finds("  HIGHEST   casualties ")).toBe(true);
    expect(finds("mostly false")).toBe(true);
    expect(finds("rory")).toBe(true);
    expect(finds("gov.uk weekly")).toBe(true);
    expect(finds("1,500")).toBe(true);
  });

  it("finds a claim by who made it: their name or their role", () => {
    expect(finds("peskov")).toBe(true);
    expect(finds("kremlin spokesman")).toBe(true);
    expect(finds("peskov zakharova")).toBe(false);
  });

  it("ignores accents and case, and misses a claim lacking any word", () => {
    expect(finds("sao paulo")).toBe(true);
    expect(finds("casualties ukraine")).toBe(false);
  });

  it("finds every claim for an empty search", () => {
    expect(searchWords("   ")).toEqual([]);
    expect(finds("")).toBe(true);
  });
});
