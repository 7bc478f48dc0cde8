import { describe, expect, it } from "vitest";
import { documentFromPlainText } from "@/lib/articles/document";
import { articleSchema } from "@/lib/editor/schema";
import { markClaims, type MarkedNode } from "@/lib/publishing/marked-text";

/** The runs of a rendering as [text, claim ids] and note references as "[n]". */
function flatten(nodes: MarkedNode[]): (string | [string, string[]])[] {
  return nodes.flatMap((node) => {
    if (node.kind === "block") return [`<${node.tag}>`, ...flatten(node.children)];
    if (node.kind === "note-ref") return [`[${node.number}]`];
    return [[node.text, node.claimIds] as [string, string[]]];
  });
}

describe("markClaims", () => {
  const doc = documentFromPlainText("Alpha beta gamma.\nDelta epsilon.");

  it("splits the text where claims start and end, and puts each note reference after its claim", () => {
    const nodes = markClaims(doc, [
      { id: "a", number: 1, start: 6, end: 10 },
      { id: "b", number: 2, start: 18, end: 23 },
    ]);
    expect(flatten(nodes)).toEqual([
      "<p>",
      ["Alpha ", []],
      ["beta", ["a"]],
      "[1]",
      [" gamma.", []],
      "<p>",
      ["Delta", ["b"]],
      "[2]",
      [" epsilon.", []],
    ]);
  });

  it("labels overlapping claims on the runs they share", () => {
    const nodes = markClaims(doc, [
      { id: "a", number: 1, start: 0, end: 10 },
      { id: "b", number: 2, start: 6, end: 16 },
    ]);
    expect(flatten(nodes).slice(0, 6)).toEqual(["<p>", ["Alpha ", ["a"]], ["beta", ["a", "b"]], "[1]", [" gamma", ["b"]], "[2]"]);
  });

  it("keeps the article's formatting and drops unsafe links", () => {
    const schema = articleSchema;
    const paragraph = schema.node("paragraph", null, [
      schema.text("safe", [schema.marks.link!.create({ href: "https://example.org" })]),
      schema.text(" bad", [schema.marks.link!.create({ href: "javascript:alert(1)" }), schema.marks.strong!.create()]),
    ]);
    const [block] = markClaims(schema.node("doc", null, [paragraph]), []);
    expect(block).toMatchObject({
      kind: "block",
      children: [
        { kind: "text", text: "safe", style: { href: "https://example.org", strong: false } },
        { kind: "text", text: " bad", style: { href: null, strong: true } },
      ],
    });
  });
});
