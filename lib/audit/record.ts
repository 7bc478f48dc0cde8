import type { Transaction } from "@/db/database";
import { auditEntries } from "@/db/schema";
import type { AuditAction, AuditSubject } from "./vocabulary";

/** One change, as the audit trail keeps it. `before` is absent for a creation, `after` for a deletion. */
export type AuditChange = {
  actorId: string | null;
  subject: AuditSubject;
  subjectId: string;
  action: AuditAction;
  articleId?: string | null;
  annotationId?: string | null;
  before?: unknown;
  after?: unknown;
};

/**
 * Appends `changes` to the audit trail inside `tx`, the transaction of the change itself: the entry
 * exists if and only if the change does. Values are stored as JSON (dates as ISO strings).
 */
export async function recordAudit(tx: Transaction, ...changes: AuditChange[]): Promise<void> {
  // A batch (re-anchoring thousands of annotations) is split so no statement nears PostgreSQL's 65,535 bind parameters.
  for (let at = 0; at < changes.length; at += BATCH) await insertEntries(tx, changes.slice(at, at + BATCH));
}

const BATCH = 1_000;

async function insertEntries(tx: Transaction, changes: AuditChange[]): Promise<void> {
  await tx.insert(auditEntries).values(
    changes.map((change) => ({
      actorId: change.actorId,
      subject: change.subject,
      subjectId: change.subjectId,
      action: change.action,
      articleId: change.articleId ?? null,
      annotationId: change.annotationId ?? null,
      before: change.before === undefined ? null : toJson(change.before),
      after: change.after === undefined ? null : toJson(change.after),
    })),
  );
}

function toJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

/** The fields of `after` whose values differ from `before`, each side limited to those fields: what an "updated" entry shows. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const changed = (Object.keys(after) as (keyof T)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  return {
    before: Object.fromEntries(changed.map((key) => [key, before[key]])) as Partial<T>,
    after: Object.fromEntries(changed.map((key) => [key, after[key]])) as Partial<T>,
  };
}
