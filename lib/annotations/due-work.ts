import { and, asc, count, eq, inArray, isNull, lte, not, type SQL } from "drizzle-orm";
import type { Database } from "@/db/database";
import { annotations, articles } from "@/db/schema";
import { newsroomConfig } from "@/lib/newsroom/config";
import { mayViewAnnotations } from "@/lib/policies/annotation";
import { enforce } from "@/lib/policies/enforce";
import { isClosed } from "@/lib/reviews/urgency";
import { dayIn } from "@/lib/time-zone";
import type { Actor } from "@/lib/users/actor";

/** A claim assigned to someone with work left on it, due by a day: what their inbox and their daily email remind them of. */
type DueClaim = { id: string; quote: string; dueOn: string; article: { id: string; title: string } };

/** Someone's claims due by `today` (overdue ones too), the earliest due first, `claims` the first of `total`. */
export type DueWork = { today: string; claims: DueClaim[]; total: number };

/** Assigned to `assignee` (one or several), with work left, not discarded, due on `today` (YYYY-MM-DD) or before. */
const dueBy = (today: string, assignee: SQL) =>
  and(assignee, lte(annotations.dueOn, today), not(isClosed(annotations.status)), isNull(annotations.discardedAt));

/** Which of `userIds` have claims due by `today`: one query by the index on assignee and due date. */
export async function peopleWithDueWork(db: Database, userIds: string[], today: string): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ id: annotations.assigneeId })
    .from(annotations)
    .where(dueBy(today, inArray(annotations.assigneeId, userIds)));
  return new Set(rows.map((row) => row.id!));
}

/** The claims `userId` has due by `today`, earliest due first, at most `limit` of them, and how many in all. Not a request's: no actor is checked. */
export async function dueWorkOf(db: Database, userId: string, today: string, limit: number): Promise<DueWork> {
  const where = dueBy(today, eq(annotations.assigneeId, userId));
  const [rows, [counted]] = await Promise.all([
    db
      .select({ id: annotations.id, quote: annotations.quote, dueOn: annotations.dueOn, articleId: articles.id, title: articles.title })
      .from(annotations)
      .innerJoin(articles, eq(articles.id, annotations.articleId))
      .where(where)
      .orderBy(asc(annotations.dueOn), asc(annotations.id))
      .limit(limit),
    db.select({ total: count() }).from(annotations).where(where),
  ]);
  return {
    today,
    claims: rows.map((row) => ({ id: row.id, quote: row.quote, dueOn: row.dueOn!, article: { id: row.articleId, title: row.title } })),
    total: counted?.total ?? 0,
  };
}

/** The claims assigned to the signed-in person that are due by the newsroom's today, at most `limit` of them: the top of their inbox. */
export async function myDueWork(db: Database, actor: Actor | null, limit: number): Promise<DueWork> {
  enforce(mayViewAnnotations(actor), actor);
  return dueWorkOf(db, actor!.id, dayIn(newsroomConfig().timeZone), limit);
}
