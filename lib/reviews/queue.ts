import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db/database";
import { annotations, articles, users } from "@/db/schema";
import { claimantOf, type Claimant } from "@/lib/annotations/claimant";
import { claimantSelection } from "@/lib/annotations/claimant-sql";
import type { Verdict } from "@/lib/annotations/verdicts";
import { mayViewAnnotations } from "@/lib/policies/annotation";
import { enforce } from "@/lib/policies/enforce";
import type { Actor } from "@/lib/users/actor";
import { parseInput } from "@/lib/validation";
import { queueConditions } from "./queue-filters";
import { queueQuerySchema, type QueueQuery } from "./queue-input";
import { queueOrder } from "./queue-order";
import { REVIEW_STATUSES, type ReviewStatus } from "./statuses";

/** How much of a claim's quote a row carries: two lines of the table; the article has the rest. */
export const QUOTE_PREVIEW_LENGTH = 280;

/** One claim in the review queue. */
export type QueueRow = {
  id: string;
  /** The claim's text, cut to QUOTE_PREVIEW_LENGTH characters (ending in "…" when cut). */
  quote: string;
  status: ReviewStatus;
  verdict: Verdict | null;
  article: { id: string; title: string };
  /** Who made the claim, when someone was named. */
  claimant: Claimant | null;
  author: { id: string; name: string };
  assignee: { id: string; name: string } | null;
  /** YYYY-MM-DD, or null without a deadline. */
  dueOn: string | null;
  createdAt: string;
  updatedAt: string;
  /** A revision removed its text: it waits in the article's Orphaned panel. */
  orphaned: boolean;
  /** Re-anchoring placed it with doubt: someone should check its place in the text. */
  needsPlacement: boolean;
};

/** One page of the queue, with what the page around it needs. */
export type QueuePage = {
  /** The query as read, defaults filled in (the sort and direction in force, the page size). */
  query: QueueQuery;
  rows: QueueRow[];
  /** Claims matching every filter. */
  total: number;
  /** Claims matching every filter but the status, per status: what each status tab would show. */
  countsByStatus: Record<ReviewStatus, number>;
  /** At least 1, so that an empty queue is "page 1 of 1". */
  pageCount: number;
};

const assignees = alias(users, "assignees");

function preview(quote: string): string {
  return quote.length > QUOTE_PREVIEW_LENGTH ? `${quote.slice(0, QUOTE_PREVIEW_LENGTH - 1).trimEnd()}…` : quote;
}

/**
 * A page of the claims across every article that match `input` (the queue's URL parameters,
 * see `queueParamsOf`), with the total and the counts per status. Discarded claims never appear.
 * Any signed-in, active user may read the queue.
 * @throws Invalid naming each bad parameter.
 */
export async function listQueue(db: Database, actor: Actor | null, input: unknown): Promise<QueuePage> {
  enforce(mayViewAnnotations(actor), actor);
  const query = parseInput(queueQuerySchema, input);
  const conditions = queueConditions(query, actor!);
  const [rows, counts] = await Promise.all([
    db
      .select({
        id: annotations.id,
        // Cut in the database: a claim may quote a whole paragraph, and a page needs two lines of it.
        quote: sql<string>`left(${annotations.quote}, ${QUOTE_PREVIEW_LENGTH + 1})`,
        status: annotations.status,
        verdict: annotations.verdict,
        articleId: annotations.articleId,
        articleTitle: articles.title,
        ...claimantSelection,
        authorId: annotations.authorId,
        authorName: users.name,
        assigneeId: annotations.assigneeId,
        assigneeName: assignees.name,
        dueOn: annotations.dueOn,
        createdAt: annotations.createdAt,
        updatedAt: annotations.updatedAt,
        orphanedAt: annotations.orphanedAt,
        placementChecked: annotations.placementChecked,
      })
      .from(annotations)
      .innerJoin(articles, eq(articles.id, annotations.articleId))
      .innerJoin(users, eq(users.id, annotations.authorId))
      .leftJoin(assignees, eq(assignees.id, annotations.assigneeId))
      .where(and(conditions.others, conditions.status))
      .orderBy(...queueOrder(query))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ status: annotations.status, count: sql<number>`count(*)::int` })
      .from(annotations)
      .where(conditions.others)
      .groupBy(annotations.status),
  ]);
  const countsByStatus = Object.fromEntries(REVIEW_STATUSES.map((status) => [status, 0])) as Record<ReviewStatus, number>;
  for (const { status, count } of counts) countsByStatus[status] = count;
  const shown: readonly ReviewStatus[] = query.status.length ? query.status : REVIEW_STATUSES;
  const total = shown.reduce((sum, status) => sum + countsByStatus[status], 0);
  return {
    query,
    rows: rows.map((row) => ({
      id: row.id,
      quote: preview(row.quote),
      status: row.status,
      verdict: row.verdict,
      article: { id: row.articleId, title: row.articleTitle },
      claimant: claimantOf(row),
      author: { id: row.authorId, name: row.authorName },
      assignee: row.assigneeId ? { id: row.assigneeId, name: row.assigneeName ?? "" } : null,
      dueOn: row.dueOn,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      orphaned: row.orphanedAt !== null,
      needsPlacement: row.orphanedAt === null && !row.placementChecked,
    })),
    total,
    countsByStatus,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
  };
}
