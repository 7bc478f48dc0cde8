import { groupForReading } from "@/lib/revisions/compare";
import { comparedParagraphs, foldUnchanged, type ComparedParagraph } from "@/lib/revisions/compared-paragraphs";
import type { RevisionComparison as Comparison } from "@/lib/revisions/service";
import { TextChanges } from "./text-changes";

function Paragraphs({ paragraphs }: { paragraphs: ComparedParagraph[] }) {
  return paragraphs.map((paragraph, index) => (
    <p key={index} className={paragraph.changed ? "revision-diff__changed" : undefined}>
      <TextChanges changes={paragraph.changes} />
    </p>
  ));
}

/**
 * What one revision inserted and deleted, paragraph by paragraph with <ins> and <del>: each changed
 * paragraph with one unchanged paragraph either side, and the longer runs of unchanged paragraphs
 * folded away behind a summary that opens them.
 */
export function RevisionComparison({ comparison }: { comparison: Comparison }) {
  const changes = groupForReading(comparison.changes);
  const inserted = changes.filter((change) => change.type === "insert").length;
  const deleted = changes.filter((change) => change.type === "delete").length;
  const paragraphs = comparedParagraphs(changes);
  const changed = paragraphs.filter((paragraph) => paragraph.changed).length;
  return (
    <section aria-label={`Changes from revision ${comparison.from} to revision ${comparison.to}`} className="revision-diff">
      <p className="muted">
        Revision {comparison.from} → {comparison.to}: {inserted} {inserted === 1 ? "insertion" : "insertions"}, {deleted} {deleted === 1 ? "deletion" : "deletions"}
        {" "}in {changed} of {paragraphs.length} {paragraphs.length === 1 ? "paragraph" : "paragraphs"}.
      </p>
      <div className="revision-diff__text">
        {foldUnchanged(paragraphs).map((block, index) =>
          block.folded ? (
            <details key={index} className="revision-diff__fold">
              <summary>{block.paragraphs.length} unchanged paragraphs</summary>
              <Paragraphs paragraphs={block.paragraphs} />
            </details>
          ) : (
            <Paragraphs key={index} paragraphs={block.paragraphs} />
          ),
        )}
      </div>
    </section>
  );
}
