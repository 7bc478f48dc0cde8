import { and, asc, eq, gt, isNotNull, lte, sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { rowsOf } from "@/db/rows";
import { auditEntries, users } from "@/db/schema";
import type { AuditAction, AuditSubject } from "@/lib/audit/vocabulary";
import { inFlightOf, type LogSnapshot } from "./horizon";

/**
 * One change to an article, as the event stream sends it: which entry of the audit trail (its id is
 * the stream's event id, the cursor a client reconnects with), what happened, to what, and by whom.
 * Ids, never documents: the page fetches what it shows through the JSON API, under its permissions.
 * `kind` is the audit entry's subject and action, as in "annotation.status_changed" or "comment.created".
 */
export type ArticleEvent = {
  id: number;
  kind: `${AuditSubject}.${AuditAction}`;
  articleId: string;
  annotationId: string | null;
  subjectId: string;
  actor: { id: string; name: string } | null;
};

/** At most this many entries per read, so that a client far behind catches up in steps instead of one huge answer. */
export const FEED_PAGE = 1_000;

/** The settled snapshot of the log: the highest id visible now and the transactions still in flight (see horizon.ts). */
export async function readLogSnapshot(db: Database): Promise<LogSnapshot> {
  // One statement, hence one snapshot for both values.
  const rows = await db.execute(
    sql`select pg_current_snapshot()::text as snapshot, (select coalesce(max(id), 0) from audit_entries)::bigint as max_id`,
  );
  const row = rowsOf<{ snapshot: string; max_id: string | number }>(rows)[0];
  if (!row) throw new Error("pg_current_snapshot() returned no row");
  return { maxId: Number(row.max_id), inFlight: inFlightOf(row.snapshot) };
}

/**
 * The article events with ids in (`after`, `upTo`], in id order; of one article, or of every article
 * when `articleId` is null. Entries without an article (changes to users) are not article events.
 */
export async function readArticleEvents(
  db: Database,
  range: { after: number; upTo: number; articleId: string | null; limit?: number },
): Promise<ArticleEvent[]> {
  if (range.upTo <= range.after) return [];
  const rows = await db
    .select({
      id: auditEntries.id,
      subject: auditEntries.subject,
      action: auditEntries.action,
      articleId: auditEntries.articleId,
      annotationId: auditEntries.annotationId,
      subjectId: auditEntries.subjectId,
      actorId: auditEntries.actorId,
      actorName: users.name,
    })
    .from(auditEntries)
    .leftJoin(users, eq(users.id, auditEntries.actorId))
    .where(
      and(
        gt(auditEntries.id, range.after),
        lte(auditEntries.id, range.upTo),
        range.articleId ? eq(auditEntries.articleId, range.articleId) : isNotNull(auditEntries.articleId),
      ),
    )
    .orderBy(asc(auditEntries.id))
    .limit(range.limit ?? FEED_PAGE);
  return rows.map((row) => ({
    id: row.id,
    kind: `${row.subject}.${row.action}`,
    articleId: row.articleId!,
    annotationId: row.annotationId,
    subjectId: row.subjectId,
    actor: row.actorId ? { id: row.actorId, name: row.actorName ?? "" } : null,
  }));
}
