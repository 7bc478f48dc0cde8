import { describe, expect, it } from "vitest";
import { compareTexts, groupForReading } from "@/lib/revisions/compare";
import { comparedParagraphs, foldUnchanged, type ComparedParagraph } from "@/lib/revisions/compared-paragraphs";

const paragraphsOf = (before: string, after: string) => comparedParagraphs(groupForReading(compareTexts(before, after)));
const text = (paragraph: ComparedParagraph) => paragraph.changes.map((c) => (c.type === "equal" ? c.text : `[${c.type[0]}:${c.text}]`)).join("");
const lines = (count: number) => Array.from({ length: count }, (_, i) => `Paragraph ${i + 1}.`);

describe("comparedParagraphs", () => {
  it("cuts the comparison into paragraphs and marks those with an insertion or a deletion", () => {
    const paragraphs = paragraphsOf("One.\nTwo cats.\nThree.", "One.\nTwo dogs.\nThree.");
    expect(paragraphs.map(text)).toEqual(["One.", "Two [d:cats][i:dogs].", "Three."]);
    expect(paragraphs.map((p) => p.changed)).toEqual([false, true, false]);
  });

  it("keeps an inserted or deleted paragraph break as the changed paragraph's last stretch", () => {
    expect(paragraphsOf("One. Two.\nThree.", "One.\nTwo.\nThree.").map(text)).toEqual(["One.[d: ][i:\n]", "Two.", "Three."]);
    expect(paragraphsOf("One.\nTwo.", "One. Two.").map(text)).toEqual(["One.[d:\n]", "[i: ]Two."]);
  });

  it("shows a deleted paragraph as a paragraph of its own, changed", () => {
    const paragraphs = paragraphsOf("One.\nGone now.\nThree.", "One.\nThree.");
    expect(paragraphs.map(text)).toEqual(["One.", "[d:Gone now.]", "Three."]);
    expect(paragraphs.map((p) => p.changed)).toEqual([false, true, false]);
    // The last paragraph: the break deleted with it comes before it, and leaves the one before unchanged.
    const last = paragraphsOf("One.\nTwo.\nThree.", "One.\nTwo.");
    expect(last.map(text)).toEqual(["One.", "Two.", "[d:Three.]"]);
    expect(last.map((p) => p.changed)).toEqual([false, false, true]);
    expect(paragraphsOf("One.", "One.\nAdded.").map(text)).toEqual(["One.", "[i:Added.]"]);
  });
});

describe("foldUnchanged", () => {
  const edited = (count: number, changed: number[]) => {
    const before = lines(count);
    const after = before.map((line, i) => (changed.includes(i) ? line.replace("Paragraph", "Section") : line));
    return foldUnchanged(paragraphsOf(before.join("\n"), after.join("\n")));
  };
  const shape = (blocks: ReturnType<typeof foldUnchanged>) => blocks.map((block) => `${block.folded ? "folded" : "shown"} ${block.paragraphs.length}`);

  it("shows each change with a paragraph either side and folds the unchanged runs beyond", () => {
    expect(shape(edited(12, [1, 8]))).toEqual(["shown 3", "folded 4", "shown 5"]);
  });

  it("shows a run of unchanged paragraphs too short to be worth folding", () => {
    expect(shape(edited(9, [1, 6]))).toEqual(["shown 9"]);
    expect(shape(edited(10, [1, 7]))).toEqual(["shown 3", "folded 3", "shown 4"]);
  });

  it("folds the whole text of two equal revisions", () => {
    expect(shape(edited(5, []))).toEqual(["folded 5"]);
  });
});
