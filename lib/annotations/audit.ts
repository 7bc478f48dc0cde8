import type { AuditChange } from "@/lib/audit/record";
import type { AnnotationRecord, SourceRecord } from "./record";

/** What the audit trail keeps of an annotation's content and placement: enough to tell any two versions apart. */
export function annotationSnapshot(annotation: AnnotationRecord) {
  const [quote, position] = annotation.selectors;
  return {
    quote: quote.exact,
    start: position.start,
    end: position.end,
    status: annotation.status,
    verdict: annotation.verdict,
    claimant: annotation.claimant,
    explanation: annotation.explanation,
    assigneeId: annotation.assignee?.id ?? null,
    dueOn: annotation.dueOn,
  };
}

/** What the audit trail keeps of a list of sources. */
export function sourcesSnapshot(sources: readonly SourceRecord[]) {
  return sources.map(({ url, title, publisher, quote, accessedAt, archiveUrl }) => ({ url, title, publisher, quote, accessedAt, archiveUrl }));
}

/** An audit entry about `annotation` (or its sources), by `actorId`. */
export function annotationChange(
  actorId: string | null,
  annotation: { id: string; articleId: string },
  change: Pick<AuditChange, "action" | "before" | "after"> & { subject?: "annotation" | "source" },
): AuditChange {
  return { actorId, subject: change.subject ?? "annotation", subjectId: annotation.id, articleId: annotation.articleId, annotationId: annotation.id, ...change };
}
