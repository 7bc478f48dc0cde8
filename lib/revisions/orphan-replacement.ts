import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/database";
import { articleRevisions, articles } from "@/db/schema";
import { describe, type TextPositionSelector, type TextQuoteSelector } from "@/lib/anchoring";
import { mapRevision } from "@/lib/anchoring/revision-map";
import { getAnnotation } from "@/lib/annotations/service";
import type { Actor } from "@/lib/users/actor";

/** What now stands where an orphan's text was: a span of the current text, its words, and the selectors that re-attach the claim to it. */
export type Replacement = { start: number; end: number; text: string; selectors: [TextQuoteSelector, TextPositionSelector] };

const WORD = /[\p{L}\p{N}]/u;

/**
 * The text that took the place of old [start, end) in `newText`, widened to whole words: the
 * sentence a revision rewrote beyond recognition, found through the revision's difference (the
 * paragraph it sits in was kept). Null when nothing did: the paragraph went, or the span was
 * deleted without anything in its place.
 */
export function replacementOf(oldText: string, newText: string, start: number, end: number): { start: number; end: number } | null {
  const span = mapRevision(oldText, newText).mapSpan(start, end);
  if (!span) return null;
  let [from, to] = [span.start, span.end];
  while (from > 0 && WORD.test(newText[from - 1]!) && WORD.test(newText[from]!)) from--;
  while (to < newText.length && to > 0 && WORD.test(newText[to - 1]!) && WORD.test(newText[to]!)) to++;
  while (from < to && /\s/.test(newText[from]!)) from++;
  while (to > from && /\s/.test(newText[to - 1]!)) to--;
  const words = newText.slice(from, to).match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length > 0 && !newText.slice(from, to).includes("\n") ? { start: from, end: to } : null;
}

/**
 * For an orphan, what the revisions since it lost its text put in its place, for a person to
 * re-attach it to in one step if it is the same claim reworded. Null for a placed or discarded
 * claim, and when nothing took its place. Anyone who can read the claim may ask.
 */
export async function orphanReplacement(db: Database, actor: Actor | null, id: string): Promise<Replacement | null> {
  const annotation = await getAnnotation(db, actor, id);
  if (!annotation.orphaned || annotation.discarded || annotation.orphanedRevision === null) return null;
  const [[held], [article]] = await Promise.all([
    db
      .select({ plainText: articleRevisions.plainText })
      .from(articleRevisions)
      .where(and(eq(articleRevisions.articleId, annotation.articleId), eq(articleRevisions.revision, annotation.orphanedRevision - 1))),
    db.select({ plainText: articles.plainText }).from(articles).where(eq(articles.id, annotation.articleId)),
  ]);
  if (!held || !article) return null;
  const [, position] = annotation.selectors;
  // The orphan's selectors are where its text was in the revision that last held it.
  if (held.plainText.slice(position.start, position.end) !== annotation.quote) return null;
  const span = replacementOf(held.plainText, article.plainText, position.start, position.end);
  return span && { ...span, text: article.plainText.slice(span.start, span.end), selectors: describe(article.plainText, span.start, span.end) };
}
