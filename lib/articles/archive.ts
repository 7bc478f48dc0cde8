import { and, count, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { annotations, articles } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { Conflict, NotFound } from "@/lib/errors";
import { mayArchiveArticle } from "@/lib/policies/article";
import { enforce } from "@/lib/policies/enforce";
import type { Actor } from "@/lib/users/actor";

/**
 * Filing articles away: an archived article leaves the list of articles for its "Archived" view, and
 * nothing else changes (its claims stay in the review queue and the statistics, its public page stays
 * up); restoring it brings it back. An article imported by mistake, never published and without a claim,
 * may be deleted instead. Editors and admins, audited.
 */

export type ArchiveState = { archivedAt: string | null };

async function setArchived(db: Database, actor: Actor | null, articleId: string, archive: boolean): Promise<ArchiveState> {
  enforce(mayArchiveArticle(actor), actor);
  return db.transaction(async (tx) => {
    const [article] = await tx.select({ archivedAt: articles.archivedAt }).from(articles).where(eq(articles.id, articleId)).for("update");
    if (!article) throw new NotFound(`No article with id ${articleId}.`);
    if ((article.archivedAt !== null) === archive) throw new Conflict(archive ? "The article is archived already." : "The article is not archived.");
    const [changed] = await tx
      .update(articles)
      .set(archive ? { archivedAt: sql`now()`, archivedBy: actor!.id } : { archivedAt: null, archivedBy: null })
      .where(eq(articles.id, articleId))
      .returning({ archivedAt: articles.archivedAt });
    await recordAudit(tx, { actorId: actor!.id, subject: "article", subjectId: articleId, articleId, action: "updated", before: { archived: !archive }, after: { archived: archive } });
    return { archivedAt: changed!.archivedAt?.toISOString() ?? null };
  });
}

/** Archives the article: off the list of articles, under "Archived". 409 when it is archived already. */
export function archiveArticle(db: Database, actor: Actor | null, articleId: string): Promise<ArchiveState> {
  return setArchived(db, actor, articleId, true);
}

/** Brings an archived article back to the list of articles. 409 when it is not archived. */
export function restoreArticle(db: Database, actor: Actor | null, articleId: string): Promise<ArchiveState> {
  return setArchived(db, actor, articleId, false);
}

/**
 * Deletes an article imported by mistake, with its revisions: only one that was never published and has no
 * claim (a discarded one counts: its history is the desk's record), so that no fact-check's work is lost.
 * The audit trail keeps its entries, and one for the deletion with its title. The article's row is locked
 * first: a claim being saved meanwhile (which bumps that row) is either counted or refused after.
 * @throws Conflict naming why it cannot go: archive it instead
 */
export async function deleteArticle(db: Database, actor: Actor | null, articleId: string): Promise<void> {
  enforce(mayArchiveArticle(actor), actor);
  await db.transaction(async (tx) => {
    const [article] = await tx
      .select({ title: articles.title, firstPublishedAt: articles.firstPublishedAt })
      .from(articles)
      .where(eq(articles.id, articleId))
      .for("update");
    if (!article) throw new NotFound(`No article with id ${articleId}.`);
    if (article.firstPublishedAt) throw new Conflict("The article has been published: its public address and corrections are on record. Archive it instead.");
    const [claims] = await tx.select({ value: count() }).from(annotations).where(eq(annotations.articleId, articleId));
    if ((claims?.value ?? 0) > 0) throw new Conflict(`The article has ${claims!.value === 1 ? "a claim" : `${claims!.value} claims`}, discarded ones included: their history is on record. Archive it instead.`);
    await recordAudit(tx, { actorId: actor!.id, subject: "article", subjectId: articleId, articleId, action: "deleted", before: { title: article.title } });
    await tx.delete(articles).where(eq(articles.id, articleId));
  });
}

/** Whether the article may be deleted rather than archived: never published, no claim. */
export async function mayBeDeleted(db: Database, articleId: string): Promise<boolean> {
  const [row] = await db
    .select({ value: count() })
    .from(articles)
    .where(
      and(
        eq(articles.id, articleId),
        isNull(articles.firstPublishedAt),
        sql`not exists (select 1 from ${annotations} where ${annotations.articleId} = ${articles.id})`,
      ),
    );
  return (row?.value ?? 0) === 1;
}
