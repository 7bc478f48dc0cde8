import type { Change } from "@/lib/revisions/compare";

/** Stretches of text as read: inserted ones in <ins>, deleted ones in <del>, the rest as they are. */
export function TextChanges({ changes }: { changes: Change[] }) {
  return changes.map((change, index) => {
    if (change.type === "insert") return <ins key={index}>{change.text}</ins>;
    if (change.type === "delete") return <del key={index}>{change.text}</del>;
    return <span key={index}>{change.text}</span>;
  });
}
