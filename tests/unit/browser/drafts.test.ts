import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { draftKey, readDraft, readStored, writeStored } from "@/components/browser-storage";

/** A browser's localStorage, as much of it as the drafts use. */
function fakeStorage() {
  const values = new Map<string, string>();
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
}

describe("unsaved work kept in the browser", () => {
  beforeEach(() => vi.stubGlobal("window", { localStorage: fakeStorage() }));
  afterEach(() => vi.unstubAllGlobals());

  it("keeps each person's work apart: the next person on a shared computer does not get it", () => {
    writeStored(draftKey("unsaved-comment", "rita", "claim-1"), { body: "Check page 31." });
    expect(readDraft("unsaved-comment", "ed", "claim-1")).toBeNull();
    expect(readDraft("unsaved-comment", "rita", "claim-1")).toEqual({ body: "Check page 31." });
  });

  it("hands work kept before it was kept per person to the first to open it, once", () => {
    writeStored("factcheck:unsaved-annotation:article-1", { draft: "typed" });
    expect(readDraft("unsaved-annotation", "rita", "article-1")).toEqual({ draft: "typed" });
    expect(readStored("factcheck:unsaved-annotation:article-1")).toBeNull();
    expect(readDraft("unsaved-annotation", "ed", "article-1")).toBeNull();
    expect(readDraft("unsaved-annotation", "rita", "article-1")).toEqual({ draft: "typed" });
  });
});
