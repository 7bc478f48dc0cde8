import type { Node } from "prosemirror-model";
import { articleSchema } from "@/lib/editor/schema";

/**
 * Where each text block of a document starts, in ProseMirror positions and in plain-text offsets.
 * The plain text is the text blocks' text joined by "\n"; selectors count offsets in it.
 */
export type TextblockIndex = {
  plainText: string;
  blocks: { pos: number; offset: number; length: number }[];
};

export function indexTextblocks(doc: Node): TextblockIndex {
  const blocks: TextblockIndex["blocks"] = [];
  const parts: string[] = [];
  let offset = 0;
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const text = node.textContent;
    blocks.push({ pos: pos + 1, offset, length: text.length });
    parts.push(text);
    offset += text.length + 1;
    return false;
  });
  return { plainText: parts.join("\n"), blocks };
}

export function plainTextOf(doc: Node): string {
  return indexTextblocks(doc).plainText;
}

/** The last block whose `key` is at most `value` (blocks are sorted by both keys), by binary search. */
function lastBlockAtOrBefore(index: TextblockIndex, key: "pos" | "offset", value: number) {
  let low = 0;
  let high = index.blocks.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (index.blocks[middle]![key] <= value) low = middle;
    else high = middle - 1;
  }
  return index.blocks[low];
}

/** The document position of a plain-text offset. An offset on a block separator maps to the end of that block. */
export function positionOfOffset(index: TextblockIndex, offset: number): number {
  const block = lastBlockAtOrBefore(index, "offset", offset);
  if (!block) return 0;
  return block.pos + Math.min(offset - block.offset, block.length);
}

/** The plain-text offset of a document position; a position between blocks maps to the nearest block edge. */
export function offsetOfPosition(index: TextblockIndex, pos: number): number {
  const block = lastBlockAtOrBefore(index, "pos", pos);
  if (!block) return 0;
  return block.offset + Math.max(0, Math.min(pos - block.pos, block.length));
}

/** A document of one paragraph per non-empty line of `text`. */
export function documentFromPlainText(text: string): Node {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => articleSchema.node("paragraph", null, [articleSchema.text(line)]));
  return articleSchema.node("doc", null, paragraphs.length ? paragraphs : [articleSchema.node("paragraph")]);
}

export function documentFromJSON(json: unknown): Node {
  return articleSchema.nodeFromJSON(json);
}
