import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/database";
import { alias } from "drizzle-orm/pg-core";
import { annotations, articles, comments, reviewEvents, sources, users } from "@/db/schema";
import { claimantSelection } from "./claimant-sql";
import { toAnnotationRecord, type AnnotationDetail, type AnnotationRecord } from "./record";

type Reader = Database | Transaction;

const assignees = alias(users, "assignees");
const previousAssignees = alias(users, "previous_assignees");

const annotationColumns = {
  id: annotations.id,
  articleId: annotations.articleId,
  authorId: annotations.authorId,
  version: annotations.version,
  status: annotations.status,
  verdict: annotations.verdict,
  ...claimantSelection,
  explanation: annotations.explanation,
  quote: annotations.quote,
  prefix: annotations.prefix,
  suffix: annotations.suffix,
  startOffset: annotations.startOffset,
  endOffset: annotations.endOffset,
  orphanedAt: annotations.orphanedAt,
  orphanedRevision: annotations.orphanedRevision,
  discardedAt: annotations.discardedAt,
  anchorConfidence: annotations.anchorConfidence,
  placementChecked: annotations.placementChecked,
  checkedQuote: annotations.checkedQuote,
  checkedRevision: annotations.checkedRevision,
  createdAt: annotations.createdAt,
  updatedAt: annotations.updatedAt,
  authorName: users.name,
  assigneeId: annotations.assigneeId,
  assigneeName: assignees.name,
  dueOn: annotations.dueOn,
  commentCount: sql<number>`(select count(*)::int from ${comments} where ${comments.annotationId} = ${annotations.id} and ${comments.deletedAt} is null)`,
  discussionStamp: sql<string>`(select count(${comments.resolvedAt}) || ':' || coalesce(max(greatest(${comments.createdAt}, ${comments.editedAt}, ${comments.deletedAt}, ${comments.resolvedAt}))::text, '') from ${comments} where ${comments.annotationId} = ${annotations.id})`,
};

const sourceColumns = {
  annotationId: sources.annotationId,
  url: sources.url,
  title: sources.title,
  publisher: sources.publisher,
  quote: sources.quote,
  accessedOn: sources.accessedOn,
  archiveUrl: sources.archiveUrl,
};

type SourceRow = { annotationId: string } & Parameters<typeof toAnnotationRecord>[2][number];

function groupSources(rows: SourceRow[]): Map<string, SourceRow[]> {
  const byAnnotation = new Map<string, SourceRow[]>();
  for (const row of rows) {
    const list = byAnnotation.get(row.annotationId);
    if (list) list.push(row);
    else byAnnotation.set(row.annotationId, [row]);
  }
  return byAnnotation;
}

/**
 * The article's annotations in document order, each with its sources and author; orphans (flagged
 * `orphaned`) after the placed ones, discarded ones left out.
 */
export async function selectArticleAnnotations(db: Reader, articleId: string): Promise<AnnotationRecord[]> {
  const listed = and(eq(annotations.articleId, articleId), isNull(annotations.discardedAt));
  const [rows, sourceRows] = await Promise.all([
    db
      .select(annotationColumns)
      .from(annotations)
      .innerJoin(users, eq(users.id, annotations.authorId))
      .leftJoin(assignees, eq(assignees.id, annotations.assigneeId))
      .where(listed)
      .orderBy(
        asc(sql`${annotations.orphanedAt} is not null`),
        asc(annotations.startOffset),
        asc(annotations.endOffset),
        asc(annotations.createdAt),
      ),
    db
      .select(sourceColumns)
      .from(sources)
      .innerJoin(annotations, eq(annotations.id, sources.annotationId))
      .where(listed)
      .orderBy(asc(sources.annotationId), asc(sources.position)),
  ]);
  const sourcesByAnnotation = groupSources(sourceRows);
  return rows.map((row) =>
    toAnnotationRecord(row, { id: row.authorId, name: row.authorName }, sourcesByAnnotation.get(row.id) ?? []),
  );
}

/** One annotation with its sources and author, or null. */
export async function selectAnnotation(db: Reader, id: string): Promise<AnnotationRecord | null> {
  const [row] = await db
    .select(annotationColumns)
    .from(annotations)
    .innerJoin(users, eq(users.id, annotations.authorId))
    .leftJoin(assignees, eq(assignees.id, annotations.assigneeId))
    .where(eq(annotations.id, id));
  if (!row) return null;
  const sourceRows = await db
    .select(sourceColumns)
    .from(sources)
    .where(eq(sources.annotationId, id))
    .orderBy(asc(sources.position));
  return toAnnotationRecord(row, { id: row.authorId, name: row.authorName }, sourceRows);
}

/** The annotation with its review history, oldest first. */
export async function selectAnnotationDetail(db: Reader, id: string): Promise<AnnotationDetail | null> {
  const annotation = await selectAnnotation(db, id);
  if (!annotation) return null;
  const events = await db
    .select({
      id: reviewEvents.id,
      kind: reviewEvents.kind,
      revision: reviewEvents.revision,
      from: reviewEvents.fromStatus,
      to: reviewEvents.toStatus,
      actorId: reviewEvents.actorId,
      actorName: users.name,
      comment: reviewEvents.comment,
      assigneeId: reviewEvents.assigneeId,
      assigneeName: assignees.name,
      previousAssigneeId: reviewEvents.previousAssigneeId,
      previousAssigneeName: previousAssignees.name,
      dueOn: reviewEvents.dueOn,
      at: reviewEvents.createdAt,
    })
    .from(reviewEvents)
    .innerJoin(users, eq(users.id, reviewEvents.actorId))
    .leftJoin(assignees, eq(assignees.id, reviewEvents.assigneeId))
    .leftJoin(previousAssignees, eq(previousAssignees.id, reviewEvents.previousAssigneeId))
    .where(eq(reviewEvents.annotationId, id))
    .orderBy(asc(reviewEvents.createdAt), asc(reviewEvents.id));
  return {
    ...annotation,
    history: events.map((event) => ({
      id: event.id,
      kind: event.kind,
      revision: event.revision,
      from: event.from,
      to: event.to,
      actor: { id: event.actorId, name: event.actorName },
      comment: event.comment,
      assignment:
        event.kind === "assigned"
          ? {
              assignee: event.assigneeId ? { id: event.assigneeId, name: event.assigneeName ?? "" } : null,
              previousAssignee: event.previousAssigneeId ? { id: event.previousAssigneeId, name: event.previousAssigneeName ?? "" } : null,
              dueOn: event.dueOn,
            }
          : null,
      at: event.at.toISOString(),
    })),
  };
}

/** Marks the article's annotations as changed, so that every instance's serialized copy is known stale. */
export async function touchArticleAnnotations(tx: Transaction, articleId: string): Promise<void> {
  await tx
    .update(articles)
    .set({ annotationsStamp: sql`${articles.annotationsStamp} + 1` })
    .where(eq(articles.id, articleId));
}

/** Marks as changed every article with an annotation written by or assigned to `userId`, whose name the serialized lists show. */
export async function touchAuthorArticles(tx: Transaction, userId: string): Promise<void> {
  const theirs = tx
    .select({ id: annotations.articleId })
    .from(annotations)
    .where(or(eq(annotations.authorId, userId), eq(annotations.assigneeId, userId)));
  await tx
    .update(articles)
    .set({ annotationsStamp: sql`${articles.annotationsStamp} + 1` })
    .where(inArray(articles.id, theirs));
}
