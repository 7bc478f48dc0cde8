import { and, eq, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Transaction } from "@/db/database";
import { annotations, articleRevisions, reviewEvents } from "@/db/schema";
import { describe, reanchor } from "@/lib/anchoring";
import { recordAudit, type AuditChange } from "@/lib/audit/record";

type Orphan = {
  id: string;
  articleId: string;
  status: (typeof annotations.$inferSelect)["status"];
  quote: string;
  prefix: string;
  suffix: string;
  startOffset: number;
  endOffset: number;
  orphanedRevision: number;
  checkedQuote: string | null;
};

type Restored = {
  id: string;
  start_offset: number;
  end_offset: number;
  prefix: string;
  suffix: string;
  placement_checked: boolean;
};

/** The orphans of the article that a revision before `revision` took the text of, not discarded. */
async function orphansBefore(tx: Transaction, articleId: string, revision: number): Promise<Orphan[]> {
  const rows = await tx
    .select({
      id: annotations.id,
      articleId: annotations.articleId,
      status: annotations.status,
      quote: annotations.quote,
      prefix: annotations.prefix,
      suffix: annotations.suffix,
      startOffset: annotations.startOffset,
      endOffset: annotations.endOffset,
      orphanedRevision: annotations.orphanedRevision,
      checkedQuote: annotations.checkedQuote,
    })
    .from(annotations)
    .where(
      and(
        eq(annotations.articleId, articleId),
        isNotNull(annotations.orphanedAt),
        isNull(annotations.discardedAt),
        lt(annotations.orphanedRevision, revision),
      ),
    );
  return rows.map((row) => ({ ...row, orphanedRevision: row.orphanedRevision! }));
}

/** The orphans grouped by the revision that last held their text (the one before the revision that orphaned them). */
function byHoldingRevision(orphans: Orphan[]): Map<number, Orphan[]> {
  const groups = new Map<number, Orphan[]>();
  for (const orphan of orphans) {
    const held = orphan.orphanedRevision - 1;
    groups.set(held, [...(groups.get(held) ?? []), orphan]);
  }
  return groups;
}

/**
 * Brings back the orphans whose text the new revision holds again: a deletion undone, an older
 * revision restored. Each is carried from the revision that last held its text to the new text by
 * the difference between the two (`reanchor`), and comes back only where that puts its very words
 * (confidence 1): never onto a lookalike, never on `anchor`'s guess. It stands checked when these
 * are the words someone last checked, and waits for a check otherwise. Its history says which
 * revision brought it back, by `actorId`. Returns how many came back.
 */
export async function restoreOrphans(tx: Transaction, article: { id: string; newText: string; revision: number }, actorId: string): Promise<number> {
  const orphans = await orphansBefore(tx, article.id, article.revision);
  if (orphans.length === 0) return 0;
  const groups = byHoldingRevision(orphans);
  const held = await tx
    .select({ revision: articleRevisions.revision, plainText: articleRevisions.plainText })
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, article.id), inArray(articleRevisions.revision, [...groups.keys()])));
  const restored: { orphan: Orphan; placed: Restored }[] = [];
  for (const { revision, plainText } of held) {
    const group = groups.get(revision)!;
    const anchors = reanchor(
      plainText,
      article.newText,
      group.map((orphan) => [
        { type: "TextQuoteSelector", exact: orphan.quote, prefix: orphan.prefix, suffix: orphan.suffix },
        { type: "TextPositionSelector", start: orphan.startOffset, end: orphan.endOffset },
      ]),
    );
    group.forEach((orphan, i) => {
      const found = anchors[i];
      if (!found || found.confidence < 1) return;
      const [quote, position] = describe(article.newText, found.start, found.end);
      if (quote.exact !== orphan.quote) return;
      const placement_checked = orphan.checkedQuote === quote.exact;
      restored.push({ orphan, placed: { id: orphan.id, start_offset: position.start, end_offset: position.end, prefix: quote.prefix, suffix: quote.suffix, placement_checked } });
    });
  }
  if (restored.length === 0) return 0;
  await tx.execute(sql`
    update ${annotations} as a set
      orphaned_at = null, orphaned_revision = null,
      start_offset = v.start_offset, end_offset = v.end_offset, prefix = v.prefix, suffix = v.suffix,
      anchor_confidence = 1, placement_checked = v.placement_checked
    from jsonb_to_recordset(${JSON.stringify(restored.map(({ placed }) => placed))}::jsonb) as v(
      id uuid, start_offset integer, end_offset integer, prefix text, suffix text, placement_checked boolean)
    where a.id = v.id`);
  await tx.insert(reviewEvents).values(
    restored.map(({ orphan }) => ({ annotationId: orphan.id, kind: "reattached" as const, fromStatus: orphan.status, toStatus: orphan.status, revision: article.revision, actorId })),
  );
  await recordAudit(tx, ...restored.map(({ orphan, placed }) => restoredChange(actorId, article.revision, orphan, placed)));
  return restored.length;
}

/** The audit entry of an orphan a revision brought back: where it was left, and where it is now. */
function restoredChange(actorId: string, revision: number, orphan: Orphan, placed: Restored): AuditChange {
  return {
    actorId,
    subject: "annotation",
    subjectId: orphan.id,
    articleId: orphan.articleId,
    annotationId: orphan.id,
    action: "reattached",
    before: { quote: orphan.quote, start: orphan.startOffset, end: orphan.endOffset, orphaned: true, orphanedRevision: orphan.orphanedRevision },
    after: { revision, byRevision: true, quote: orphan.quote, start: placed.start_offset, end: placed.end_offset, orphaned: false, placementChecked: placed.placement_checked },
  };
}
