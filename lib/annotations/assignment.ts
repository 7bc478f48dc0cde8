import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Database, Transaction } from "@/db/database";
import { annotations, reviewEvents, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { Conflict, Invalid, NotFound } from "@/lib/errors";
import { isId } from "@/lib/ids";
import { mayAssignAnnotation, mayViewAnnotations } from "@/lib/policies/annotation";
import { enforce } from "@/lib/policies/enforce";
import type { Actor } from "@/lib/users/actor";
import { parseInput } from "@/lib/validation";
import { annotationChange } from "./audit";
import { selectAnnotation, selectAnnotationDetail, touchArticleAnnotations } from "./queries";
import type { AnnotationDetail } from "./record";

export const assignmentSchema = z.strictObject({
  assigneeId: z.string({ error: "must be a user id or null" }).refine(isId, "must be a user id or null").nullable(),
  dueOn: z.iso.date({ error: "must be a date as YYYY-MM-DD, or null" }).nullable().optional(),
});

/** Whom a claim is assigned to and by when: a change outside the claim's content, so it names no version and bumps none. */
export async function assignAnnotation(db: Database, actor: Actor | null, id: string, input: unknown): Promise<AnnotationDetail> {
  enforce(mayViewAnnotations(actor), actor);
  const change = parseInput(assignmentSchema, input);
  await db.transaction((tx) => assignInTransaction(tx, actor!, id, change));
  const detail = await selectAnnotationDetail(db, id);
  if (!detail) throw new NotFound(`No annotation with id ${id}.`);
  return detail;
}

/** The assignment itself, inside `tx`: shared with the bulk action. */
export async function assignInTransaction(tx: Transaction, actor: Actor, id: string, change: z.output<typeof assignmentSchema>): Promise<void> {
  const [locked] = await tx.select({ id: annotations.id }).from(annotations).where(eq(annotations.id, id)).for("update");
  if (!locked) throw new NotFound(`No annotation with id ${id}.`);
  const annotation = (await selectAnnotation(tx, id))!;
  enforce(mayAssignAnnotation(actor, annotation, change), actor);
  if (annotation.discarded) throw new Conflict("This annotation was discarded: it can no longer be assigned.");
  const assignee = change.assigneeId === null ? null : await requireActiveUser(tx, change.assigneeId);
  const dueOn = change.dueOn === undefined ? annotation.dueOn : change.dueOn;
  if (annotation.assignee?.id === (assignee?.id ?? undefined) && annotation.dueOn === dueOn) return;
  const taking = actor.role === "reviewer" && assignee?.id === actor.id;
  const updated = await tx
    .update(annotations)
    .set({ assigneeId: assignee?.id ?? null, dueOn, updatedAt: new Date() })
    // A reviewer takes a claim only while nobody has it: of two who click "Take" at once, one gets it.
    .where(taking ? and(eq(annotations.id, id), isNull(annotations.assigneeId)) : eq(annotations.id, id))
    .returning({ id: annotations.id });
  if (!updated.length) throw new Conflict("Someone took this claim a moment ago. Reload to see who.");
  // In the claim's history, and (by the trigger on review_events) in the inbox of whom it was given to and taken from.
  await tx.insert(reviewEvents).values({
    annotationId: id,
    kind: "assigned",
    fromStatus: annotation.status,
    toStatus: annotation.status,
    actorId: actor.id,
    assigneeId: assignee?.id ?? null,
    previousAssigneeId: annotation.assignee?.id ?? null,
    dueOn,
  });
  await recordAudit(
    tx,
    annotationChange(actor.id, annotation, {
      action: "assigned",
      before: { assignee: annotation.assignee, dueOn: annotation.dueOn },
      after: { assignee, dueOn },
    }),
  );
  await touchArticleAnnotations(tx, annotation.articleId);
}

async function requireActiveUser(tx: Transaction, id: string): Promise<{ id: string; name: string }> {
  const [user] = await tx.select({ id: users.id, name: users.name, disabled: users.disabled }).from(users).where(eq(users.id, id));
  if (!user || user.disabled) throw new Invalid("assigneeId: no active user has this id", { assigneeId: "is not an active user" });
  return { id: user.id, name: user.name };
}
