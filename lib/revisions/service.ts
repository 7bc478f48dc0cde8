import { and, asc, eq } from "drizzle-orm";
import type { Database, Transaction } from "@/db/database";
import { articleRevisions, articles, users } from "@/db/schema";
import { touchArticleAnnotations } from "@/lib/annotations/queries";
import { plainTextOf } from "@/lib/articles/document";
import { Conflict, NotFound } from "@/lib/errors";
import { mayEditArticle, mayViewArticles } from "@/lib/policies/article";
import { enforce } from "@/lib/policies/enforce";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/users/actor";
import { parseInput } from "@/lib/validation";
import { compareTexts, type Change } from "./compare";
import { parseDoc, revisionRestoreSchema, revisionSaveSchema } from "./input";
import { revisionOutcomes, type RevisionOutcome } from "./outcomes";
import { reanchorAnnotations, type ReanchorCounts } from "./reanchor-annotations";
import { tellRevised } from "@/lib/webhooks/desk-events";

/** What saving a revision did: its number, and what became of the article's placed annotations. */
export type RevisionSaved = { revision: number } & ReanchorCounts;

/** A revision as the list shows it, without its document. */
export type RevisionSummary = {
  revision: number;
  createdAt: string;
  /** Who saved it; null for the imported or seeded first revision. */
  author: { id: string; name: string } | null;
  current: boolean;
  /** What its save did to the claims; null for the first revision. */
  outcome: RevisionOutcome | null;
};

export type Revision = Omit<RevisionSummary, "current" | "outcome"> & { doc: unknown; plainText: string };

export type RevisionComparison = { from: number; to: number; changes: Change[] };

const staleBase = (current: number, base: number) =>
  new Conflict(
    `Someone saved revision ${current} of this article after you started editing revision ${base}. ` +
      "Your text is kept: reload the article, compare the revisions, and merge your edits into the new one.",
  );

/**
 * Saves `{baseRevision, doc}` as the article's next revision and carries every placed annotation
 * over to its text, all in one transaction: the article row is locked, so of two saves on the same
 * base revision the second is refused (409) and writes nothing. Editors and admins only.
 * `restoredFrom` names the older revision whose text this is, for the audit trail.
 */
export async function saveRevision(db: Database, actor: Actor | null, articleId: string, input: unknown, { restoredFrom }: { restoredFrom?: number } = {}): Promise<RevisionSaved> {
  enforce(mayEditArticle(actor), actor);
  const change = parseInput(revisionSaveSchema, input);
  const doc = parseDoc(change.doc);
  const newText = plainTextOf(doc);
  return db.transaction(async (tx) => {
    const [article] = await tx
      .select({ revision: articles.revision, plainText: articles.plainText })
      .from(articles)
      .where(eq(articles.id, articleId))
      .for("update");
    if (!article) throw new NotFound(`No article with id ${articleId}.`);
    if (article.revision !== change.baseRevision) throw staleBase(article.revision, change.baseRevision);
    const revision = article.revision + 1;
    const json = doc.toJSON();
    await tx.insert(articleRevisions).values({ articleId, revision, doc: json, plainText: newText, createdBy: actor!.id });
    await tx.update(articles).set({ doc: json, plainText: newText, revision, updatedAt: new Date() }).where(eq(articles.id, articleId));
    const counts = await reanchorAnnotations(tx, { id: articleId, oldText: article.plainText, newText, revision }, actor!.id);
    await recordAudit(tx, {
      actorId: actor!.id,
      subject: "article",
      subjectId: articleId,
      articleId,
      action: "revised",
      before: { revision: article.revision, characters: article.plainText.length },
      after: { revision, characters: newText.length, ...counts, ...(restoredFrom !== undefined && { restoredFrom }) },
    });
    await tellRevised(tx, articleId, revision);
    await touchArticleAnnotations(tx, articleId);
    return { revision, ...counts };
  });
}

