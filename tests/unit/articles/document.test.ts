import { describe, expect, it } from "vitest";
import { articleSchema } from "@/lib/editor/schema";
import {
  documentFromPlainText,
  indexTextblocks,
  offsetOfPosition,
  plainTextOf,
  positionOfOffset,
} from "@/lib/articles/document";

const paragraphTexts = (text: string) => {
  const paragraphs: string[] = [];
  documentFromPlainText(text).forEach((node) => {
    expect(node.type.name).toBe("paragraph");
    paragraphs.push(node.textContent);
  });
  return paragraphs;
};

describe("documentFromPlainText", () => {
  it("makes one paragraph per non-empty line", () => {
    expect(paragraphTexts("First line.\n\nSecond line.\n   \nThird line.\n")).toEqual(["First line.", "Second line.", "Third line."]);
  });

  it("splits Windows and old Mac line endings too", () => {
    expect(paragraphTexts("One.\r\nTwo.\r\n\r\nThree.\rFour.")).toEqual(["One.", "Two.", "Three.", "Four."]);
  });

  it("trims each line", () => {
    expect(paragraphTexts("  padded  \n\tindented")).toEqual(["padded", "indented"]);
  });

  it("makes one empty paragraph of an empty text", () => {
    const doc = documentFromPlainText("\n \n");
    expect(doc.childCount).toBe(1);
    expect(doc.firstChild?.content.size).toBe(0);
    expect(plainTextOf(doc)).toBe("");
  });
});

describe("plainTextOf", () => {
  it("joins the text blocks with a newline", () => {
    expect(plainTextOf(documentFromPlainText("Alpha.\r\n\r\nBeta.\nGamma."))).toBe("Alpha.\nBeta.\nGamma.");
  });

  it("counts nested text blocks such as list items and headings", () => {
    const node = articleSchema.node.bind(articleSchema);
    const text = articleSchema.text.bind(articleSchema);
    const doc = node("doc", null, [
      node("heading", { level: 2 }, [text("Title")]),
      node("bullet_list", null, [
        node("list_item", null, [node("paragraph", null, [text("one")])]),
        node("list_item", null, [node("paragraph", null, [text("two")])]),
      ]),
    ]);
    expect(plainTextOf(doc)).toBe("Title\none\ntwo");
  });
});

describe("positionOfOffset and offsetOfPosition", () => {
  const doc = documentFromPlainText("First paragraph.\nSecond one.\nA third, longer paragraph.");
  const index = indexTextblocks(doc);

  it("map every plain-text offset to the document position holding that character, and back", () => {
    for (let offset = 0; offset <= index.plainText.length; offset++) {
      const pos = positionOfOffset(index, offset);
      expect(offsetOfPosition(index, pos)).toBe(offset);
      const character = index.plainText[offset];
      if (character !== undefined && character !== "\n") {
        expect(doc.textBetween(pos, pos + 1)).toBe(character);
      }
    }
  });

  it("map an offset on a block separator to the end of the block before it", () => {
    const separator = index.plainText.indexOf("\n");
    expect(positionOfOffset(index, separator)).toBe(1 + "First paragraph.".length);
  });

  it("map a position between blocks to the nearest block edge", () => {
    const endOfFirst = 1 + "First paragraph.".length;
    expect(offsetOfPosition(index, endOfFirst + 1)).toBe("First paragraph.".length);
    expect(offsetOfPosition(index, 0)).toBe(0);
  });
});
