import { groupForReading } from "@/lib/revisions/compare";
import type { RevisionComparison as Comparison } from "@/lib/revisions/service";
import { TextChanges } from "./text-changes";

/** What one revision inserted and deleted, as text with <ins> and <del>; paragraphs kept. */
export function RevisionComparison({ comparison }: { comparison: Comparison }) {
  const changes = groupForReading(comparison.changes);
  const inserted = changes.filter((change) => change.type === "insert").length;
  const deleted = changes.filter((change) => change.type === "delete").length;
  return (
    <section aria-label={`Changes from revision ${comparison.from} to revision ${comparison.to}`} className="revision-diff">
      <p className="muted">
        Revision {comparison.from} → {comparison.to}: {inserted} {inserted === 1 ? "insertion" : "insertions"}, {deleted} {deleted === 1 ? "deletion" : "deletions"}.
      </p>
      <div className="revision-diff__text">
        <TextChanges changes={changes} />
      </div>
    </section>
  );
}