/**
 * Saves the text of the older revision `revision` as the next one (`{baseRevision}`, the current
 * revision as the person saw it), as if an editor had typed it back: the claims are carried over to
 * it, and orphans whose words it holds again come back. Editors and admins only; 409 when someone
 * saved a revision since, or when `revision` is the current one.
 */
export async function restoreRevision(db: Database, actor: Actor | null, articleId: string, revision: number, input: unknown): Promise<RevisionSaved> {
  enforce(mayEditArticle(actor), actor);
  const { baseRevision } = parseInput(revisionRestoreSchema, input);
  const { revision: current } = await requireArticle(db, articleId);
  const older = await selectRevision(db, articleId, revision);
  if (current !== baseRevision) throw staleBase(current, baseRevision);
  if (revision === current) throw new Conflict(`Revision ${revision} is the current text already: there is nothing to restore.`);
  // The save checks the base again, in its transaction: a save in between is still refused.
  return saveRevision(db, actor, articleId, { baseRevision, doc: older.doc }, { restoredFrom: revision });
}

async function requireArticle(db: Database | Transaction, articleId: string): Promise<{ revision: number }> {
  const [article] = await db.select({ revision: articles.revision }).from(articles).where(eq(articles.id, articleId));
  if (!article) throw new NotFound(`No article with id ${articleId}.`);
  return article;
}

const revisionColumns = {
  revision: articleRevisions.revision,
  createdAt: articleRevisions.createdAt,
  authorId: users.id,
  authorName: users.name,
};

type RevisionRow = { revision: number; createdAt: Date; authorId: string | null; authorName: string | null };

const authorOf = (row: RevisionRow) => (row.authorId && row.authorName !== null ? { id: row.authorId, name: row.authorName } : null);

/** Every revision of the article, oldest first. */
export async function listRevisions(db: Database, actor: Actor | null, articleId: string): Promise<RevisionSummary[]> {
  enforce(mayViewArticles(actor), actor);
  const article = await requireArticle(db, articleId);
  const [rows, outcomes] = await Promise.all([
    db
      .select(revisionColumns)
      .from(articleRevisions)
      .leftJoin(users, eq(users.id, articleRevisions.createdBy))
      .where(eq(articleRevisions.articleId, articleId))
      .orderBy(asc(articleRevisions.revision)),
    revisionOutcomes(db, articleId),
  ]);
  return rows.map((row) => ({
    revision: row.revision,
    createdAt: row.createdAt.toISOString(),
    author: authorOf(row),
    current: row.revision === article.revision,
    outcome: outcomes.get(row.revision) ?? null,
  }));
}

async function selectRevision(db: Database, articleId: string, revision: number): Promise<Revision> {
  const [row] = await db
    .select({ ...revisionColumns, doc: articleRevisions.doc, plainText: articleRevisions.plainText })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.createdBy))
    .where(and(eq(articleRevisions.articleId, articleId), eq(articleRevisions.revision, revision)));
  if (!row) throw new NotFound(`The article has no revision ${revision}.`);
  return { revision: row.revision, createdAt: row.createdAt.toISOString(), author: authorOf(row), doc: row.doc, plainText: row.plainText };
}

/** One revision with its document and plain text. */
export async function getRevision(db: Database, actor: Actor | null, articleId: string, revision: number): Promise<Revision> {
  enforce(mayViewArticles(actor), actor);
  await requireArticle(db, articleId);
  return selectRevision(db, articleId, revision);
}

/** What revision `to` inserted into and deleted from the text of revision `from` (either may be the older), word by word. */
export async function compareRevisions(
  db: Database,
  actor: Actor | null,
  articleId: string,
  from: number,
  to: number,
): Promise<RevisionComparison> {
  enforce(mayViewArticles(actor), actor);
  await requireArticle(db, articleId);
  const [older, newer] = await Promise.all([selectRevision(db, articleId, from), selectRevision(db, articleId, to)]);
  return { from, to, changes: compareTexts(older.plainText, newer.plainText) };
}
