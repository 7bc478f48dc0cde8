import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/database";
import { annotations, reviewEvents } from "@/db/schema";
import { versionSchema } from "@/lib/annotations/input";
import { selectAnnotation, selectAnnotationDetail, touchArticleAnnotations } from "@/lib/annotations/queries";
import type { AnnotationDetail } from "@/lib/annotations/record";
import { annotationChange } from "@/lib/annotations/audit";
import { recordAudit } from "@/lib/audit/record";
import { insertComment } from "@/lib/comments/service";
import { assertCurrentVersion, assertNotDiscarded, STALE_VERSION_MESSAGE } from "@/lib/annotations/service";
import { Conflict, Invalid, NotFound } from "@/lib/errors";
import { mayTakeReviewAction, mayViewAnnotations } from "@/lib/policies/annotation";
import { enforce } from "@/lib/policies/enforce";
import type { Actor } from "@/lib/users/actor";
import { parseInput } from "@/lib/validation";
import { missingForReview } from "./readiness";
import { REVIEW_STATUS_LABELS, reviewStatusSchema } from "./statuses";
import { ACTIONS_NEEDING_COMMENT, reviewActionFor } from "./transitions";
import { tellStatusChange } from "@/lib/webhooks/desk-events";

export const statusChangeSchema = z.strictObject({
  to: reviewStatusSchema,
  comment: z.string().trim().max(5_000, "must be at most 5,000 characters").optional(),
  version: versionSchema,
});

/**
 * Moves an annotation along the review workflow and records the move in its history, in one transaction.
 * Refuses a stale version (409), a move the workflow does not have (409), a move the actor may not make (403),
 * and a submission that lacks a verdict, an explanation or a source (400).
 */
export async function changeStatus(db: Database, actor: Actor | null, id: string, input: unknown): Promise<AnnotationDetail> {
  enforce(mayViewAnnotations(actor), actor);
  const change = parseInput(statusChangeSchema, input);
  await db.transaction(async (tx) => {
    const annotation = await selectAnnotation(tx, id);
    if (!annotation) throw new NotFound(`No annotation with id ${id}.`);
    assertCurrentVersion(annotation, change.version);
    assertNotDiscarded(annotation);
    const action = reviewActionFor(annotation.status, change.to);
    if (!action) {
      throw new Conflict(
        `An annotation that is ${REVIEW_STATUS_LABELS[annotation.status].toLowerCase()} cannot move to ${REVIEW_STATUS_LABELS[change.to].toLowerCase()}.`,
      );
    }
    enforce(mayTakeReviewAction(actor, annotation, action), actor);
    if (ACTIONS_NEEDING_COMMENT.includes(action) && !change.comment) {
      throw new Invalid("comment: say what must change or why it is reopened", { comment: "is required for this action" });
    }
    if (action === "submit") {
      const missing = missingForReview(annotation);
      if (Object.keys(missing).length) {
        throw new Invalid(
          `Cannot submit for review: ${Object.entries(missing)
            .map(([field, message]) => `${field} ${message}`)
            .join("; ")}`,
          missing,
        );
      }
    }
    const moved = await tx
      .update(annotations)
      .set({ status: change.to, version: annotation.version + 1, updatedAt: new Date() })
      .where(and(eq(annotations.id, id), eq(annotations.version, change.version)))
      .returning({ id: annotations.id });
    if (!moved.length) throw new Conflict(STALE_VERSION_MESSAGE);
    await tx.insert(reviewEvents).values({
      annotationId: id,
      fromStatus: annotation.status,
      toStatus: change.to,
      actorId: actor!.id,
      comment: change.comment || null,
      // An approval's verdict is the rating published: what a later approval is compared with on the public page.
      verdict: annotation.verdict,
    });
    // The reason for a review decision opens (or continues) the claim's discussion, where the author can answer it.
    if (change.comment) await insertComment(tx, actor!, annotation, { body: change.comment });
    await recordAudit(
      tx,
      annotationChange(actor!.id, annotation, {
        action: "status_changed",
        before: { status: annotation.status },
        after: {
          status: change.to,
          ...(change.to === "approved" && annotation.verdict && { verdict: annotation.verdict }),
          ...(change.comment && { comment: change.comment }),
        },
      }),
    );
    await tellStatusChange(tx, annotation, action, change.to, actor!);
    await touchArticleAnnotations(tx, annotation.articleId);
  });
  const detail = await selectAnnotationDetail(db, id);
  if (!detail) throw new NotFound(`No annotation with id ${id}.`);
  return detail;
}
