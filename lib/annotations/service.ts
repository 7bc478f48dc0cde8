import { and, eq } from "drizzle-orm";
import type { Database, Transaction } from "@/db/database";
import { annotations, articles, reviewEvents, sources } from "@/db/schema";
import { Conflict, Invalid, NotFound } from "@/lib/errors";
import { mayCreateAnnotation, mayDeleteAnnotation, mayEditAnnotation, mayViewAnnotations } from "@/lib/policies/annotation";
import { enforce } from "@/lib/policies/enforce";
import { EDITABLE_STATUSES } from "@/lib/reviews/transitions";
import type { Actor } from "@/lib/users/actor";
import { changedFields, recordAudit } from "@/lib/audit/record";
import { parseInput } from "@/lib/validation";
import { claimantColumns } from "./claimant";
import { annotationChange, annotationSnapshot, sourcesSnapshot } from "./audit";
import {
  annotationCreateSchema,
  annotationUpdateSchema,
  versionSchema,
  type SourceInput,
} from "./input";
import { locateQuote } from "./locate-quote";
import { selectAnnotation, selectAnnotationDetail, selectArticleAnnotations, touchArticleAnnotations } from "./queries";
import type { AnnotationDetail, AnnotationRecord } from "./record";

export const STALE_VERSION_MESSAGE =
  "Someone changed this annotation after you opened it. Reload to see their change; copy your text first if you want to keep it.";

export const DISCARDED_MESSAGE = "This annotation was discarded: it is kept for its history but can no longer be changed.";

/** The article's current text and revision. */
async function requireArticle(db: Database | Transaction, articleId: string) {
  const [article] = await db
    .select({ id: articles.id, plainText: articles.plainText, revision: articles.revision })
    .from(articles)
    .where(eq(articles.id, articleId));
  if (!article) throw new NotFound(`No article with id ${articleId}.`);
  return article;
}

/**
 * The article's current text and revision, its row locked until the transaction ends, for a write
 * that places an annotation on that text: saving a revision (which locks the row too) then waits,
 * so no annotation lands on text that a concurrent save is replacing.
 */
export async function lockArticleText(tx: Transaction, articleId: string) {
  const [article] = await tx
    .select({ id: articles.id, plainText: articles.plainText, revision: articles.revision })
    .from(articles)
    .where(eq(articles.id, articleId))
    .for("no key update");
  if (!article) throw new NotFound(`No article with id ${articleId}.`);
  return article;
}

async function requireAnnotation(db: Database | Transaction, id: string) {
  const annotation = await selectAnnotation(db, id);
  if (!annotation) throw new NotFound(`No annotation with id ${id}.`);
  return annotation;
}

/** Refuses a write based on a version that is no longer current. */
export function assertCurrentVersion(annotation: { version: number }, version: number): void {
  if (annotation.version !== version) throw new Conflict(STALE_VERSION_MESSAGE);
}

/** Refuses any change to a discarded annotation. */
export function assertNotDiscarded(annotation: { discarded: boolean }): void {
  if (annotation.discarded) throw new Conflict(DISCARDED_MESSAGE);
}

async function insertSources(tx: Transaction, annotationId: string, list: SourceInput[]) {
  if (!list.length) return;
  await tx.insert(sources).values(
    list.map((source, position) => ({
      annotationId,
      position,
      url: source.url,
      title: source.title,
      publisher: source.publisher,
      quote: source.quote,
      accessedOn: source.accessedAt,
      archiveUrl: source.archiveUrl,
    })),
  );
}

export async function listAnnotations(db: Database, actor: Actor | null, articleId: string): Promise<AnnotationRecord[]> {
  enforce(mayViewAnnotations(actor), actor);
  await requireArticle(db, articleId);
  return selectArticleAnnotations(db, articleId);
}

export async function getAnnotation(db: Database, actor: Actor | null, id: string): Promise<AnnotationDetail> {
  enforce(mayViewAnnotations(actor), actor);
  const detail = await selectAnnotationDetail(db, id);
  if (!detail) throw new NotFound(`No annotation with id ${id}.`);
  return detail;
}

