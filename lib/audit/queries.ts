import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { Database } from "@/db/database";
import { articles, auditEntries, users } from "@/db/schema";
import { startOfDayIn } from "@/lib/day-bounds";
import { newsroomConfig } from "@/lib/newsroom/config";
import { mayViewAnnotationHistory, mayViewAuditTrail } from "@/lib/policies/audit";
import { enforce } from "@/lib/policies/enforce";
import type { Actor } from "@/lib/users/actor";
import { parseInput } from "@/lib/validation";
import { AUDIT_PAGE_SIZE, auditQuerySchema } from "./input";
import type { AuditAction, AuditSubject } from "./vocabulary";

/** An audit entry as the API and the pages read it. */
export type AuditEntryRecord = {
  id: number;
  at: string;
  actor: { id: string; name: string } | null;
  subject: AuditSubject;
  subjectId: string;
  action: AuditAction;
  article: { id: string; title: string } | null;
  annotationId: string | null;
  before: unknown;
  after: unknown;
};

const columns = {
  id: auditEntries.id,
  at: auditEntries.at,
  actorId: auditEntries.actorId,
  actorName: users.name,
  subject: auditEntries.subject,
  subjectId: auditEntries.subjectId,
  action: auditEntries.action,
  articleId: auditEntries.articleId,
  articleTitle: articles.title,
  annotationId: auditEntries.annotationId,
  before: auditEntries.before,
  after: auditEntries.after,
};

type Row = Awaited<ReturnType<typeof select>>[number];

function toRecord(row: Row): AuditEntryRecord {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actorId ? { id: row.actorId, name: row.actorName ?? "" } : null,
    subject: row.subject,
    subjectId: row.subjectId,
    action: row.action,
    article: row.articleId ? { id: row.articleId, title: row.articleTitle ?? "(deleted article)" } : null,
    annotationId: row.annotationId,
    before: row.before,
    after: row.after,
  };
}

function select(db: Database, where: SQL | undefined, limit: number) {
  return db
    .select(columns)
    .from(auditEntries)
    .leftJoin(users, eq(users.id, auditEntries.actorId))
    .leftJoin(articles, eq(articles.id, auditEntries.articleId))
    .where(where)
    .orderBy(desc(auditEntries.id))
    .limit(limit);
}

/**
 * A page of the audit trail, newest first, filtered by person, article, kind of subject, action and
 * day (inclusive, days of the newsroom's time zone); `nextBefore` continues it. Admins only.
 */
export async function listAuditEntries(db: Database, actor: Actor | null, input: unknown): Promise<{ entries: AuditEntryRecord[]; nextBefore: number | null }> {
  enforce(mayViewAuditTrail(actor), actor);
  const query = parseInput(auditQuerySchema, input);
  const { timeZone } = newsroomConfig();
  const where = and(
    query.actor ? eq(auditEntries.actorId, query.actor) : undefined,
    query.article ? eq(auditEntries.articleId, query.article) : undefined,
    query.subject ? eq(auditEntries.subject, query.subject) : undefined,
    query.action ? eq(auditEntries.action, query.action) : undefined,
    query.from ? gte(auditEntries.at, startOfDayIn(query.from, timeZone)) : undefined,
    query.to ? lt(auditEntries.at, startOfDayIn(query.to, timeZone, 1)) : undefined,
    query.before ? lt(auditEntries.id, query.before) : undefined,
  );
  const rows = await select(db, where, AUDIT_PAGE_SIZE + 1);
  const entries = rows.slice(0, AUDIT_PAGE_SIZE).map(toRecord);
  return { entries, nextBefore: rows.length > AUDIT_PAGE_SIZE ? entries.at(-1)!.id : null };
}

/** Everything that happened to one annotation, its sources and its discussion, oldest first. */
export async function annotationHistory(db: Database, actor: Actor | null, annotationId: string): Promise<AuditEntryRecord[]> {
  enforce(mayViewAnnotationHistory(actor), actor);
  const rows = await select(db, eq(auditEntries.annotationId, annotationId), 1_000);
  return rows.reverse().map(toRecord);
}
