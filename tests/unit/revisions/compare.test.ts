import { describe, expect, it } from "vitest";
import { compareTexts, groupForReading } from "@/lib/revisions/compare";

const oldSide = (changes: ReturnType<typeof compareTexts>) => changes.filter((c) => c.type !== "insert").map((c) => c.text).join("");
const newSide = (changes: ReturnType<typeof compareTexts>) => changes.filter((c) => c.type !== "delete").map((c) => c.text).join("");

describe("compareTexts", () => {
  it("shows a replaced word as a deletion and an insertion between equal text", () => {
    expect(compareTexts("The cat sat.", "The dog sat down.")).toEqual([
      { type: "equal", text: "The " },
      { type: "delete", text: "cat" },
      { type: "insert", text: "dog" },
      { type: "equal", text: " sat" },
      { type: "insert", text: " down" },
      { type: "equal", text: "." },
    ]);
  });

  it("returns nothing for two empty texts and one equal stretch for identical ones", () => {
    expect(compareTexts("", "")).toEqual([]);
    expect(compareTexts("Same\ntext.", "Same\ntext.")).toEqual([{ type: "equal", text: "Same\ntext." }]);
  });

  it("rebuilds both texts from its stretches, whatever the edit", () => {
    const words = (seed: number) => Array.from({ length: seed % 13 }, (_, i) => "abcde"[(seed * 7 + i * i * 3) % 5]).join(" ");
    for (let seed = 0; seed < 200; seed++) {
      const [before, after] = [words(seed), words(seed * 31 + 5)];
      const changes = compareTexts(before, after);
      expect(oldSide(changes)).toBe(before);
      expect(newSide(changes)).toBe(after);
    }
  });

  it("gives up pairing words in a wholly rewritten article and answers one deletion and one insertion", () => {
    const before = Array.from({ length: 20_000 }, (_, i) => `old${i}`).join(" ");
    const after = Array.from({ length: 20_000 }, (_, i) => `new${i}`).join(" ");
    const changes = compareTexts(before, after);
    expect(changes.filter((change) => change.type !== "equal").map((change) => change.type)).toEqual(["delete", "insert"]);
    expect(oldSide(changes)).toBe(before);
    expect(newSide(changes)).toBe(after);
  });

  it("groups a rewritten sentence into one deletion and one insertion for reading", () => {
    const grouped = groupForReading(compareTexts("Intro.\nWhat do you think of this decision?", "Intro.\nUpdated at 10:00 with a comment."));
    expect(grouped).toEqual([
      { type: "equal", text: "Intro.\n" },
      { type: "delete", text: "What do you think of this decision?" },
      { type: "insert", text: "Updated at 10:00 with a comment." },
    ]);
  });
});
