import { and, count, desc, eq, gt, isNull, lte, sql, type SQL } from "drizzle-orm";
import { alias, unionAll } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Database } from "@/db/database";
import { rowsOf } from "@/db/rows";
import { annotations, articles, comments, inboxComments, inboxEvents, inboxOriginals, reviewEvents, users } from "@/db/schema";
import { mayComment } from "@/lib/policies/comment";
import { enforce } from "@/lib/policies/enforce";
import type { Actor } from "@/lib/users/actor";
import { isId } from "@/lib/ids";
import { parseInput } from "@/lib/validation";

/** Inbox items per page. */
export const INBOX_PAGE_SIZE = 30;
/** How much of a comment (or a decision's reason) the inbox shows; the whole of it is in the claim's card. */
const EXCERPT_LENGTH = 280;

/** Why an item on a claim is in someone's inbox: a comment for them, or something another person did to their claim. */
export type InboxReason =
  | "mention"
  | "reply"
  | "submitted"
  | "approved"
  | "rejected"
  | "changes_requested"
  | "reopened"
  | "orphaned"
  | "assigned"
  | "unassigned"
  | "due_changed"
  | "resolved";

/**
 * What is for someone on a claim: a comment that mentions them, or a reply in a thread they started or replied
 * in before; another person resolving a thread they started, were mentioned in by its first comment,
 * or replied in; on a claim they wrote or were assigned when it happened, another person's review
 * decision or a revision that took its text; another person giving them a claim, taking one from
 * them or changing when theirs is due. `unread` until they open their inbox after it happened, or
 * open its claim.
 */
export type ClaimInboxItem = {
  /** The comment's id, the review event's, or (`resolution`) the id of the resolved thread's first comment. */
  id: string;
  kind: "comment" | "review" | "resolution";
  reason: InboxReason;
  /** Who wrote the comment, took the decision, saved the revision or resolved the thread. */
  author: { id: string; name: string };
  /**
   * The start of the comment, of the resolved thread's first comment, or of the reason given with a
   * decision, plain text; empty when none was given.
   */
  excerpt: string;
  /** The revision that took the claim's text (`orphaned`); null otherwise. */
  revision: number | null;
  /** When the claim is due (YYYY-MM-DD), as an assignment set it (`assigned`, `due_changed`); null otherwise. */
  dueOn: string | null;
  createdAt: string;
  unread: boolean;
  claim: { id: string; quote: string };
  article: { id: string; title: string };
};

/**
 * The original of an article they work on changed at its web address (`lib/articles/original-inbox.ts`):
 * what the desk saw, and when. `unread` until they open their inbox after it, or open the article.
 */
export type OriginalInboxItem = {
  id: string;
  kind: "original";
  createdAt: string;
  unread: boolean;
  article: { id: string; title: string };
  /** The original's address, the article's revision when the change was seen, and the paragraphs only the original had then, and only the article. */
  original: { url: string; revision: number; paragraphsAdded: number; paragraphsRemoved: number };
};

/** One item of someone's inbox. */
export type InboxItem = ClaimInboxItem | OriginalInboxItem;

export type InboxPage = { page: number; items: InboxItem[]; total: number; pageCount: number; unread: number };

export const inboxQuerySchema = z.strictObject({
  page: z.coerce.number({ error: "must be a page number, a whole number from 1" }).int("must be a whole number").min(1, "must be at least 1").default(1),
});

/**
 * A review event's reason for `userId`: the decision it records, the revision that orphaned the claim,
 * or what an assignment did to them.
 */
const eventReason = (userId: string) => sql<InboxReason>`case
  when ${reviewEvents.kind} = 'orphaned' then 'orphaned'
  when ${reviewEvents.kind} = 'assigned' and ${reviewEvents.assigneeId} is distinct from ${userId}::uuid then 'unassigned'
  when ${reviewEvents.kind} = 'assigned' and ${reviewEvents.previousAssigneeId} = ${userId}::uuid then 'due_changed'
  when ${reviewEvents.kind} = 'assigned' then 'assigned'
  when ${reviewEvents.toStatus} in ('approved', 'rejected', 'changes_requested') then ${reviewEvents.toStatus}::text
  when ${reviewEvents.fromStatus} in ('approved', 'rejected') then 'reopened'
  else 'submitted' end`;

/** When the user last opened their inbox, or null if they never have (everything is new to them). */
async function seenAtOf(db: Database, userId: string): Promise<Date | null> {
  const [user] = await db.select({ seenAt: users.inboxSeenAt }).from(users).where(eq(users.id, userId));
  return user?.seenAt ?? null;
}

/**
 * A stretch of a person's inbox: the items after `after` and up to `until`, each bound left open when
 * not given; with `unopened`, only those whose claim they have not opened since.
 */
