import { and, count, desc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Database, Transaction } from "@/db/database";
import { articles, readerMessages, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { Conflict, NotFound } from "@/lib/errors";
import { isId } from "@/lib/ids";
import { containsPattern } from "@/lib/like-pattern";
import { enforce } from "@/lib/policies/enforce";
import { mayHandleReaderMessages } from "@/lib/policies/reader-message";
import type { Actor } from "@/lib/users/actor";
import { parseInput } from "@/lib/validation";
import { handlingSchema } from "./input";
import { emailErasedAfter, readerEmailKeepDays } from "./retention";

/** A reader's message as the desk reads it. */
export type ReaderMessage = {
  id: string;
  /** The fact-check it is about; null for a tip (a claim the reader would like checked). */
  article: { id: string; title: string; slug: string | null } | null;
  /** A tip's address where the reader saw the claim, or null. */
  link: string | null;
  /** The claim it is about (its id, null once the claim is gone, and its words as the reader saw them), or null for the whole fact-check. */
  claim: { id: string | null; quote: string } | null;
  body: string;
  contactEmail: string | null;
  /** Once handled, when its email (if any) is erased (./retention.ts); null while new. */
  emailKeptUntil: string | null;
  /** That time has come: no email is shown, whether or not the reader gave one. */
  emailErased: boolean;
  receivedAt: string;
  handled: { at: string; by: string; note: string | null } | null;
};

const READER_MESSAGE_STATES = ["new", "handled", "all"] as const;
const READER_MESSAGES_PER_PAGE = 30;

/** Words of a search that count; more add nothing a person would type. */
const MAX_SEARCH_WORDS = 8;

/**
 * `?state=` (new by default), `?article=` (one article's messages), `?claim=` (one claim's), `?kind=tips` (the
 * tips alone), `?q=` (words the message, the claim's quote or the reader's email must all hold, in any case)
 * and `?page=` of the list.
 */
const readerMessageQuerySchema = z.strictObject({
  q: z.string().trim().max(200, "must be at most 200 characters").default(""),
  state: z.enum(READER_MESSAGE_STATES, { error: () => `must be one of ${READER_MESSAGE_STATES.join(", ")}` }).default("new"),
  article: z.string().refine(isId, "must be an article id").optional(),
  claim: z.string().refine(isId, "must be a claim id").optional(),
  kind: z.literal("tips", "must be tips").optional(),
  page: z.coerce.number({ error: "must be a page number, a whole number from 1" }).int("must be a whole number").min(1, "must be at least 1").default(1),
});

export type ReaderMessageQuery = z.output<typeof readerMessageQuerySchema>;

const STATE_FILTERS: Record<(typeof READER_MESSAGE_STATES)[number], SQL | undefined> = {
  new: isNull(readerMessages.handledAt),
  handled: isNotNull(readerMessages.handledAt),
  all: undefined,
};

/**
 * One page of readers' messages, newest first, with how many each state holds (for the tabs), for
 * editors and admins. `query` as `readerMessageQuerySchema` reads it; `keepDays`, how long emails are kept.
 */
export async function listReaderMessages(
  db: Database,
  actor: Actor | null,
  query: unknown,
  { keepDays, now }: { keepDays: number; now: Date } = { keepDays: readerEmailKeepDays().days, now: new Date() },
): Promise<{
  messages: ReaderMessage[];
  counts: Record<"new" | "handled", number>;
  /** The query as read: what the page's tabs, search and links keep. */
  query: Pick<ReaderMessageQuery, "state" | "kind" | "q">;
  page: number;
  pages: number;
  article: { id: string; title: string } | null;
}> {
  enforce(mayHandleReaderMessages(actor), actor);
  const { state, article: articleId, claim: claimId, kind, q, page } = parseInput(readerMessageQuerySchema, query);
  const chosen = and(
    kind === "tips" ? isNull(readerMessages.articleId) : undefined,
    articleId ? eq(readerMessages.articleId, articleId) : undefined,
    claimId ? eq(readerMessages.annotationId, claimId) : undefined,
    ...q
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, MAX_SEARCH_WORDS)
      .map((word) => or(ilike(readerMessages.body, containsPattern(word)), ilike(readerMessages.quote, containsPattern(word)), ilike(readerMessages.contactEmail, containsPattern(word)))),
  );
  const handler = alias(users, "handler");
  const [rows, [counts], [article]] = await Promise.all([
    db
      .select({
        id: readerMessages.id,
        articleId: articles.id,
        title: articles.title,
        slug: articles.slug,
        annotationId: readerMessages.annotationId,
        quote: readerMessages.quote,
        body: readerMessages.body,
        link: readerMessages.link,
        contactEmail: readerMessages.contactEmail,
        receivedAt: readerMessages.receivedAt,
        handledAt: readerMessages.handledAt,
        handledBy: handler.name,
        handledNote: readerMessages.handledNote,
      })
      .from(readerMessages)
      .leftJoin(articles, eq(articles.id, readerMessages.articleId))
      .leftJoin(handler, eq(handler.id, readerMessages.handledBy))
      .where(and(chosen, STATE_FILTERS[state]))
      .orderBy(desc(readerMessages.receivedAt), desc(readerMessages.id))
      .limit(READER_MESSAGES_PER_PAGE)
      .offset((page - 1) * READER_MESSAGES_PER_PAGE),
    db
      .select({
        new: sql<number>`count(*) filter (where ${readerMessages.handledAt} is null)`.mapWith(Number),
        handled: sql<number>`count(*) filter (where ${readerMessages.handledAt} is not null)`.mapWith(Number),
      })
      .from(readerMessages)
      .where(chosen),
    articleId ? db.select({ id: articles.id, title: articles.title }).from(articles).where(eq(articles.id, articleId)) : [],
  ]);
  if (articleId && !article) throw new NotFound(`No article with id ${articleId}.`);
  const total = state === "all" ? counts!.new + counts!.handled : counts![state];
  return {
    messages: rows.map((row) => messageOf(row, keepDays, now)),
    counts: counts!,
    query: { state, kind, q },
    page,
    pages: Math.max(1, Math.ceil(total / READER_MESSAGES_PER_PAGE)),
    article: article ?? null,
  };
}

