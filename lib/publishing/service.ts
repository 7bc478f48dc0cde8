import { eq, like, or, sql } from "drizzle-orm";
import { isUniqueViolation } from "@/db/errors";
import type { Database, Transaction } from "@/db/database";
import { articles } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { Conflict, NotFound } from "@/lib/errors";
import { mayPublishArticle, mayViewArticles } from "@/lib/policies/article";
import { enforce } from "@/lib/policies/enforce";
import type { Actor } from "@/lib/users/actor";
import { tellPublished, tellUnpublished } from "@/lib/webhooks/desk-events";
import { firstFreeSlug, slugOf } from "./slug";

/** Where an article stands with the public: its page's slug (kept once given) and when it was published. */
export type Publication = { slug: string | null; publishedAt: string | null };

async function lockArticle(tx: Transaction, articleId: string) {
  const [article] = await tx
    .select({ id: articles.id, title: articles.title, slug: articles.slug, publishedAt: articles.publishedAt })
    .from(articles)
    .where(eq(articles.id, articleId))
    .for("update");
  if (!article) throw new NotFound(`No article with id ${articleId}.`);
  return article;
}

/** A slug made of `title` that no other article holds. */
async function freeSlugFor(tx: Transaction, title: string): Promise<string> {
  const base = slugOf(title);
  const rows = await tx
    .select({ slug: articles.slug })
    .from(articles)
    .where(or(eq(articles.slug, base), like(articles.slug, `${base}-%`)));
  return firstFreeSlug(base, new Set(rows.map((row) => row.slug!)));
}

/**
 * Makes the article's fact-check public at `/p/<slug>`: its approved claims, and nothing else. The slug
 * is derived from the title the first time and kept, so a republished article keeps its address.
 */
export async function publishArticle(db: Database, actor: Actor | null, articleId: string): Promise<Publication> {
  enforce(mayPublishArticle(actor), actor);
  for (let attempt = 1; ; attempt++) {
    try {
      return await publishOnce(db, actor!, articleId);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Another article took the same slug meanwhile: the next attempt sees it and takes the next free one.
      if (attempt === PUBLISH_ATTEMPTS) throw new Conflict("Other articles took this address at the same moment. Publish again to get the next free one.");
    }
  }
}

const PUBLISH_ATTEMPTS = 3;

/** Two articles with the same title published at the same moment may pick the same free slug: the unique index refuses the second. */
async function publishOnce(db: Database, actor: Actor, articleId: string): Promise<Publication> {
  return db.transaction(async (tx) => {
    const article = await lockArticle(tx, articleId);
    if (article.publishedAt) throw new Conflict(`The article is already published at /p/${article.slug}.`);
    const slug = article.slug ?? (await freeSlugFor(tx, article.title));
    // The database's clock, as for the review events that the public page's corrections are dated against.
    const [published] = await tx
      .update(articles)
      .set({ slug, publishedAt: sql`now()`, publishedBy: actor.id, firstPublishedAt: sql`coalesce(${articles.firstPublishedAt}, now())` })
      .where(eq(articles.id, articleId))
      .returning({ publishedAt: articles.publishedAt });
    const publication = { slug, publishedAt: published!.publishedAt!.toISOString() };
    await recordAudit(tx, { actorId: actor.id, subject: "article", subjectId: articleId, articleId, action: "published", before: { publishedAt: null }, after: publication });
    await tellPublished(tx, { id: articleId, title: article.title, slug }, publication.publishedAt);
    return publication;
  });
}

/** Takes the public page down; the slug stays reserved for a later republication. */
export async function unpublishArticle(db: Database, actor: Actor | null, articleId: string): Promise<Publication> {
  enforce(mayPublishArticle(actor), actor);
  return db.transaction(async (tx) => {
    const article = await lockArticle(tx, articleId);
    if (!article.publishedAt) throw new Conflict("The article is not published.");
    await tx.update(articles).set({ publishedAt: null, publishedBy: null }).where(eq(articles.id, articleId));
    const before = { slug: article.slug, publishedAt: article.publishedAt.toISOString() };
    await recordAudit(tx, { actorId: actor!.id, subject: "article", subjectId: articleId, articleId, action: "unpublished", before, after: { publishedAt: null } });
    await tellUnpublished(tx, { id: articleId, title: article.title, slug: article.slug! });
    return { slug: article.slug, publishedAt: null };
  });
}

/** Where the article stands with the public, for anyone who may view it. */
export async function readPublication(db: Database, actor: Actor | null, articleId: string): Promise<Publication> {
  enforce(mayViewArticles(actor), actor);
  const [article] = await db.select({ slug: articles.slug, publishedAt: articles.publishedAt }).from(articles).where(eq(articles.id, articleId));
  if (!article) throw new NotFound(`No article with id ${articleId}.`);
  return { slug: article.slug, publishedAt: article.publishedAt?.toISOString() ?? null };
}