export type InboxSpan = { after?: Date | null; until?: Date; unopened?: boolean };

/** A span whose start may also be a value the statement reads (when they last opened their inbox). */
type Span = Omit<InboxSpan, "after"> & { after?: Date | SQL | null };

/** When `userId` last opened their inbox, read inside a statement; the beginning of time if they never have. */
const seenAtIn = (userId: string) => sql`coalesce((select ${users.inboxSeenAt} from ${users} where ${users.id} = ${userId}), '-infinity'::timestamptz)`;

/**
 * What one of the inbox's tables holds for `userId` within `span`, read by its index on (recipient, time)
 * alone: `inboxComments` (mentions, replies in their threads, and those threads resolved, by others,
 * not deleted, on claims not discarded), `inboxEvents` (status changes, orphanings and assignments
 * others made, for them; a discarded claim's are gone from it) or `inboxOriginals` (the changes of
 * originals of articles they work on).
 */
const spanConditions = (table: typeof inboxComments | typeof inboxEvents | typeof inboxOriginals, userId: string, span: Span) =>
  and(
    eq(table.recipientId, userId),
    span.after ? gt(table.createdAt, span.after) : undefined,
    span.until ? lte(table.createdAt, span.until) : undefined,
    span.unopened ? isNull(table.readAt) : undefined,
  );
const commentConditions = (userId: string, span: Span) => spanConditions(inboxComments, userId, span);
const eventConditions = (userId: string, span: Span) => spanConditions(inboxEvents, userId, span);
const originalConditions = (userId: string, span: Span) => spanConditions(inboxOriginals, userId, span);

/** How many comments, resolved threads, review events and changed originals are for the user within `span`: three counts, each read by index, in one statement. */
async function countFor(db: Database, userId: string, span: Span): Promise<number> {
  const forComments = db.select({ n: count() }).from(inboxComments).where(commentConditions(userId, span));
  const forEvents = db.select({ n: count() }).from(inboxEvents).where(eventConditions(userId, span));
  const forOriginals = db.select({ n: count() }).from(inboxOriginals).where(originalConditions(userId, span));
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`select ((${forComments}) + (${forEvents}) + (${forOriginals}))::int as n`));
  return row!.n;
}

/**
 * The newest `window` items of `userId`'s inbox within `span`, comments (resolved threads among them),
 * review events and changed originals in one shape: each kind's newest `window` first (by index), then
 * the three merged. An item on a claim has its claim (`annotationId`), a changed original its article.
 */
