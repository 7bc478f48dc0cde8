import type { Change } from "./compare";

/**
 * One paragraph of a comparison: its stretches in order, and whether any was inserted or deleted.
 * A paragraph break the newer revision inserted or deleted (a paragraph split or joined) is its
 * last stretch, `{ type: "insert" | "delete", text: "\n" }`.
 */
export type ComparedParagraph = { changes: Change[]; changed: boolean };

/** Paragraphs shown as they are, or a run of unchanged paragraphs folded away. */
export type ComparisonBlock = { folded: boolean; paragraphs: ComparedParagraph[] };

/** The comparison's stretches cut at the paragraph breaks of either revision; empty paragraphs are left out. */
export function comparedParagraphs(changes: readonly Change[]): ComparedParagraph[] {
  const paragraphs: ComparedParagraph[] = [];
  let current: ComparedParagraph = { changes: [], changed: false };
  const end = () => {
    if (current.changes.length) paragraphs.push(current);
    current = { changes: [], changed: false };
  };
  for (const change of changes) {
    const lines = change.text.split("\n");
    lines.forEach((line, index) => {
      if (line) current.changes.push({ type: change.type, text: line });
      if (line && change.type !== "equal") current.changed = true;
      if (index === lines.length - 1) return;
      if (change.type !== "equal") {
        current.changes.push({ type: change.type, text: "\n" });
        current.changed = true;
      }
      end();
    });
  }
  end();
  return withoutWholeParagraphBreaks(paragraphs);
}

const isBreak = (change: Change | undefined) => change?.type !== "equal" && change?.text === "\n";

/** Whether the paragraph is all inserted or all deleted (`type`), its break aside. */
function wholly(paragraph: ComparedParagraph | undefined, type: Change["type"]): boolean {
  return !!paragraph && paragraph.changes.every((change) => change.type === type);
}

/**
 * A paragraph inserted or deleted whole takes its paragraph break with it, which the comparison
 * places at its end or, at the end of the text, at the end of the paragraph before. Marking that
 * break as well would say nothing more, and would mark the unchanged paragraph before as changed.
 */
function withoutWholeParagraphBreaks(paragraphs: ComparedParagraph[]): ComparedParagraph[] {
  return paragraphs.map((paragraph, index) => {
    const last = paragraph.changes.at(-1);
    if (!isBreak(last)) return paragraph;
    const rest = paragraph.changes.slice(0, -1);
    const whole = rest.length > 0 && rest.every((change) => change.type === last!.type);
    if (!whole && !wholly(paragraphs[index + 1], last!.type)) return paragraph;
    return { changes: rest, changed: rest.some((change) => change.type !== "equal") };
  });
}

/**
 * The paragraphs with every changed one shown, `context` unchanged ones either side of it, and the
 * other unchanged ones folded away in runs. A run shorter than `shortestFold` is shown: folding a
 * single paragraph would hide as much as it saves.
 */
export function foldUnchanged(paragraphs: readonly ComparedParagraph[], context = 1, shortestFold = 3): ComparisonBlock[] {
  const near = paragraphs.map(() => false);
  paragraphs.forEach((paragraph, index) => {
    if (!paragraph.changed) return;
    for (let at = Math.max(0, index - context); at <= Math.min(paragraphs.length - 1, index + context); at++) near[at] = true;
  });
  const blocks: ComparisonBlock[] = [];
  let index = 0;
  while (index < paragraphs.length) {
    let end = index;
    while (end < paragraphs.length && near[end] === near[index]) end++;
    const run = paragraphs.slice(index, end);
    const folded = !near[index] && run.length >= shortestFold;
    const last = blocks.at(-1);
    if (last && !last.folded && !folded) last.paragraphs.push(...run);
    else blocks.push({ folded, paragraphs: run });
    index = end;
  }
  return blocks;
}
