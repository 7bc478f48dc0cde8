import type { Mark, Node } from "prosemirror-model";
import { articleSchema } from "@/lib/editor/schema";

type ListType = "bullet_list" | "ordered_list";

/** Where blocks go: the document itself, or a list item (whose blocks must start with a paragraph). */
type BlockFrame = { kind: "blocks"; blocks: Node[] };
type ListFrame = { kind: "list"; type: ListType; items: Node[] };

const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/**
 * Builds a document of the article schema from a stream of text runs and block boundaries,
 * the way a browser lays out HTML: runs of whitespace collapse to one space, whitespace at the
 * edges of a block disappears, and a block without text is left out. Every node is created
 * checked, so whatever the input, the result is a valid document.
 */
export class DocumentBuilder {
  private frames: (BlockFrame | ListFrame)[] = [{ kind: "blocks", blocks: [] }];
  private inline: Node[] = [];
  private headingLevel: number | null = null;

  /** Appends `value` to the open text block, with its whitespace collapsed. */
  text(value: string, marks: readonly Mark[] = []): void {
    let text = value.replace(CONTROL, " ").replace(/\s+/g, " ");
    if (text.startsWith(" ") && this.endsWithSpace()) text = text.slice(1);
    if (text) this.inline.push(articleSchema.text(text, marks));
  }

  /** Closes the open text block, if it has any text, as a paragraph (or a heading, inside one). */
  breakBlock(): void {
    const inline = this.trimmedInline();
    this.inline = [];
    if (inline.length === 0) return;
    const block =
      this.headingLevel === null
        ? articleSchema.nodes.paragraph!.createChecked(null, inline)
        : articleSchema.nodes.heading!.createChecked({ level: this.headingLevel }, inline);
    this.push(block);
  }

  /** Runs `content` as a heading of `level` (2 to 4); returns the heading's text, `null` when it has none. */
  heading(level: number, content: () => void): string | null {
    this.breakBlock();
    this.headingLevel = level;
    content();
    const text = this.inline.length ? this.trimmedInline().map((node) => node.text).join("") : null;
    this.breakBlock();
    this.headingLevel = null;
    return text || null;
  }

  /** Whether a heading is open: its content is one line, so block boundaries inside become spaces. */
  get inHeading(): boolean {
    return this.headingLevel !== null;
  }

  /** Runs `content`, which adds items with `item`, as a list; a list without any item is left out. */
  list(type: ListType, content: () => void): void {
    this.breakBlock();
    const frame: ListFrame = { kind: "list", type, items: [] };
    this.frames.push(frame);
    content();
    this.frames.pop();
    if (frame.items.length) this.push(articleSchema.nodes[type]!.createChecked(null, frame.items));
  }

  /** Runs `content` as an item of the list being built; an item without text is left out. */
  item(content: () => void): void {
    const frame: BlockFrame = { kind: "blocks", blocks: [] };
    this.frames.push(frame);
    content();
    this.breakBlock();
    this.frames.pop();
    if (frame.blocks.length === 0) return;
    const item = articleSchema.nodes.list_item!.createChecked(null, startingWithParagraph(frame.blocks));
    const list = this.frames[this.frames.length - 1]!;
    if (list.kind === "list") list.items.push(item);
    else list.blocks.push(articleSchema.nodes.bullet_list!.createChecked(null, [item]));
  }

  /** The finished document: at least one (possibly empty) paragraph. */
  finish(): Node {
    this.breakBlock();
    const blocks = (this.frames[0] as BlockFrame).blocks;
    return articleSchema.nodes.doc!.createChecked(null, blocks.length ? blocks : [articleSchema.nodes.paragraph!.create()]);
  }

  /** Adds `block` to the innermost document or item; content directly inside a list gets an item of its own. */
  private push(block: Node): void {
    const top = this.frames[this.frames.length - 1]!;
    if (top.kind === "blocks") top.blocks.push(block);
    else top.items.push(articleSchema.nodes.list_item!.createChecked(null, startingWithParagraph([block])));
  }

  private endsWithSpace(): boolean {
    const last = this.inline[this.inline.length - 1];
    return !last || (last.text ?? "").endsWith(" ");
  }

  private trimmedInline(): Node[] {
    const inline = [...this.inline];
    const last = inline[inline.length - 1];
    if (last?.text?.endsWith(" ")) {
      const text = last.text.slice(0, -1);
      inline.pop();
      if (text) inline.push(articleSchema.text(text, last.marks));
    }
    return inline;
  }
}

/** A list item must start with a paragraph: blocks starting with a heading or a nested list get an empty one first. */
function startingWithParagraph(blocks: Node[]): Node[] {
  return blocks[0]?.type === articleSchema.nodes.paragraph ? blocks : [articleSchema.nodes.paragraph!.create(), ...blocks];
}
