import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/database";
import { auditEntries } from "@/db/schema";
import type { ReanchorCounts } from "./reanchor-annotations";

/** What saving a revision did to the claims, and the older revision it restored, if it did. */
export type RevisionOutcome = ReanchorCounts & { restoredFrom: number | null };

const count = z.number().int().nonnegative().catch(0);

/** The `after` of a "revised" audit entry; older entries lack the counts added since, which count as none. */
const revisedSchema = z.object({
  revision: z.number().int().positive(),
  reanchored: count,
  orphaned: count,
  checkPlacement: count,
  restored: count,
  restoredFrom: z.number().int().positive().nullable().catch(null),
});

/**
 * What each saved revision of the article did, by revision number, as its save recorded it in the
 * audit trail. The first revision (imported, not saved over another) has none.
 */
export async function revisionOutcomes(db: Database, articleId: string): Promise<Map<number, RevisionOutcome>> {
  const rows = await db
    .select({ after: auditEntries.after })
    .from(auditEntries)
    .where(and(eq(auditEntries.articleId, articleId), eq(auditEntries.subject, "article"), eq(auditEntries.action, "revised")));
  const outcomes = new Map<number, RevisionOutcome>();
  for (const row of rows) {
    const parsed = revisedSchema.safeParse(row.after);
    if (!parsed.success) continue;
    const { revision, ...outcome } = parsed.data;
    outcomes.set(revision, outcome);
  }
  return outcomes;
}
