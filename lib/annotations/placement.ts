import { and, eq } from "drizzle-orm";
import type { Database, Transaction } from "@/db/database";
import { annotations, reviewEvents } from "@/db/schema";
import { Conflict, NotFound } from "@/lib/errors";
import { mayPlaceAnnotation, mayViewAnnotations } from "@/lib/policies/annotation";
import { enforce } from "@/lib/policies/enforce";
import type { Actor } from "@/lib/users/actor";
import { recordAudit } from "@/lib/audit/record";
import { parseInput } from "@/lib/validation";
import { annotationChange } from "./audit";
import type { AnnotationEventKind } from "./history";
import { annotationDiscardSchema, annotationReattachSchema, placementConfirmSchema } from "./input";
import { locateQuote } from "./locate-quote";
import { selectAnnotation, selectAnnotationDetail, touchArticleAnnotations } from "./queries";
import type { AnnotationDetail, AnnotationRecord } from "./record";
import { assertCurrentVersion, assertNotDiscarded, lockArticleText, STALE_VERSION_MESSAGE } from "./service";
import { tellPlaced } from "@/lib/webhooks/desk-events";

/**
 * Where an annotation sits after revisions moved the text under it: re-attaching an orphan (or a
 * misplaced claim) to a new selection, discarding an orphan, confirming a doubtful placement.
 * Each is its author's or an editor's, names the version it read, bumps it, and records itself
 * in the annotation's history in the same transaction.
 */

type Placement = Partial<typeof annotations.$inferInsert>;

/**
 * Runs `decide` on the annotation, read after its article's text is locked, then writes the
 * placement it returns and the history entry `kind` at the current revision.
 */
async function place(
  db: Database,
  actor: Actor | null,
  id: string,
  version: number,
  kind: Extract<AnnotationEventKind, "reattached" | "discarded" | "placement_confirmed">,
  decide: (annotation: AnnotationRecord, article: { plainText: string; revision: number }) => Placement,
): Promise<AnnotationDetail> {
  enforce(mayViewAnnotations(actor), actor);
  await db.transaction(async (tx: Transaction) => {
    const found = await selectAnnotation(tx, id);
    if (!found) throw new NotFound(`No annotation with id ${id}.`);
    const article = await lockArticleText(tx, found.articleId);
    const annotation = (await selectAnnotation(tx, id))!;
    enforce(mayPlaceAnnotation(actor, annotation), actor);
    assertCurrentVersion(annotation, version);
    assertNotDiscarded(annotation);
    const placement = decide(annotation, article);
    const updated = await tx
      .update(annotations)
      .set({ ...placement, version: annotation.version + 1, updatedAt: new Date() })
      .where(and(eq(annotations.id, id), eq(annotations.version, version)))
      .returning({ id: annotations.id });
    if (!updated.length) throw new Conflict(STALE_VERSION_MESSAGE);
    await tx.insert(reviewEvents).values({
      annotationId: id,
      kind,
      fromStatus: annotation.status,
      toStatus: annotation.status,
      revision: article.revision,
      actorId: actor!.id,
    });
    await recordAudit(tx, annotationChange(actor!.id, annotation, { action: kind, before: placementOf(annotation), after: { ...placementAfter(annotation, placement), revision: article.revision } }));
    // An approved claim placed (confirmed or re-attached) is on its public page from now on, where it sits now.
    if (kind !== "discarded") await tellPlaced(tx, { ...annotation, quote: placement.quote ?? annotation.quote });
    await touchArticleAnnotations(tx, annotation.articleId);
  });
  const detail = await selectAnnotationDetail(db, id);
  if (!detail) throw new NotFound(`No annotation with id ${id}.`);
  return detail;
}

/** What the audit trail keeps of where an annotation sits. */
function placementOf(annotation: AnnotationRecord) {
  const [quote, position] = annotation.selectors;
  return { quote: quote.exact, start: position.start, end: position.end, orphaned: annotation.orphaned, discarded: annotation.discarded, placementChecked: annotation.placementChecked };
}

/** The same, once `placement` is written. */
function placementAfter(annotation: AnnotationRecord, placement: Placement) {
  const before = placementOf(annotation);
  return {
    quote: placement.quote ?? before.quote,
    start: placement.startOffset ?? before.start,
    end: placement.endOffset ?? before.end,
    orphaned: placement.orphanedAt === undefined ? before.orphaned : placement.orphanedAt !== null,
    discarded: placement.discardedAt === undefined ? before.discarded : placement.discardedAt !== null,
    placementChecked: placement.placementChecked ?? before.placementChecked,
  };
}

/**
 * Puts the annotation on a new selection of the current text (`{version, selectors}`, matched exactly
 * as on creation): an orphan comes back into the text, a doubtful placement is corrected. Either way
 * the placement is then certain and checked.
 */
export async function reattachAnnotation(db: Database, actor: Actor | null, id: string, input: unknown): Promise<AnnotationDetail> {
  const change = parseInput(annotationReattachSchema, input);
  return place(db, actor, id, change.version, "reattached", (_, article) => {
    const [quote, position] = locateQuote(article.plainText, change.selectors);
    return {
      quote: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      startOffset: position.start,
      endOffset: position.end,
      orphanedAt: null,
      orphanedRevision: null,
      anchorConfidence: 1,
      placementChecked: true,
      checkedQuote: quote.exact,
      checkedRevision: article.revision,
    };
  });
}

/**
 * Discards an orphan (`{version}`): it leaves the article's list for good but stays in the database
 * with its status, sources and history. Placed annotations are deleted, not discarded.
 */
export async function discardAnnotation(db: Database, actor: Actor | null, id: string, input: unknown): Promise<AnnotationDetail> {
  const change = parseInput(annotationDiscardSchema, input);
  return place(db, actor, id, change.version, "discarded", (annotation) => {
    if (!annotation.orphaned) throw new Conflict("Only an orphaned annotation can be discarded; delete a placed one instead.");
    return { discardedAt: new Date() };
  });
}

/**
 * Confirms a doubtful placement (`{version, revision}`) as the person saw it in article revision
 * `revision`; a newer revision may have moved it since (re-anchoring does not bump the version), so that is a 409.
 */
export async function confirmPlacement(db: Database, actor: Actor | null, id: string, input: unknown): Promise<AnnotationDetail> {
  const change = parseInput(placementConfirmSchema, input);
  return place(db, actor, id, change.version, "placement_confirmed", (annotation, article) => {
    if (article.revision !== change.revision) {
      throw new Conflict(`The article has a newer revision (${article.revision}) that may have moved this annotation. Reload and check it again.`);
    }
    if (annotation.orphaned) throw new Conflict("This annotation is orphaned: re-attach it to a selection instead.");
    if (annotation.placementChecked) throw new Conflict("This annotation's placement is already confirmed.");
    return { placementChecked: true, anchorConfidence: 1, checkedQuote: annotation.quote, checkedRevision: article.revision };
  });
}
