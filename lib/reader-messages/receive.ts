import { and, count, eq, gt, isNotNull, sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { annotations, articles, readerMessages } from "@/db/schema";
import { Invalid, NotFound, TooManyRequests } from "@/lib/errors";
import { SHOWN_IN_PUBLIC } from "@/lib/publishing/public-view";
import { parseInput } from "@/lib/validation";
import { tellReaderMessage } from "@/lib/webhooks/desk-events";
import { readerMessageSchema } from "./input";

/** How many messages one sender may send in an hour, to all fact-checks together. */
export const MAX_MESSAGES_PER_SENDER_HOUR = 5;
/** How many messages one fact-check takes in an hour, from everyone: a flood stops here, whatever addresses it claims. */
export const MAX_MESSAGES_PER_ARTICLE_HOUR = 30;

const HOUR_MS = 60 * 60 * 1000;

/**
 * Takes a reader's message to the desk about the published fact-check at `slug` (or one of the claims
 * its page shows, `about`), from the sender `senderDigest` (./sender.ts). Anyone may send one, signed in
 * or not. A message a robot filled in (the hidden `website` field) is taken without a word and dropped.
 * 404 when the page is not public; 400 naming the field; 429 past either limit, saying when to try again.
 */
export async function receiveReaderMessage(db: Database, slug: string, input: unknown, senderDigest: string, now = new Date()): Promise<{ received: true }> {
  const message = parseInput(readerMessageSchema, input);
  if (message.website) return { received: true };
  return db.transaction(async (tx) => {
    const [article] = await tx
      .select({ id: articles.id, title: articles.title, slug: articles.slug })
      .from(articles)
      .where(and(eq(articles.slug, slug), isNotNull(articles.publishedAt)));
    if (!article) throw new NotFound(`No published fact-check at /p/${slug}.`);
    let claim: { id: string; quote: string } | null = null;
    if (message.about) {
      const [shown] = await tx
        .select({ id: annotations.id, quote: annotations.quote })
        .from(annotations)
        .where(and(eq(annotations.id, message.about), eq(annotations.articleId, article.id), SHOWN_IN_PUBLIC));
      if (!shown) throw new Invalid("The claim you wrote about is no longer on this page: choose another, or the whole fact-check.", { about: "must be one of the fact-check's claims" });
      claim = shown;
    }
    // One sender's messages, and one article's, are counted and added one at a time across instances.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`reader:${senderDigest}`}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`reader-article:${article.id}`}))`);
    const since = new Date(now.getTime() - HOUR_MS);
    const recent = gt(readerMessages.receivedAt, since);
    const [[bySender], [byArticle]] = await Promise.all([
      tx.select({ n: count() }).from(readerMessages).where(and(eq(readerMessages.senderDigest, senderDigest), recent)),
      tx.select({ n: count() }).from(readerMessages).where(and(eq(readerMessages.articleId, article.id), recent)),
    ]);
    if (bySender!.n >= MAX_MESSAGES_PER_SENDER_HOUR) {
      throw new TooManyRequests(`You have sent ${MAX_MESSAGES_PER_SENDER_HOUR} messages in the last hour, which is as many as we take: send this one in an hour.`);
    }
    if (byArticle!.n >= MAX_MESSAGES_PER_ARTICLE_HOUR) {
      throw new TooManyRequests("This fact-check has had many messages in the last hour: please send yours in an hour.");
    }
    await tx.insert(readerMessages).values({
      articleId: article.id,
      annotationId: message.about,
      quote: claim?.quote ?? null,
      body: message.message,
      contactEmail: message.email,
      senderDigest,
      receivedAt: now,
    });
    await tellReaderMessage(tx, { id: article.id, title: article.title, slug: article.slug! }, claim, message.message);
    return { received: true as const };
  });
}
