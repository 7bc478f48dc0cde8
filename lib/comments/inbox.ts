import { and, arrayContains, count, desc, eq, isNull, lt, ne, sql } from "drizzle-orm";
import { alias, union } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Database } from "@/db/database";
import { annotations, articles, comments, users } from "@/db/schema";
import { mayComment } from "@/lib/policies/comment";
import { enforce } from "@/lib/policies/enforce";
import type { Actor } from "@/lib/users/actor";
import { parseInput } from "@/lib/validation";

/** Inbox items per page. */
export const INBOX_PAGE_SIZE = 30;
/** How much of a comment the inbox shows; the whole of it is in the claim's discussion. */
const EXCERPT_LENGTH = 280;

/**
 * A comment for someone: one that mentions them, or a reply in a thread they started or replied in
 * before. `unread` until they open their inbox after it was written.
 */
export type InboxItem = {
  commentId: string;
  reason: "mention" | "reply";
  author: { id: string; name: string };
  /** The start of the comment, plain text. */
  excerpt: string;
  createdAt: string;
  unread: boolean;
  claim: { id: string; quote: string };
  article: { id: string; title: string };
};

export type InboxPage = { page: number; items: InboxItem[]; total: number; pageCount: number; unread: number };

export const inboxQuerySchema = z.strictObject({
  page: z.coerce.number({ error: "must be a page number, a whole number from 1" }).int("must be a whole number").min(1, "must be at least 1").default(1),
});

const parent = alias(comments, "parent");
const earlier = alias(comments, "earlier");

/**
 * The ids of the comments for `userId`: those mentioning them, the replies in threads they started,
 * and the replies after theirs in threads they replied in. (Own, deleted and discarded ones are
 * left out by `forUser`.)
 */
function commentsFor(db: Database, userId: string) {
  const mentions = db.select({ id: comments.id }).from(comments).where(arrayContains(comments.mentionedUserIds, [userId]));
  const inTheirThreads = db.select({ id: comments.id }).from(comments).innerJoin(parent, eq(parent.id, comments.parentId)).where(eq(parent.authorId, userId));
  const afterTheirReplies = db
    .select({ id: comments.id })
    .from(comments)
    .innerJoin(earlier, and(eq(earlier.parentId, comments.parentId), eq(earlier.authorId, userId), lt(earlier.createdAt, comments.createdAt)));
  return union(mentions, inTheirThreads, afterTheirReplies).as("for_user");
}

const forUser = (db: Database, userId: string) => {
  const ids = commentsFor(db, userId);
  return {
    ids,
    where: and(isNull(comments.deletedAt), ne(comments.authorId, userId), isNull(annotations.discardedAt)),
  };
};

/** Whether a comment came after the user last opened their inbox (every one does, if they never have). */
const afterSeen = (userId: string) =>
  sql<boolean>`${comments.createdAt} > coalesce((select ${users.inboxSeenAt} from ${users} where ${users.id} = ${userId}), '-infinity'::timestamptz)`;

/** How many comments are for the user, and how many of them came after they last opened their inbox: one query. */
async function countsFor(db: Database, userId: string): Promise<{ total: number; unread: number }> {
  const { ids, where } = forUser(db, userId);
  const [row] = await db
    .select({ total: count(), unread: sql<number>`(count(*) filter (where ${afterSeen(userId)}))::int` })
    .from(comments)
    .innerJoin(ids, eq(ids.id, comments.id))
    .innerJoin(annotations, eq(annotations.id, comments.annotationId))
    .where(where);
  return { total: row?.total ?? 0, unread: row?.unread ?? 0 };
}

/** How many comments for the actor came after they last opened their inbox: the header's count, on every page. */
export async function countUnread(db: Database, actor: Actor | null): Promise<number> {
  enforce(mayComment(actor), actor);
  return (await countsFor(db, actor!.id)).unread;
}

/** A page of the actor's inbox, newest first, with what is unread marked and counted. */
export async function listInbox(db: Database, actor: Actor | null, input: unknown = {}): Promise<InboxPage> {
  enforce(mayComment(actor), actor);
  const { page } = parseInput(inboxQuerySchema, input);
  const me = actor!.id;
  const { ids, where } = forUser(db, me);
  const author = alias(users, "author");
  const [rows, { total, unread }] = await Promise.all([
    db
      .select({
        commentId: comments.id,
        mentioned: sql<boolean>`${me}::uuid = any(${comments.mentionedUserIds})`,
        unread: afterSeen(me),
        authorId: comments.authorId,
        authorName: author.name,
        body: comments.body,
        createdAt: comments.createdAt,
        claimId: annotations.id,
        quote: annotations.quote,
        articleId: articles.id,
        title: articles.title,
      })
      .from(comments)
      .innerJoin(ids, eq(ids.id, comments.id))
      .innerJoin(annotations, eq(annotations.id, comments.annotationId))
      .innerJoin(articles, eq(articles.id, annotations.articleId))
      .innerJoin(author, eq(author.id, comments.authorId))
      .where(where)
      .orderBy(desc(comments.createdAt), desc(comments.id))
      .limit(INBOX_PAGE_SIZE)
      .offset((page - 1) * INBOX_PAGE_SIZE),
    countsFor(db, me),
  ]);
  const items = rows.map(
    (row): InboxItem => ({
      commentId: row.commentId,
      reason: row.mentioned ? "mention" : "reply",
      author: { id: row.authorId, name: row.authorName },
      excerpt: row.body.length > EXCERPT_LENGTH ? `${row.body.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…` : row.body,
      createdAt: row.createdAt.toISOString(),
      unread: row.unread,
      claim: { id: row.claimId, quote: row.quote },
      article: { id: row.articleId, title: row.title },
    }),
  );
  return { page, items, total, pageCount: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)), unread };
}

export const inboxSeenSchema = z.strictObject({
  until: z.iso.datetime({ offset: true, error: "must be a date and time, as the inbox gave it (ISO 8601)" }),
});

/**
 * Marks the actor's inbox read up to `until`, the moment the page they looked at was made: a comment
 * written since then stays unread. Never moves back, nor past now.
 */
export async function markInboxSeen(db: Database, actor: Actor | null, input: unknown): Promise<void> {
  enforce(mayComment(actor), actor);
  const until = new Date(Math.min(Date.parse(parseInput(inboxSeenSchema, input).until), Date.now()));
  await db
    .update(users)
    .set({ inboxSeenAt: sql`greatest(coalesce(${users.inboxSeenAt}, ${until.toISOString()}::timestamptz), ${until.toISOString()}::timestamptz)` })
    .where(eq(users.id, actor!.id));
}
