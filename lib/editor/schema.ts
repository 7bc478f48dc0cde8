import { Schema, type MarkSpec, type NodeSpec } from "prosemirror-model";
import { isSafeHttpUrl } from "@/lib/urls";

/**
 * The article schema: paragraphs, headings, lists, bold, italic and links.
 * Annotations are not part of it: they are decorations over separately stored annotations.
 */
const nodes: Record<string, NodeSpec> = {
  doc: { content: "block+" },
  paragraph: {
    content: "inline*",
    group: "block",
    parseDOM: [{ tag: "p" }],
    toDOM: () => ["p", 0],
  },
  heading: {
    attrs: { level: { default: 2, validate: "number" } },
    content: "inline*",
    group: "block",
    defining: true,
    parseDOM: [2, 3, 4].map((level) => ({ tag: `h${level}`, attrs: { level } })),
    toDOM: (node) => [`h${node.attrs.level as number}`, 0],
  },
  bullet_list: {
    content: "list_item+",
    group: "block",
    parseDOM: [{ tag: "ul" }],
    toDOM: () => ["ul", 0],
  },
  ordered_list: {
    content: "list_item+",
    group: "block",
    parseDOM: [{ tag: "ol" }],
    toDOM: () => ["ol", 0],
  },
  list_item: {
    content: "paragraph block*",
    defining: true,
    parseDOM: [{ tag: "li" }],
    toDOM: () => ["li", 0],
  },
  text: { group: "inline" },
};

const marks: Record<string, MarkSpec> = {
  link: {
    attrs: { href: { validate: "string" } },
    inclusive: false,
    parseDOM: [
      {
        tag: "a[href]",
        getAttrs: (dom) => {
          const href = (dom as HTMLElement).getAttribute("href") ?? "";
          return isSafeHttpUrl(href) ? { href } : false;
        },
      },
    ],
    // An unsafe href (stored before validation, or forged JSON) is rendered without its link.
    toDOM: (mark) => {
      const href = mark.attrs.href as string;
      return isSafeHttpUrl(href) ? ["a", { href, rel: "nofollow noopener ugc", target: "_blank" }, 0] : ["span", 0];
    },
  },
  em: {
    parseDOM: [{ tag: "i" }, { tag: "em" }, { style: "font-style=italic" }],
    toDOM: () => ["em", 0],
  },
  strong: {
    parseDOM: [{ tag: "strong" }, { tag: "b" }, { style: "font-weight=bold" }],
    toDOM: () => ["strong", 0],
  },
};

export const articleSchema = new Schema({ nodes, marks });
