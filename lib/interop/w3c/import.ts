import type { Database, Transaction } from "@/db/database";
import { annotations, reviewEvents, sources } from "@/db/schema";
import { anchor, describe, PLACEMENT_CONFIDENCE, type StoredSelector } from "@/lib/anchoring";
import { claimantColumns } from "@/lib/annotations/claimant";
import { annotationChange, annotationSnapshot, sourcesSnapshot } from "@/lib/annotations/audit";
import { selectAnnotation, touchArticleAnnotations } from "@/lib/annotations/queries";
import { lockArticleText } from "@/lib/annotations/service";
import { recordAudit, type AuditChange } from "@/lib/audit/record";
import { mayImportAnnotations } from "@/lib/policies/article";
import { enforce } from "@/lib/policies/enforce";
import type { Actor } from "@/lib/users/actor";
import { parseW3cDocument, type ImportedAnnotation } from "./import-input";
import { claimantOfW3c, claimContentOf } from "./import-mapping";

/** What an import did: how many drafts it placed, how many of those need their placement checked, and which it could not place. */
export type ImportReport = {
  placed: number;
  checkPlacement: number;
  unplaced: { index: number; quote: string; reason: string }[];
};

const UNPLACED_REASON = "Its quote is not in the article, has changed too much, or occurs in places its context cannot tell apart.";

/** The selectors `anchor` reads; the others describe another rendering of the page. */
function anchoringSelectors(annotation: ImportedAnnotation): StoredSelector[] {
  return annotation.target.selector.flatMap((selector): StoredSelector[] => {
    if (selector.type === "TextQuoteSelector") return [{ type: selector.type, exact: selector.exact, prefix: selector.prefix, suffix: selector.suffix }];
    if (selector.type === "TextPositionSelector") return [{ type: selector.type, start: selector.start, end: selector.end }];
    return [];
  });
}

function quoteOf(annotation: ImportedAnnotation): string {
  const quote = anchoringSelectors(annotation).find((selector) => selector.type === "TextQuoteSelector");
  return quote && "exact" in quote ? quote.exact : "";
}

async function insertDraft(
  tx: Transaction,
  actor: Actor,
  article: { id: string; plainText: string; revision: number },
  annotation: ImportedAnnotation,
  placement: { start: number; end: number; confidence: number },
) {
  const [quote, position] = describe(article.plainText, placement.start, placement.end);
  const checked = placement.confidence >= PLACEMENT_CONFIDENCE;
  const content = claimContentOf(annotation.body ?? []);
  const [created] = await tx
    .insert(annotations)
    .values({
      articleId: article.id,
      authorId: actor.id,
      quote: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      startOffset: position.start,
      endOffset: position.end,
      verdict: content.verdict,
      ...claimantColumns(claimantOfW3c(annotation["schema:itemReviewed"])),
      explanation: content.explanation,
      anchorConfidence: placement.confidence,
      placementChecked: checked,
      // A placement to check is compared with the quote the file gave, which no revision of ours held.
      ...(checked ? { checkedQuote: quote.exact, checkedRevision: article.revision } : { checkedQuote: quoteOf(annotation), checkedRevision: null }),
    })
    .returning({ id: annotations.id });
  const id = created!.id;
  if (content.sources.length) {
    await tx.insert(sources).values(content.sources.map(({ accessedAt, ...source }, index) => ({ annotationId: id, position: index, ...source, accessedOn: accessedAt })));
  }
  await tx.insert(reviewEvents).values({ annotationId: id, fromStatus: null, toStatus: "draft", actorId: actor.id });
  const record = (await selectAnnotation(tx, id))!;
  const changes: AuditChange[] = [annotationChange(actor.id, record, { action: "created", after: annotationSnapshot(record) })];
  if (record.sources.length) changes.push(annotationChange(actor.id, record, { subject: "source", action: "created", after: sourcesSnapshot(record.sources) }));
  return changes;
}

/**
 * Imports W3C annotations (from Hypothesis or another tool) into the article as drafts of the
 * actor's: each is placed on the current text with `anchor`, as a revision would move it, and flagged
 * "check placement" below PLACEMENT_CONFIDENCE; those it cannot place are reported, not stored.
 * The document is checked whole before anything is written, and everything is written in one transaction.
 */
export async function importW3cAnnotations(db: Database, actor: Actor | null, articleId: string, document: unknown): Promise<ImportReport> {
  enforce(mayImportAnnotations(actor), actor);
  const items = parseW3cDocument(document);
  return db.transaction(async (tx) => {
    const article = await lockArticleText(tx, articleId);
    const report: ImportReport = { placed: 0, checkPlacement: 0, unplaced: [] };
    const changes: AuditChange[] = [];
    for (const [index, item] of items.entries()) {
      const placement = anchor(article.plainText, anchoringSelectors(item));
      if (!placement) {
        report.unplaced.push({ index, quote: quoteOf(item), reason: UNPLACED_REASON });
        continue;
      }
      changes.push(...(await insertDraft(tx, actor!, article, item, placement)));
      report.placed++;
      if (placement.confidence < PLACEMENT_CONFIDENCE) report.checkPlacement++;
    }
    if (report.placed > 0) {
      changes.push({ actorId: actor!.id, subject: "article", subjectId: articleId, articleId, action: "imported", after: { format: "w3c", annotations: report.placed, checkPlacement: report.checkPlacement, unplaced: report.unplaced.length } });
      await recordAudit(tx, ...changes);
      await touchArticleAnnotations(tx, articleId);
    }
    return report;
  });
}