function newestItems(db: Database, userId: string, window: number, span: InboxSpan) {
  const commentItems = db
    .select({
      kind: sql<InboxItem["kind"]>`case when ${inboxComments.reason} = 'resolved' then 'resolution' else 'comment' end`.as("item_kind"),
      id: comments.id,
      reason: sql<InboxReason | null>`${inboxComments.reason}`.as("item_reason"),
      actorId: sql<string | null>`case when ${inboxComments.reason} = 'resolved' then ${comments.resolvedBy} else ${comments.authorId} end`.as("item_actor_id"),
      text: sql<string>`${comments.body}`.as("item_text"),
      revision: sql<number | null>`null::integer`.as("item_revision"),
      dueOn: sql<string | null>`null::date`.as("item_due_on"),
      createdAt: sql<Date>`${inboxComments.createdAt}`.as("item_created_at"),
      readAt: sql<Date | null>`${inboxComments.readAt}`.as("item_read_at"),
      annotationId: sql<string | null>`${inboxComments.annotationId}`.as("item_annotation_id"),
      articleId: sql<string | null>`null::uuid`.as("item_article_id"),
      paragraphsAdded: sql<number | null>`null::integer`.as("item_paragraphs_added"),
      paragraphsRemoved: sql<number | null>`null::integer`.as("item_paragraphs_removed"),
    })
    .from(inboxComments)
    .innerJoin(comments, eq(comments.id, inboxComments.commentId))
    .where(commentConditions(userId, span))
    .orderBy(desc(inboxComments.createdAt), desc(inboxComments.commentId))
    .limit(window);
  const eventItems = db
    .select({
      kind: sql<InboxItem["kind"]>`'review'`.as("item_kind"),
      id: reviewEvents.id,
      reason: sql<InboxReason | null>`${eventReason(userId)}`.as("item_reason"),
      actorId: sql<string | null>`${reviewEvents.actorId}`.as("item_actor_id"),
      text: sql<string>`coalesce(${reviewEvents.comment}, '')`.as("item_text"),
      revision: sql<number | null>`${reviewEvents.revision}`.as("item_revision"),
      dueOn: sql<string | null>`${reviewEvents.dueOn}`.as("item_due_on"),
      createdAt: sql<Date>`${inboxEvents.createdAt}`.as("item_created_at"),
      readAt: sql<Date | null>`${inboxEvents.readAt}`.as("item_read_at"),
      annotationId: sql<string | null>`${inboxEvents.annotationId}`.as("item_annotation_id"),
      articleId: sql<string | null>`null::uuid`.as("item_article_id"),
      paragraphsAdded: sql<number | null>`null::integer`.as("item_paragraphs_added"),
      paragraphsRemoved: sql<number | null>`null::integer`.as("item_paragraphs_removed"),
    })
    .from(inboxEvents)
    .innerJoin(reviewEvents, eq(reviewEvents.id, inboxEvents.reviewEventId))
    .where(eventConditions(userId, span))
    .orderBy(desc(inboxEvents.createdAt), desc(inboxEvents.reviewEventId))
    .limit(window);
  const originalItems = db
    .select({
      kind: sql<InboxItem["kind"]>`'original'`.as("item_kind"),
      id: inboxOriginals.id,
      reason: sql<InboxReason | null>`null::text`.as("item_reason"),
      actorId: sql<string | null>`null::uuid`.as("item_actor_id"),
      text: sql<string>`${inboxOriginals.url}`.as("item_text"),
      revision: sql<number | null>`${inboxOriginals.revision}`.as("item_revision"),
      dueOn: sql<string | null>`null::date`.as("item_due_on"),
      createdAt: sql<Date>`${inboxOriginals.createdAt}`.as("item_created_at"),
      readAt: sql<Date | null>`${inboxOriginals.readAt}`.as("item_read_at"),
      annotationId: sql<string | null>`null::uuid`.as("item_annotation_id"),
      articleId: sql<string | null>`${inboxOriginals.articleId}`.as("item_article_id"),
      paragraphsAdded: sql<number | null>`${inboxOriginals.paragraphsAdded}`.as("item_paragraphs_added"),
      paragraphsRemoved: sql<number | null>`${inboxOriginals.paragraphsRemoved}`.as("item_paragraphs_removed"),
    })
    .from(inboxOriginals)
    .where(originalConditions(userId, span))
    .orderBy(desc(inboxOriginals.createdAt), desc(inboxOriginals.id))
    .limit(window);
  return unionAll(commentItems, eventItems, originalItems).as("inbox_items");
}

/** How many items for the actor came after they last opened their inbox: the header's count, on every page, in one statement. */
export async function countUnread(db: Database, actor: Actor | null): Promise<number> {
  enforce(mayComment(actor), actor);
  return countFor(db, actor!.id, { after: seenAtIn(actor!.id), unopened: true });
}

/**
 * `limit` items of `userId`'s inbox within `span`, newest first, after skipping `offset`; those after
 * `seenAt` (all of them when it is null) and not read on their claim since marked unread.
 */
async function itemsOf(db: Database, userId: string, span: InboxSpan, page: { limit: number; offset: number }, seenAt: Date | null): Promise<InboxItem[]> {
  const items = newestItems(db, userId, page.offset + page.limit, span);
  const author = alias(users, "author");
  const rows = await db
    .select({
      kind: items.kind,
      id: items.id,
      reason: items.reason,
      authorId: items.actorId,
      authorName: author.name,
      text: items.text,
      revision: items.revision,
      dueOn: items.dueOn,
      createdAt: items.createdAt,
      readAt: items.readAt,
      paragraphsAdded: items.paragraphsAdded,
      paragraphsRemoved: items.paragraphsRemoved,
      claimId: annotations.id,
      quote: annotations.quote,
      articleId: articles.id,
      title: articles.title,
    })
    .from(items)
    .leftJoin(annotations, eq(annotations.id, items.annotationId))
    // An item on a claim is on the claim's article (a claim gone takes its items with it); a changed original on its own.
    .innerJoin(articles, eq(articles.id, sql`coalesce(${items.articleId}, ${annotations.articleId})`))
    .leftJoin(author, eq(author.id, items.actorId))
    .orderBy(desc(items.createdAt), desc(items.id))
    .limit(page.limit)
    .offset(page.offset);
  return rows.map((row): InboxItem => {
    const createdAt = new Date(row.createdAt);
    const common = {
      id: row.id,
      createdAt: createdAt.toISOString(),
      unread: (seenAt === null || createdAt > seenAt) && row.readAt === null,
      article: { id: row.articleId, title: row.title },
    };
    if (row.kind === "original") {
      const original = { url: row.text, revision: row.revision!, paragraphsAdded: row.paragraphsAdded!, paragraphsRemoved: row.paragraphsRemoved! };
      return { ...common, kind: "original", original };
    }
    return {
      ...common,
      kind: row.kind,
      reason: row.reason!,
      author: { id: row.authorId!, name: row.authorName! },
      excerpt: row.text.length > EXCERPT_LENGTH ? `${row.text.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…` : row.text,
      revision: row.revision,
      dueOn: row.dueOn,
      claim: { id: row.claimId!, quote: row.quote! },
    };
  });
}

