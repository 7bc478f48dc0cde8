import type { Mark, Node } from "prosemirror-model";
import { parse, type DefaultTreeAdapterTypes } from "parse5";
import { articleSchema } from "@/lib/editor/schema";
import { Invalid } from "@/lib/errors";
import { isSafeHttpUrl } from "@/lib/urls";
import { DocumentBuilder } from "./builder";

type Element = DefaultTreeAdapterTypes.Element;
type ChildNode = DefaultTreeAdapterTypes.ChildNode;

/** What an HTML page converts to: the document, and the texts a title may be taken from. */
export type HtmlConversion = { doc: Node; firstH1: string | null; firstHeading: string | null; pageTitle: string | null };

/** Elements dropped with everything inside them: code, embedded content, forms, and what is never shown. */
const DROPPED = new Set(
  ("script style iframe frame frameset object embed applet noscript noembed noframes template svg math canvas " +
    "form input button select option optgroup textarea datalist output progress meter head meta link base title " +
    "img picture source track video audio map area param slot dialog").split(" "),
);

/** Elements whose content is a block of its own; nested ones are flattened into a run of paragraphs. */
const BLOCKS = new Set(
  ("html body address article aside blockquote center dd details div dl dt fieldset figcaption figure footer header " +
    "hgroup hr legend li main nav p pre section summary table thead tbody tfoot caption").split(" "),
);

const LISTS: Record<string, "bullet_list" | "ordered_list"> = { ul: "bullet_list", menu: "bullet_list", dir: "bullet_list", ol: "ordered_list" };

/**
 * Heading levels of the article: the page's h1 (its headline) becomes a level-2 heading, h2 level 3,
 * and h3 to h6 level 4, so the article's own heading levels stay below its title's.
 */
const HEADING_LEVELS: Record<string, number> = { h1: 2, h2: 3, h3: 4, h4: 4, h5: 4, h6: 4 };


/** Deeper nesting is refused rather than walked: no real article needs it, and it could exhaust the stack. */
const MAX_DEPTH = 500;

type Context = { marks: readonly Mark[]; pre: boolean; depth: number };

/**
 * Reduces an HTML page to the article schema. Only text, paragraphs, headings, lists, bold, italic and
 * http(s) links survive; every attribute but a link's href is dropped, unknown elements are replaced by
 * their content, and scripts, styles, embedded content and forms are dropped with their content.
 * The parser is parse5 (the HTML standard's algorithm, entities decoded); nothing is ever rendered or run.
 */
export function documentFromHtml(html: string): HtmlConversion {
  const conversion = new HtmlWalker();
  conversion.children(parse(html).childNodes, { marks: [], pre: false, depth: 0 });
  return { doc: conversion.builder.finish(), ...conversion.titles };
}

class HtmlWalker {
  readonly builder = new DocumentBuilder();
  readonly titles: Omit<HtmlConversion, "doc"> = { firstH1: null, firstHeading: null, pageTitle: null };

  children(nodes: ChildNode[], context: Context): void {
    if (context.depth > MAX_DEPTH) throw new Invalid(`The HTML is nested more than ${MAX_DEPTH} levels deep.`, { content: "is nested too deeply" });
    for (const node of nodes) this.node(node, context);
  }

  private node(node: ChildNode, context: Context): void {
    if (node.nodeName === "#text") return this.text((node as DefaultTreeAdapterTypes.TextNode).value, context);
    if (!("tagName" in node)) return; // comments and doctypes
    const tag = node.tagName.toLowerCase();
    const inner = { ...context, depth: context.depth + 1 };
    if (tag === "head") return this.head(node);
    if (DROPPED.has(tag)) return;
    if (tag in HEADING_LEVELS && !this.builder.inHeading) return this.heading(node, tag, inner);
    if (tag in LISTS && !this.builder.inHeading) return this.list(node, LISTS[tag]!, inner);
    if (tag === "br") return this.builder.inHeading ? this.builder.text(" ") : this.builder.breakBlock();
    if (tag === "tr" && !this.builder.inHeading) return this.row(node, inner);
    if (BLOCKS.has(tag) && !this.builder.inHeading) {
      this.builder.breakBlock();
      this.children(node.childNodes, { ...inner, pre: context.pre || tag === "pre" });
      this.builder.breakBlock();
      return;
    }
    this.children(node.childNodes, { ...inner, marks: marksOf(node, tag, context.marks) });
  }

  private text(value: string, context: Context): void {
    if (!context.pre) return this.builder.text(value, context.marks);
    // Preformatted text keeps its lines, each a paragraph (or, inside a heading, separated by a space).
    value.split(/\r\n?|\n/).forEach((line, index) => {
      if (index > 0) this.builder.breakBlock();
      this.builder.text(line, context.marks);
    });
  }

  private head(head: Element): void {
    const title = head.childNodes.find((child): child is Element => "tagName" in child && child.tagName === "title");
    const text = title?.childNodes.map((child) => ("value" in child ? child.value : "")).join("").replace(/\s+/g, " ").trim();
    if (text) this.titles.pageTitle ??= text;
  }

  private heading(node: Element, tag: string, context: Context): void {
    const text = this.builder.heading(HEADING_LEVELS[tag]!, () => this.children(node.childNodes, context));
    if (!text) return;
    this.titles.firstHeading ??= text;
    if (tag === "h1") this.titles.firstH1 ??= text;
  }

  /** A table row is one paragraph, its cells separated by " | ". */
  private row(node: Element, context: Context): void {
    this.builder.breakBlock();
    let cells = 0;
    for (const child of node.childNodes) {
      if ("tagName" in child && (child.tagName === "td" || child.tagName === "th") && cells++ > 0) this.builder.text(" | ", context.marks);
      this.node(child, context);
    }
    this.builder.breakBlock();
  }

  private list(node: Element, type: "bullet_list" | "ordered_list", context: Context): void {
    this.builder.list(type, () => {
      for (const child of node.childNodes) {
        if (child.nodeName === "#text" && !(child as DefaultTreeAdapterTypes.TextNode).value.trim()) continue;
        const isItem = "tagName" in child && child.tagName === "li";
        this.builder.item(() => (isItem ? this.children(child.childNodes, context) : this.node(child, context)));
      }
    });
  }
}

/** The marks of `element`'s content: its parent's, plus bold, italic or a link for the elements that mean them. */
function marksOf(element: Element, tag: string, marks: readonly Mark[]): readonly Mark[] {
  if (tag === "strong" || tag === "b") return articleSchema.marks.strong!.create().addToSet(marks);
  if (tag === "em" || tag === "i") return articleSchema.marks.em!.create().addToSet(marks);
  if (tag !== "a") return marks;
  const href = element.attrs.find((attribute) => attribute.name === "href")?.value.trim();
  if (href && isSafeHttpUrl(href)) return articleSchema.marks.link!.create({ href }).addToSet(marks);
  // A link that is not http(s) (javascript:, data:, relative, mailto:) keeps its text, not its target.
  return marks.filter((mark) => mark.type !== articleSchema.marks.link);
}
