import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Transaction } from "@/db/database";
import { annotations, articles, correctionNotes } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { NotFound } from "@/lib/errors";
import { mayPublishArticle, mayViewArticles } from "@/lib/policies/article";
import { enforce } from "@/lib/policies/enforce";
import type { Actor } from "@/lib/users/actor";
import { parseInput } from "@/lib/validation";
import { MAX_NOTE_LENGTH, toldToReaders, type PublicChange } from "./corrections";
import { publicChangesOfArticle } from "./public-changes";
import { SHOWN_IN_PUBLIC } from "./public-view";

/** A change to one claim readers are told of: what an editor may write a note on. */
export type ClaimChangeOnPage = Exclude<PublicChange, { kind: "text_revised" }>;

export const correctionNoteSchema = z.strictObject({
  event: z.uuid("must be the id of the review event the change stands for"),
  note: z.string("must be text").trim().max(MAX_NOTE_LENGTH, `must be at most ${MAX_NOTE_LENGTH.toLocaleString("en")} characters`),
});

/**
 * The changes to claims that the article's public page tells readers of (its corrections and updates,
 * the text's revisions aside), newest first, each with its note: empty for an article never published.
 */
export async function listClaimChanges(db: Database | Transaction, actor: Actor | null, articleId: string): Promise<ClaimChangeOnPage[]> {
  enforce(mayViewArticles(actor), actor);
  const [article] = await db
    .select({ publishedAt: articles.publishedAt, firstPublishedAt: articles.firstPublishedAt })
    .from(articles)
    .where(eq(articles.id, articleId));
  if (!article) throw new NotFound(`No article with id ${articleId}.`);
  const firstPublishedAt = article.firstPublishedAt ?? article.publishedAt;
  if (!firstPublishedAt) return [];
  // One query after the other: `setCorrectionNote` reads this on its transaction's one connection.
  const changes = await publicChangesOfArticle(db, articleId, firstPublishedAt);
  const shown = await db
    .select({ id: annotations.id })
    .from(annotations)
    .where(and(eq(annotations.articleId, articleId), SHOWN_IN_PUBLIC));
  return toldToReaders(changes, new Set(shown.map((claim) => claim.id))).filter((change) => change.kind !== "text_revised");
}

/**
 * Writes, changes or (with an empty note) removes an editor's note to readers on one change the public
 * page tells of, named by its review event. Editors and admins; audited on the claim.
 */
export async function setCorrectionNote(db: Database, actor: Actor | null, articleId: string, input: unknown): Promise<ClaimChangeOnPage> {
  enforce(mayPublishArticle(actor), actor);
  const { event, note } = parseInput(correctionNoteSchema, input);
  return db.transaction(async (tx) => {
    // One writer at a time per article: two editors' notes on one change do not interleave.
    await tx.select({ id: articles.id }).from(articles).where(eq(articles.id, articleId)).for("update");
    const change = (await listClaimChanges(tx, actor, articleId)).find((each) => each.eventIds[0] === event);
    if (!change) throw new NotFound(`The public page of this article tells of no change with event id ${event}.`);
    // What readers see: its own note, or the one of the withdrawal it ended. Removing it removes both.
    if ((change.note ?? "") === note) return change;
    if (note) {
      await tx
        .insert(correctionNotes)
        .values({ reviewEventId: event, body: note, writtenBy: actor!.id })
        .onConflictDoUpdate({ target: correctionNotes.reviewEventId, set: { body: note, writtenBy: actor!.id, writtenAt: sql`now()` } });
    } else {
      await tx.delete(correctionNotes).where(inArray(correctionNotes.reviewEventId, change.eventIds));
    }
    await recordAudit(tx, {
      actorId: actor!.id,
      subject: "annotation",
      subjectId: change.claimId,
      articleId,
      annotationId: change.claimId,
      action: "updated",
      before: { correctionNote: change.note },
      after: { correctionNote: note || null },
    });
    return (await listClaimChanges(tx, actor, articleId)).find((each) => each.eventIds[0] === event)!;
  });
}