/** A page of the actor's inbox, newest first, with what is unread marked and counted. */
export async function listInbox(db: Database, actor: Actor | null, input: unknown = {}): Promise<InboxPage> {
  enforce(mayComment(actor), actor);
  const { page } = parseInput(inboxQuerySchema, input);
  const me = actor!.id;
  const seenAt = await seenAtOf(db, me);
  const [items, total, unread] = await Promise.all([
    itemsOf(db, me, {}, { limit: INBOX_PAGE_SIZE, offset: (page - 1) * INBOX_PAGE_SIZE }, seenAt),
    countFor(db, me, {}),
    countFor(db, me, { after: seenAt, unopened: true }),
  ]);
  return { page, items, total, pageCount: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)), unread };
}

/**
 * The people who have items in their inbox within `span` (both bounds given): the recipients of the
 * comments, review events and changed originals fanned out then. Read by the indexes on their times, whatever the size
 * of the desk.
 */
export async function peopleWithItemsWithin(db: Database, span: { after: Date | null; until: Date }): Promise<Set<string>> {
  const [after, until] = [span.after?.toISOString() ?? "-infinity", span.until.toISOString()];
  const within = (createdAt: SQL) => sql`${createdAt} > ${after}::timestamptz and ${createdAt} <= ${until}::timestamptz`;
  const result = await db.execute(sql`
    select recipient_id as id from inbox_comments where ${within(sql`inbox_comments.created_at`)}
    union select recipient_id from inbox_events where ${within(sql`inbox_events.created_at`)}
    union select recipient_id from inbox_originals where ${within(sql`inbox_originals.created_at`)}`);
  return new Set(rowsOf<{ id: string }>(result).map((row) => row.id));
}

/** How many items of a person's inbox lie within `span` whose claim they have not opened since. Not a request's: no actor is checked. */
export const countInboxWithin = (db: Database, userId: string, span: InboxSpan): Promise<number> => countFor(db, userId, { ...span, unopened: true });

/**
 * The newest `limit` items of a person's inbox within `span` whose claim they have not opened since,
 * all unread, and how many there are in all: what an email tells them of (`lib/notifications`). Not a
 * request's: no actor is checked.
 */
export async function inboxItemsWithin(db: Database, userId: string, span: InboxSpan, limit: number): Promise<{ items: InboxItem[]; total: number }> {
  const unopened = { ...span, unopened: true };
  const [items, total] = await Promise.all([itemsOf(db, userId, unopened, { limit, offset: 0 }, null), countFor(db, userId, unopened)]);
  return { items, total };
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

const openedId = (what: string) => z.string({ error: `must be the id of ${what}` }).refine(isId, `must be the id of ${what}`);

export const openedSchema = z
  .strictObject({ annotationId: openedId("a claim").optional(), articleId: openedId("an article").optional() })
  .refine((opened) => (opened.annotationId === undefined) !== (opened.articleId === undefined), {
    message: "must name the claim opened (annotationId) or the article opened (articleId), one of them",
    path: ["annotationId"],
  });

/**
 * Marks read what the actor's inbox holds of what they opened: of a claim (`annotationId`), its
 * comments for them, its resolved threads, what others did to it; of an article (`articleId`), the
 * changes of its original, which the article shows. They have seen it there, so it is no longer new
 * in their inbox, nor emailed. Touches only their own items; something with none for them changes nothing.
 */
export async function markOpenedRead(db: Database, actor: Actor | null, input: unknown): Promise<void> {
  enforce(mayComment(actor), actor);
  const { annotationId, articleId } = parseInput(openedSchema, input);
  const now = new Date();
  if (articleId) {
    await db
      .update(inboxOriginals)
      .set({ readAt: now })
      .where(and(eq(inboxOriginals.recipientId, actor!.id), eq(inboxOriginals.articleId, articleId), isNull(inboxOriginals.readAt)));
    return;
  }
  await db.transaction(async (tx) => {
    await tx
      .update(inboxComments)
      .set({ readAt: now })
      .where(and(eq(inboxComments.recipientId, actor!.id), eq(inboxComments.annotationId, annotationId!), isNull(inboxComments.readAt)));
    await tx
      .update(inboxEvents)
      .set({ readAt: now })
      .where(and(eq(inboxEvents.recipientId, actor!.id), eq(inboxEvents.annotationId, annotationId!), isNull(inboxEvents.readAt)));
  });
}
