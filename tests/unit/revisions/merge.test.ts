import { describe, expect, it } from "vitest";
import { mergeDocs } from "@/lib/revisions/merge";

const doc = (...paragraphs: string[]) => ({ type: "doc", content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) });
const BASE = doc("One.", "Two.", "Three.", "Four.");

describe("mergeDocs: edits made on an older revision carried onto a newer one", () => {
  it("keeps both sides' edits to different paragraphs, insertions and deletions included", () => {
    const theirs = doc("One, corrected.", "Two.", "Four.");
    const mine = doc("One.", "Two, with my edit.", "Three.", "Four.", "Five, added by me.");
    expect(mergeDocs(BASE, theirs, mine)).toEqual({ doc: doc("One, corrected.", "Two, with my edit.", "Four.", "Five, added by me."), conflicts: 0 });
  });

  it("takes theirs where I changed nothing, and mine where they changed nothing", () => {
    const theirs = doc("One.", "Two.", "Three, theirs.", "Four.");
    expect(mergeDocs(BASE, theirs, BASE)).toEqual({ doc: theirs, conflicts: 0 });
    expect(mergeDocs(BASE, BASE, theirs)).toEqual({ doc: theirs, conflicts: 0 });
  });

  it("keeps my version of a paragraph both changed, and counts the conflict; the same change twice is none", () => {
    const theirs = doc("One.", "Two, theirs.", "Three.", "Four, theirs.");
    const mine = doc("One.", "Two, mine.", "Three.", "Four, theirs.");
    expect(mergeDocs(BASE, theirs, mine)).toEqual({ doc: doc("One.", "Two, mine.", "Three.", "Four, theirs."), conflicts: 1 });
  });

  it("counts a paragraph inserted inside a stretch the other side deleted as a conflict, and keeps mine", () => {
    const theirs = doc("One.", "Four.");
    const mine = doc("One.", "Two.", "Two and a half, mine.", "Three.", "Four.");
    expect(mergeDocs(BASE, theirs, mine)).toEqual({ doc: mine, conflicts: 1 });
  });

  it("keeps both of two paragraphs inserted at one place, and counts the conflict", () => {
    const theirs = doc("One.", "Two.", "Theirs.", "Three.", "Four.");
    const mine = doc("One.", "Two.", "Mine.", "Three.", "Four.");
    expect(mergeDocs(BASE, theirs, mine)).toEqual({ doc: doc("One.", "Two.", "Mine.", "Theirs.", "Three.", "Four."), conflicts: 1 });
  });

  it("compares blocks whatever the order of their keys (documents read back from jsonb have theirs reordered)", () => {
    const reordered = (d: ReturnType<typeof doc>) => JSON.parse(JSON.stringify(d.content.map((p) => ({ content: p.content.map((t) => ({ text: t.text, type: t.type })), type: p.type }))));
    const base = { type: "doc", content: reordered(BASE) };
    const theirs = { type: "doc", content: reordered(doc("One, corrected.", "Two.", "Three.", "Four.")) };
    const merged = mergeDocs(base, theirs, doc("One.", "Two.", "Three.", "Four, mine."));
    expect(merged.conflicts).toBe(0);
    expect(JSON.stringify(merged.doc.content!.map((p) => (p as { content: { text: string }[] }).content[0]!.text))).toBe('["One, corrected.","Two.","Three.","Four, mine."]');
  });

  it("keeps marks and block types: blocks are compared whole", () => {
    const heading = { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Two." }] };
    const theirs = { type: "doc", content: [BASE.content[0], heading, BASE.content[2], BASE.content[3]] };
    const mine = doc("One.", "Two.", "Three.", "Four, mine.");
    expect(mergeDocs(BASE, theirs, mine).doc.content).toEqual([BASE.content[0], heading, BASE.content[2], doc("Four, mine.").content[0]]);
  });
});
