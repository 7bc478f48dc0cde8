import { describe, expect, it } from "vitest";
import { LIMITS } from "@/lib/annotations/input";
import type { SourceRecord } from "@/lib/annotations/record";
import { completeDraft, emptyDraft, emptySource, payloadOf, withSources, type ClaimDraft } from "@/components/workbench/claim-draft";

const source = (url: string): SourceRecord => ({ url, title: `Title of ${url}`, publisher: "", quote: "", accessedAt: "2026-11-02", archiveUrl: null });

describe("withSources: a claim checked before lends its sources", () => {
  it("replaces the blank row of a new draft, keeping each source's details and the day it was read", () => {
    const draft = withSources(emptyDraft(), [source("https://a.example/")]);
    expect(draft.sources).toEqual([{ url: "https://a.example/", title: "Title of https://a.example/", publisher: "", quote: "", accessedAt: "2026-11-02", archiveUrl: "" }]);
  });

  it("adds after the draft's own sources, never citing an address twice, and keeps the rest of the draft", () => {
    const own: ClaimDraft = { ...emptyDraft(), verdict: "false", explanation: "Mine.", sources: [{ ...emptySource(), url: "https://a.example/" }, emptySource()] };
    const draft = withSources(own, [source("https://a.example/"), source("https://b.example/")]);
    expect(draft.verdict).toBe("false");
    expect(draft.explanation).toBe("Mine.");
    expect(draft.sources.map((s) => s.url)).toEqual(["https://a.example/", "https://b.example/"]);
    expect(draft.sources[0]!.title).toBe("");
  });

  it("stops at the limit of sources", () => {
    const many = Array.from({ length: LIMITS.sources + 5 }, (_, i) => source(`https://${i}.example/`));
    expect(withSources(emptyDraft(), many).sources).toHaveLength(LIMITS.sources);
  });
});

describe("payloadOf: who made the claim", () => {
  const withClaimant = (claimant: ClaimDraft["claimant"]): ClaimDraft => ({ ...emptyDraft(), claimant });

  it("sends nobody while the claimant's fields are blank, and the name, kind and role once named", () => {
    expect(payloadOf(withClaimant({ name: " ", kind: "person", role: "" }), false)).toEqual({ payload: expect.objectContaining({ claimant: null }) });
    expect(payloadOf(withClaimant({ name: " Kremlin ", kind: "organization", role: "" }), false)).toEqual({
      payload: expect.objectContaining({ claimant: { name: "Kremlin", kind: "organization", role: null } }),
    });
  });

  it("points out a role typed without a name instead of dropping it", () => {
    expect(payloadOf(withClaimant({ name: "", kind: "person", role: "governor" }), false)).toEqual({ errors: { "claimant.name": "is required" } });
  });

  it("completes a form stored before the claimant was asked, keeping what it held", () => {
    const stored = { verdict: "false", explanation: "Kept.", sources: [emptySource()] } as Partial<ClaimDraft>;
    expect(completeDraft(stored)).toEqual({ ...stored, claimant: { name: "", kind: "person", role: "" } });
  });
});
