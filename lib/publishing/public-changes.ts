import { and, eq, max, or, type SQL } from "drizzle-orm";
import type { Database } from "@/db/database";
import { annotations, articleRevisions, articles, reviewEvents } from "@/db/schema";

/**
 * The latest change to what each public page shows, for the articles `which` selects: its current
 * revision's save, or an event of a claim that was or became approved (its approval, its reopening, a
 * placement moved or confirmed). Two grouped queries, whatever the number of articles.
 */
export async function lastPublicChanges(db: Database, which: SQL | undefined): Promise<Map<string, Date>> {
  const [revised, reviewed] = await Promise.all([
    db
      .select({ articleId: articles.id, at: articleRevisions.createdAt })
      .from(articleRevisions)
      .innerJoin(articles, and(eq(articles.id, articleRevisions.articleId), eq(articles.revision, articleRevisions.revision)))
      .where(which),
    db
      .select({ articleId: annotations.articleId, at: max(reviewEvents.createdAt) })
      .from(reviewEvents)
      .innerJoin(annotations, eq(annotations.id, reviewEvents.annotationId))
      .innerJoin(articles, eq(articles.id, annotations.articleId))
      .where(and(which, or(eq(reviewEvents.toStatus, "approved"), eq(reviewEvents.fromStatus, "approved"))))
      .groupBy(annotations.articleId),
  ]);
  const latest = new Map<string, Date>();
  for (const { articleId, at } of [...revised, ...reviewed]) {
    if (at === null) continue;
    const time = new Date(at);
    const known = latest.get(articleId);
    if (!known || time > known) latest.set(articleId, time);
  }
  return latest;
}

/** The "Updated" a public page shows: its last change when that came after its publication, else null. */
export function updatedAfter(publishedAt: Date, changedAt: Date | undefined): string | null {
  return changedAt && changedAt > publishedAt ? changedAt.toISOString() : null;
}
