import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database, Transaction } from "@/db/database";
import { annotations, comments, users } from "@/db/schema";
import { touchArticleAnnotations } from "@/lib/annotations/queries";
import { recordAudit, type AuditChange } from "@/lib/audit/record";
import { Conflict, Invalid, NotFound } from "@/lib/errors";
import { mayChangeComment, mayComment, mayResolveThread } from "@/lib/policies/comment";
import { enforce } from "@/lib/policies/enforce";
import type { Actor } from "@/lib/users/actor";
import { parseInput } from "@/lib/validation";
import { commentChangeSchema, newCommentSchema, threadResolutionSchema } from "./input";
import { threadsOf, type CommentRecord, type CommentThread } from "./record";

type Reader = Database | Transaction;

const resolvers = alias(users, "resolvers");

async function requireAnnotation(db: Reader, id: string): Promise<{ id: string; articleId: string }> {
  const [annotation] = await db.select({ id: annotations.id, articleId: annotations.articleId }).from(annotations).where(eq(annotations.id, id));
  if (!annotation) throw new NotFound(`No annotation with id ${id}.`);
  return annotation;
}

/** The annotation's discussion: threads oldest first, deleted comments as placeholders. */
export async function listComments(db: Database, actor: Actor | null, annotationId: string): Promise<CommentThread[]> {
  enforce(mayComment(actor), actor);
  await requireAnnotation(db, annotationId);
  return threadsOf(await selectComments(db, eq(comments.annotationId, annotationId)));
}

async function selectComments(db: Reader, where: ReturnType<typeof eq>): Promise<CommentRecord[]> {
  const rows = await db
    .select({
      id: comments.id,
      annotationId: comments.annotationId,
      parentId: comments.parentId,
      authorId: comments.authorId,
      authorName: users.name,
      body: comments.body,
      mentionedUserIds: comments.mentionedUserIds,
      createdAt: comments.createdAt,
      editedAt: comments.editedAt,
      deletedAt: comments.deletedAt,
      resolvedAt: comments.resolvedAt,
      resolvedById: comments.resolvedBy,
      resolvedByName: resolvers.name,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .leftJoin(resolvers, eq(resolvers.id, comments.resolvedBy))
    .where(where)
    .orderBy(asc(comments.createdAt), asc(comments.id));
  const mentioned = [...new Set(rows.flatMap((row) => row.mentionedUserIds))];
  const names = new Map(
    mentioned.length ? (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, mentioned))).map((u) => [u.id, u.name]) : [],
  );
  return rows.map((row) => ({
    id: row.id,
    annotationId: row.annotationId,
    parentId: row.parentId,
    author: { id: row.authorId, name: row.authorName },
    body: row.deletedAt ? "" : row.body,
    mentions: row.deletedAt ? [] : row.mentionedUserIds.flatMap((id) => (names.has(id) ? [{ id, name: names.get(id)! }] : [])),
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deleted: row.deletedAt !== null,
    resolution: row.resolvedAt && row.resolvedById ? { by: { id: row.resolvedById, name: row.resolvedByName ?? "" }, at: row.resolvedAt.toISOString() } : null,
  }));
}

async function requireComment(db: Reader, id: string): Promise<CommentRecord> {
  const [comment] = await selectComments(db, eq(comments.id, id));
  if (!comment) throw new NotFound(`No comment with id ${id}.`);
  return comment;
}

/** The mentioned colleagues, each of whom must be an active user named "@Name" in the body. */
async function checkMentions(db: Reader, body: string, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const found = await db.select({ id: users.id, name: users.name }).from(users).where(and(inArray(users.id, ids), eq(users.disabled, false)));
  if (found.length !== ids.length) throw new Invalid("mentions: someone mentioned is not an active user", { mentions: "names a user who is not active" });
  const missing = found.filter((user) => !body.includes(`@${user.name}`));
  if (missing.length) throw new Invalid(`mentions: the text does not mention @${missing[0]!.name}`, { mentions: "must each appear in the text as @Name" });
  return found.map((user) => user.id);
}

const commentChange = (actorId: string, annotation: { id: string; articleId: string }, commentId: string, change: Pick<AuditChange, "action" | "before" | "after">): AuditChange => ({
  actorId,
  subject: "comment",
  subjectId: commentId,
  articleId: annotation.articleId,
  annotationId: annotation.id,
  ...change,
});

