import { and, count, eq, gt, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { Database, Transaction } from "@/db/database";
import { annotations, articles, readerMessages } from "@/db/schema";
import { Invalid, NotFound, TooManyRequests } from "@/lib/errors";
import { SHOWN_IN_PUBLIC } from "@/lib/publishing/public-view";
import { parseInput } from "@/lib/validation";
import { tellReaderMessage, tellReaderTip } from "@/lib/webhooks/desk-events";
import { readerMessageSchema, readerTipSchema } from "./input";

/** How many messages and tips one sender may send in an hour, all together. */
export const MAX_MESSAGES_PER_SENDER_HOUR = 5;
/** How many messages one fact-check takes in an hour, from everyone: a flood stops here, whatever addresses it claims. */
export const MAX_MESSAGES_PER_ARTICLE_HOUR = 30;
/** How many tips the desk takes in an hour, from everyone. */
export const MAX_TIPS_PER_HOUR = 60;

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
    await withinLimits(tx, senderDigest, now, {
      key: `reader-article:${article.id}`,
      which: eq(readerMessages.articleId, article.id),
      max: MAX_MESSAGES_PER_ARTICLE_HOUR,
      refusal: "This fact-check has had many messages in the last hour: please send yours in an hour.",
    });
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

/**
 * Takes a reader's tip (a claim they would like checked, where they saw it), from the index of fact-checks,
 * from the sender `senderDigest`: the same rules as a message (./input.ts `readerTipSchema`), its own limit
 * of `MAX_TIPS_PER_HOUR` for the whole desk.
 */
export async function receiveReaderTip(db: Database, input: unknown, senderDigest: string, now = new Date()): Promise<{ received: true }> {
  const tip = parseInput(readerTipSchema, input);
  if (tip.website) return { received: true };
  return db.transaction(async (tx) => {
    await withinLimits(tx, senderDigest, now, {
      key: "reader-tips",
      which: isNull(readerMessages.articleId),
      max: MAX_TIPS_PER_HOUR,
      refusal: "We have had many suggestions in the last hour: please send yours in an hour.",
    });
    await tx.insert(readerMessages).values({ body: tip.message, link: tip.link, contactEmail: tip.email, senderDigest, receivedAt: now });
    await tellReaderTip(tx, tip.message, tip.link);
    return { received: true as const };
  });
}

/**
 * Refuses (429) a sender past `MAX_MESSAGES_PER_SENDER_HOUR`, and anyone past the hour's `max` of the
 * messages `which` selects. The sender's and the group's counts are taken, and the message added, one
 * at a time across instances (advisory locks held to the end of the transaction).
 */
async function withinLimits(tx: Transaction, senderDigest: string, now: Date, group: { key: string; which: SQL; max: number; refusal: string }): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`reader:${senderDigest}`}))`);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${group.key}))`);
  const recent = gt(readerMessages.receivedAt, new Date(now.getTime() - HOUR_MS));
  const [[bySender], [inGroup]] = await Promise.all([
    tx.select({ n: count() }).from(readerMessages).where(and(eq(readerMessages.senderDigest, senderDigest), recent)),
    tx.select({ n: count() }).from(readerMessages).where(and(group.which, recent)),
  ]);
  if (bySender!.n >= MAX_MESSAGES_PER_SENDER_HOUR) {
    throw new TooManyRequests(`You have sent ${MAX_MESSAGES_PER_SENDER_HOUR} messages in the last hour, which is as many as we take: send this one in an hour.`);
  }
  if (inGroup!.n >= group.max) throw new TooManyRequests(group.refusal);
}
