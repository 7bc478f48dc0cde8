import type { Mark, Node } from "prosemirror-model";
import { isSafeHttpUrl } from "@/lib/urls";

/** A span of claim over the plain text (offsets as in `articles.plain_text`), with its note's number. */
export type ClaimSpan = { id: string; number: number; start: number; end: number };

/** The article's formatting on a run of text: what the public page may render of it. */
export type TextStyle = { strong: boolean; em: boolean; href: string | null };

/** An article rendered as data: blocks, runs of text with the claims covering them, and note references. */
export type MarkedNode =
  | { kind: "block"; tag: "p" | "h2" | "h3" | "h4" | "ul" | "ol" | "li"; children: MarkedNode[] }
  | { kind: "text"; text: string; style: TextStyle; claimIds: string[]; startsClaim: string | null }
  | { kind: "note-ref"; claimId: string; number: number };

const BLOCK_TAGS: Record<string, "p" | "ul" | "ol" | "li"> = { paragraph: "p", bullet_list: "ul", ordered_list: "ol", list_item: "li" };

function styleOf(marks: readonly Mark[]): TextStyle {
  const link = marks.find((mark) => mark.type.name === "link");
  const href = link ? String(link.attrs.href) : null;
  return {
    strong: marks.some((mark) => mark.type.name === "strong"),
    em: marks.some((mark) => mark.type.name === "em"),
    href: href && isSafeHttpUrl(href) ? href : null,
  };
}

/**
 * `doc` as blocks of text runs, each run split where a claim starts or ends and labelled with the
 * claims covering it, and a note reference after each claim's last character. Offsets count as in
 * `indexTextblocks`: text blocks in document order, joined by one character.
 */
export function markClaims(doc: Node, claims: readonly ClaimSpan[]): MarkedNode[] {
  let blockOffset = 0;
  const textblock = (node: Node): MarkedNode[] => {
    const from = blockOffset;
    const runs: MarkedNode[] = [];
    let offset = from;
    node.forEach((child) => {
      const text = child.text ?? "";
      const cuts = new Set([offset, offset + text.length]);
      for (const claim of claims) {
        if (claim.start > offset && claim.start < offset + text.length) cuts.add(claim.start);
        if (claim.end > offset && claim.end < offset + text.length) cuts.add(claim.end);
      }
      const sorted = [...cuts].sort((a, b) => a - b);
      for (let i = 0; i + 1 < sorted.length; i++) {
        const [start, end] = [sorted[i]!, sorted[i + 1]!];
        const covering = claims.filter((claim) => claim.start <= start && claim.end >= end);
        runs.push({
          kind: "text",
          text: text.slice(start - offset, end - offset),
          style: styleOf(child.marks),
          claimIds: covering.map((claim) => claim.id),
          startsClaim: covering.find((claim) => claim.start === start)?.id ?? null,
        });
        for (const claim of claims) if (claim.end === end) runs.push({ kind: "note-ref", claimId: claim.id, number: claim.number });
      }
      offset += text.length;
    });
    // A claim that ends at the block's end after a trailing separator, or spans blocks, still gets its reference here.
    for (const claim of claims) if (claim.end > offset && claim.end <= offset + 1) runs.push({ kind: "note-ref", claimId: claim.id, number: claim.number });
    blockOffset = from + node.textContent.length + 1;
    return runs;
  };
  const visit = (node: Node): MarkedNode => {
    if (node.isTextblock) {
      const tag = node.type.name === "heading" ? (`h${Math.min(4, Math.max(2, Number(node.attrs.level)))}` as "h2" | "h3" | "h4") : "p";
      return { kind: "block", tag, children: textblock(node) };
    }
    const children: MarkedNode[] = [];
    node.forEach((child) => children.push(visit(child)));
    return { kind: "block", tag: BLOCK_TAGS[node.type.name] ?? "p", children };
  };
  const blocks: MarkedNode[] = [];
  doc.forEach((child) => blocks.push(visit(child)));
  return blocks;
}