/** Adds a comment, or a reply to one (`parentId`), inside `tx`: shared with the review actions that require one. */
export async function insertComment(
  tx: Transaction,
  actor: Actor,
  annotation: { id: string; articleId: string },
  input: { body: string; parentId?: string | null; mentions?: string[] },
): Promise<string> {
  let parentId = input.parentId ?? null;
  if (parentId) {
    const [parent] = await tx.select({ annotationId: comments.annotationId, parentId: comments.parentId }).from(comments).where(eq(comments.id, parentId));
    if (!parent || parent.annotationId !== annotation.id) throw new Invalid("parentId: no comment with this id in this discussion", { parentId: "is not a comment of this annotation" });
    parentId = parent.parentId ?? parentId;
    // A reply to a resolved thread reopens it, as in a document editor's margin: the matter is open again.
    const reopened = await tx
      .update(comments)
      .set({ resolvedAt: null, resolvedBy: null })
      .where(and(eq(comments.id, parentId), isNotNull(comments.resolvedAt)))
      .returning({ id: comments.id });
    if (reopened.length) await recordAudit(tx, commentChange(actor.id, annotation, parentId, { action: "reopened", before: { resolved: true }, after: { resolved: false, byReply: true } }));
  }
  const mentionedUserIds = await checkMentions(tx, input.body, input.mentions ?? []);
  const [created] = await tx
    .insert(comments)
    .values({ annotationId: annotation.id, parentId, authorId: actor.id, body: input.body, mentionedUserIds })
    .returning({ id: comments.id });
  await recordAudit(tx, commentChange(actor.id, annotation, created!.id, { action: "created", after: { body: input.body, parentId, mentionedUserIds } }));
  await touchArticleAnnotations(tx, annotation.articleId);
  return created!.id;
}

export async function addComment(db: Database, actor: Actor | null, annotationId: string, input: unknown): Promise<CommentRecord> {
  enforce(mayComment(actor), actor);
  const comment = parseInput(newCommentSchema, input);
  const id = await db.transaction(async (tx) => insertComment(tx, actor!, await requireAnnotation(tx, annotationId), comment));
  return requireComment(db, id);
}

/** Changes the text of the actor's own comment. */
export async function editComment(db: Database, actor: Actor | null, id: string, input: unknown): Promise<CommentRecord> {
  enforce(mayComment(actor), actor);
  const change = parseInput(commentChangeSchema, input);
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ id: comments.id }).from(comments).where(eq(comments.id, id)).for("update");
    if (!row) throw new NotFound(`No comment with id ${id}.`);
    const comment = await requireComment(tx, id);
    enforce(mayChangeComment(actor, { authorId: comment.author.id, deleted: comment.deleted }), actor);
    const mentionedUserIds = await checkMentions(tx, change.body, change.mentions);
    await tx.update(comments).set({ body: change.body, mentionedUserIds, editedAt: new Date() }).where(eq(comments.id, id));
    const annotation = await requireAnnotation(tx, comment.annotationId);
    await recordAudit(
      tx,
      commentChange(actor!.id, annotation, id, {
        action: "updated",
        before: { body: comment.body, mentionedUserIds: comment.mentions.map((m) => m.id) },
        after: { body: change.body, mentionedUserIds },
      }),
    );
    await touchArticleAnnotations(tx, annotation.articleId);
  });
  return requireComment(db, id);
}

/** Deletes the actor's own comment: its text goes, a "deleted" placeholder keeps its place in the thread. */
export async function deleteComment(db: Database, actor: Actor | null, id: string): Promise<CommentRecord> {
  enforce(mayComment(actor), actor);
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ id: comments.id }).from(comments).where(eq(comments.id, id)).for("update");
    if (!row) throw new NotFound(`No comment with id ${id}.`);
    const comment = await requireComment(tx, id);
    enforce(mayChangeComment(actor, { authorId: comment.author.id, deleted: comment.deleted }), actor);
    await tx.update(comments).set({ body: "", mentionedUserIds: [], deletedAt: new Date() }).where(and(eq(comments.id, id), isNull(comments.deletedAt)));
    const annotation = await requireAnnotation(tx, comment.annotationId);
    await recordAudit(tx, commentChange(actor!.id, annotation, id, { action: "deleted", before: { body: comment.body, mentionedUserIds: comment.mentions.map((m) => m.id) } }));
    await touchArticleAnnotations(tx, annotation.articleId);
  });
  return requireComment(db, id);
}

/**
 * Resolves the thread that the comment `id` starts (`{resolved: true}`), folding it away as settled,
 * or reopens it (`{resolved: false}`). Asking for what already is changes nothing; a reply cannot be
 * resolved on its own (409): its thread is.
 */
export async function resolveThread(db: Database, actor: Actor | null, id: string, input: unknown): Promise<CommentRecord> {
  enforce(mayResolveThread(actor), actor);
  const { resolved } = parseInput(threadResolutionSchema, input);
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ parentId: comments.parentId, resolvedAt: comments.resolvedAt }).from(comments).where(eq(comments.id, id)).for("update");
    if (!row) throw new NotFound(`No comment with id ${id}.`);
    if (row.parentId) throw new Conflict("This comment is a reply: resolve or reopen the thread it is in, from the comment that starts it.");
    if ((row.resolvedAt !== null) === resolved) return;
    const comment = await requireComment(tx, id);
    await tx
      .update(comments)
      .set(resolved ? { resolvedAt: new Date(), resolvedBy: actor!.id } : { resolvedAt: null, resolvedBy: null })
      .where(eq(comments.id, id));
    const annotation = await requireAnnotation(tx, comment.annotationId);
    await recordAudit(tx, commentChange(actor!.id, annotation, id, { action: resolved ? "resolved" : "reopened", before: { resolved: !resolved }, after: { resolved } }));
    await touchArticleAnnotations(tx, annotation.articleId);
  });
  return requireComment(db, id);
}
