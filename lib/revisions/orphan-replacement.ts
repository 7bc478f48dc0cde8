import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Database } from "@/db/database";
import { annotations, articleRevisions, articles } from "@/db/schema";
import { describe, type TextPositionSelector, type TextQuoteSelector } from "@/lib/anchoring";
import { mapRevision, type RevisionMap } from "@/lib/anchoring/revision-map";
import { NotFound } from "@/lib/errors";
import { mayViewAnnotations } from "@/lib/policies/annotation";
import { enforce } from "@/lib/policies/enforce";
import type { Actor } from "@/lib/users/actor";

/** What now stands where an orphan's text was: a span of the current text, its words, and the selectors that re-attach the claim to it. */
export type Replacement = { start: number; end: number; text: string; selectors: [TextQuoteSelector, TextPositionSelector] };

const WORD = /[\p{L}\p{N}]/u;

/**
 * The text that took the place of old [start, end) in `newText` (`revision` maps the old text to
 * it), widened to whole words: the sentence a revision rewrote beyond recognition, found through
 * the revision's difference in a paragraph it kept. Null when nothing did: the paragraph went or
 * was rewritten whole, or the span was deleted without anything in its place.
 */
export function replacementIn(revision: RevisionMap, newText: string, start: number, end: number): { start: number; end: number } | null {
  const span = revision.mapSpan(start, end);
  if (!span) return null;
  let [from, to] = [span.start, span.end];
  while (from > 0 && WORD.test(newText[from - 1]!) && WORD.test(newText[from]!)) from--;
  while (to > 0 && to < newText.length && WORD.test(newText[to - 1]!) && WORD.test(newText[to]!)) to++;
  while (from < to && /\s/.test(newText[from]!)) from++;
  while (to > from && /\s/.test(newText[to - 1]!)) to--;
  const text = newText.slice(from, to);
  return WORD.test(text) && !text.includes("\n") ? { start: from, end: to } : null;
}

/** `replacementIn` for one span, building the map of `oldText` to `newText` for it. */
export const replacementOf = (oldText: string, newText: string, start: number, end: number) => replacementIn(mapRevision(oldText, newText), newText, start, end);

/**
 * For each orphan of the article (not discarded) that something took the place of, what the
 * revisions since it lost its text put there, by annotation id: for a person to re-attach it to in
 * one step if it is the same claim reworded. One map per revision that last held some orphan's text.
 */
export async function orphanReplacements(db: Database, actor: Actor | null, articleId: string): Promise<Record<string, Replacement>> {
  enforce(mayViewAnnotations(actor), actor);
  const [article] = await db.select({ plainText: articles.plainText }).from(articles).where(eq(articles.id, articleId));
  if (!article) throw new NotFound(`No article with id ${articleId}.`);
  const orphans = await db
    .select({ id: annotations.id, quote: annotations.quote, start: annotations.startOffset, end: annotations.endOffset, orphanedRevision: annotations.orphanedRevision })
    .from(annotations)
    .where(and(eq(annotations.articleId, articleId), isNotNull(annotations.orphanedAt), isNull(annotations.discardedAt), isNotNull(annotations.orphanedRevision)));
  if (orphans.length === 0) return {};
  // An orphan's offsets are where its text was in the revision before the one that orphaned it.
  const heldIn = (orphan: (typeof orphans)[number]) => orphan.orphanedRevision! - 1;
  const held = await db
    .select({ revision: articleRevisions.revision, plainText: articleRevisions.plainText })
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, articleId), inArray(articleRevisions.revision, [...new Set(orphans.map(heldIn))])));
  const current = article.plainText;
  const replacements: Record<string, Replacement> = {};
  for (const { revision, plainText } of held) {
    const map = mapRevision(plainText, current);
    for (const orphan of orphans.filter((o) => heldIn(o) === revision && plainText.slice(o.start, o.end) === o.quote)) {
      const span = replacementIn(map, current, orphan.start, orphan.end);
      if (span) replacements[orphan.id] = { ...span, text: current.slice(span.start, span.end), selectors: describe(current, span.start, span.end) };
    }
  }
  return replacements;
}