/** Creates a draft on the claim the selectors point at, which must match the article's current text exactly. */
export async function createAnnotation(
  db: Database,
  actor: Actor | null,
  articleId: string,
  input: unknown,
): Promise<AnnotationRecord> {
  enforce(mayCreateAnnotation(actor), actor);
  const claim = parseInput(annotationCreateSchema, input);
  const id = await db.transaction(async (tx) => {
    const article = await lockArticleText(tx, articleId);
    const [quote, position] = locateQuote(article.plainText, claim.selectors);
    const [created] = await tx
      .insert(annotations)
      .values({
        articleId,
        authorId: actor!.id,
        quote: quote.exact,
        prefix: quote.prefix,
        suffix: quote.suffix,
        startOffset: position.start,
        endOffset: position.end,
        checkedQuote: quote.exact,
        checkedRevision: article.revision,
        verdict: claim.verdict ?? null,
        ...claimantColumns(claim.claimant ?? null),
        explanation: claim.explanation ?? "",
      })
      .returning({ id: annotations.id });
    await insertSources(tx, created!.id, claim.sources ?? []);
    await tx.insert(reviewEvents).values({ annotationId: created!.id, fromStatus: null, toStatus: "draft", actorId: actor!.id });
    const record = (await selectAnnotation(tx, created!.id))!;
    await recordAudit(
      tx,
      annotationChange(actor!.id, record, { action: "created", after: annotationSnapshot(record) }),
      ...(record.sources.length ? [annotationChange(actor!.id, record, { subject: "source", action: "created", after: sourcesSnapshot(record.sources) })] : []),
    );
    await touchArticleAnnotations(tx, articleId);
    return created!.id;
  });
  return requireAnnotation(db, id);
}

/** Changes the verdict, claimant, explanation or sources (all replaced when given) of the actor's own editable annotation. */
export async function updateAnnotation(db: Database, actor: Actor | null, id: string, input: unknown): Promise<AnnotationRecord> {
  enforce(mayViewAnnotations(actor), actor);
  const change = parseInput(annotationUpdateSchema, input);
  await db.transaction(async (tx) => {
    const annotation = await requireAnnotation(tx, id);
    enforce(mayEditAnnotation(actor, annotation), actor);
    assertCurrentVersion(annotation, change.version);
    assertNotDiscarded(annotation);
    if (!EDITABLE_STATUSES.includes(annotation.status)) {
      throw new Conflict(
        `This annotation is ${annotation.status.replace("_", " ")}; it can be changed only as a draft or after an editor requests changes.`,
      );
    }
    const updated = await tx
      .update(annotations)
      .set({
        ...(change.verdict !== undefined && { verdict: change.verdict }),
        ...(change.claimant !== undefined && claimantColumns(change.claimant)),
        ...(change.explanation !== undefined && { explanation: change.explanation }),
        version: annotation.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(annotations.id, id), eq(annotations.version, change.version)))
      .returning({ id: annotations.id });
    if (!updated.length) throw new Conflict(STALE_VERSION_MESSAGE);
    if (change.sources) {
      await tx.delete(sources).where(eq(sources.annotationId, id));
      await insertSources(tx, id, change.sources);
    }
    await auditUpdate(tx, actor!.id, annotation, (await selectAnnotation(tx, id))!);
    await touchArticleAnnotations(tx, annotation.articleId);
  });
  return requireAnnotation(db, id);
}

export async function deleteAnnotation(db: Database, actor: Actor | null, id: string, version: unknown): Promise<void> {
  enforce(mayViewAnnotations(actor), actor);
  const expected = parseVersion(version);
  await db.transaction(async (tx) => {
    const annotation = await requireAnnotation(tx, id);
    enforce(mayDeleteAnnotation(actor, annotation), actor);
    assertCurrentVersion(annotation, expected);
    if (actor!.role !== "admin" && !EDITABLE_STATUSES.includes(annotation.status)) {
      throw new Conflict("Only drafts and annotations with changes requested can be deleted by their author.");
    }
    const deleted = await tx
      .delete(annotations)
      .where(and(eq(annotations.id, id), eq(annotations.version, expected)))
      .returning({ id: annotations.id });
    if (!deleted.length) throw new Conflict(STALE_VERSION_MESSAGE);
    await recordAudit(tx, annotationChange(actor!.id, annotation, { action: "deleted", before: { ...annotationSnapshot(annotation), sources: sourcesSnapshot(annotation.sources) } }));
    await touchArticleAnnotations(tx, annotation.articleId);
  });
}

/** Records what an update changed: the content on the annotation, the list of sources on its sources; nothing when nothing changed. */
async function auditUpdate(tx: Transaction, actorId: string, before: AnnotationRecord, after: AnnotationRecord): Promise<void> {
  const content = changedFields(annotationSnapshot(before), annotationSnapshot(after));
  const [oldSources, newSources] = [sourcesSnapshot(before.sources), sourcesSnapshot(after.sources)];
  await recordAudit(
    tx,
    ...(Object.keys(content.after).length ? [annotationChange(actorId, before, { action: "updated", ...content })] : []),
    ...(JSON.stringify(oldSources) !== JSON.stringify(newSources)
      ? [annotationChange(actorId, before, { subject: "source", action: "updated", before: oldSources, after: newSources })]
      : []),
  );
}

function parseVersion(version: unknown): number {
  const number = typeof version === "string" && /^\d+$/.test(version) ? Number(version) : version;
  const result = versionSchema.safeParse(number);
  if (!result.success) throw new Invalid("version: must be the version you read, a whole number", { version: "is required" });
  return result.data;
}
