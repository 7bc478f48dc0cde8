import type { Change } from "@/lib/revisions/compare";

/** A paragraph break inserted or deleted: a pilcrow to see, words to hear. */
const PARAGRAPH_BREAK = (
  <>
    <span aria-hidden="true">¶</span>
    <span className="visually-hidden">paragraph break</span>
  </>
);

/** Stretches of text as read: inserted ones in <ins>, deleted ones in <del>, the rest as they are. */
export function TextChanges({ changes }: { changes: Change[] }) {
  return changes.map((change, index) => {
    const text = change.type !== "equal" && change.text === "\n" ? PARAGRAPH_BREAK : change.text;
    if (change.type === "insert") return <ins key={index}>{text}</ins>;
    if (change.type === "delete") return <del key={index}>{text}</del>;
    return <span key={index}>{text}</span>;
  });
}