type MessageRow = {
  id: string;
  articleId: string | null;
  title: string | null;
  slug: string | null;
  annotationId: string | null;
  quote: string | null;
  body: string;
  link: string | null;
  contactEmail: string | null;
  receivedAt: Date;
  handledAt: Date | null;
  handledBy: string | null;
  handledNote: string | null;
};

/** A message as the desk reads it; its email, once its time is up, is not shown even before the hourly erasure reaches it. */
function messageOf(row: MessageRow, keepDays: number, now: Date): ReaderMessage {
  const keptUntil = emailErasedAfter(row.handledAt, keepDays);
  const erased = !!keptUntil && keptUntil <= now;
  return {
    id: row.id,
    article: row.articleId ? { id: row.articleId, title: row.title ?? "", slug: row.slug } : null,
    link: row.link,
    claim: row.quote === null ? null : { id: row.annotationId, quote: row.quote },
    body: row.body,
    contactEmail: erased ? null : row.contactEmail,
    emailKeptUntil: keptUntil?.toISOString() ?? null,
    emailErased: erased,
    receivedAt: row.receivedAt.toISOString(),
    handled: row.handledAt ? { at: row.handledAt.toISOString(), by: row.handledBy ?? "someone", note: row.handledNote } : null,
  };
}

/** How many readers' messages wait for an editor, for the header; 0 for those who do not read them. */
export async function countNewReaderMessages(db: Database, actor: Actor | null, articleId?: string): Promise<number> {
  if (!mayHandleReaderMessages(actor).allowed) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(readerMessages)
    .where(and(isNull(readerMessages.handledAt), articleId ? eq(readerMessages.articleId, articleId) : undefined));
  return row!.n;
}

/**
 * Marks a message handled (`{handled: true, note?}`: what was done, for colleagues) or new again
 * (`{handled: false}`), by editors and admins, in the audit trail. Two editors handling one message: the
 * second gets 409 saying who did, so that a reader is not answered twice.
 */
export async function handleReaderMessage(db: Database, actor: Actor | null, messageId: string, input: unknown): Promise<{ handled: ReaderMessage["handled"] }> {
  enforce(mayHandleReaderMessages(actor), actor);
  const change = parseInput(handlingSchema, input);
  return db.transaction(async (tx) => {
    const message = await lockedMessage(tx, messageId);
    const audit = { actorId: actor!.id, subject: "reader_message", subjectId: messageId, articleId: message.articleId, action: "updated" } as const;
    if (change.handled) {
      if (message.handledAt) throw new Conflict(`${message.handledBy ?? "Someone"} marked this message handled already.`);
      const note = change.note ?? null;
      const [row] = await tx
        .update(readerMessages)
        .set({ handledAt: sql`now()`, handledBy: actor!.id, handledNote: note })
        .where(eq(readerMessages.id, messageId))
        .returning({ at: readerMessages.handledAt });
      await recordAudit(tx, { ...audit, before: { handled: false }, after: { handled: true, note } });
      return { handled: { at: row!.at!.toISOString(), by: actor!.name, note } };
    }
    if (!message.handledAt) throw new Conflict("This message is new already.");
    await tx.update(readerMessages).set({ handledAt: null, handledBy: null, handledNote: null }).where(eq(readerMessages.id, messageId));
    await recordAudit(tx, { ...audit, before: { handled: true, note: message.handledNote }, after: { handled: false } });
    return { handled: null };
  });
}

/**
 * Deletes a message for good, by editors and admins: spam a robot slipped through, or a reader asking for
 * their message (and email) to be erased. The audit trail keeps that it was, when it came and about what,
 * never its words or the reader's email.
 */
export async function deleteReaderMessage(db: Database, actor: Actor | null, messageId: string): Promise<void> {
  enforce(mayHandleReaderMessages(actor), actor);
  await db.transaction(async (tx) => {
    const message = await lockedMessage(tx, messageId);
    await tx.delete(readerMessages).where(eq(readerMessages.id, messageId));
    await recordAudit(tx, {
      actorId: actor!.id,
      subject: "reader_message",
      subjectId: messageId,
      articleId: message.articleId,
      action: "deleted",
      before: { receivedAt: message.receivedAt.toISOString(), articleTitle: message.articleTitle, tip: message.articleId === null },
    });
  });
}

/** The message, locked for the change in `tx`, or 404. */
async function lockedMessage(tx: Transaction, messageId: string) {
  const [message] = await tx
    .select({
      articleId: readerMessages.articleId,
      articleTitle: articles.title,
      receivedAt: readerMessages.receivedAt,
      handledAt: readerMessages.handledAt,
      handledBy: users.name,
      handledNote: readerMessages.handledNote,
    })
    .from(readerMessages)
    .leftJoin(articles, eq(articles.id, readerMessages.articleId))
    .leftJoin(users, eq(users.id, readerMessages.handledBy))
    .where(eq(readerMessages.id, messageId))
    .for("update", { of: readerMessages });
  if (!message) throw new NotFound(`No reader's message with id ${messageId}.`);
  return message;
}
