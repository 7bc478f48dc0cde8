import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/database";
import { annotations } from "@/db/schema";
import { assignInTransaction, assignmentSchema } from "@/lib/annotations/assignment";
import { Conflict, Forbidden, Invalid, NotFound } from "@/lib/errors";
import { isId } from "@/lib/ids";
import { mayActInBulk } from "@/lib/policies/annotation";
import { enforce } from "@/lib/policies/enforce";
import type { Actor } from "@/lib/users/actor";
import { parseInput } from "@/lib/validation";
import { changeStatus } from "./service";

export const BULK_MAX = 200;

const ids = z
  .array(z.string().refine(isId, "must be annotation ids"), { error: "must be a list of annotation ids" })
  .min(1, "select at least one claim")
  .max(BULK_MAX, `at most ${BULK_MAX} claims at once`)
  .transform((list) => [...new Set(list)]);

export const bulkActionSchema = z.discriminatedUnion(
  "action",
  [
    z.strictObject({ action: z.literal("assign"), ids, ...assignmentSchema.shape }),
    z.strictObject({
      action: z.literal("request_changes"),
      ids,
      comment: z.string({ error: "is required" }).trim().min(1, "say what must change").max(5_000, "must be at most 5,000 characters"),
    }),
  ],
  { error: () => "action: must be assign or request_changes" },
);

/** What a bulk action did: the claims it changed, and each one it skipped with the reason. */
export type BulkResult = { done: string[]; skipped: { id: string; reason: string }[] };

/**
 * Assigns, or requests changes on, several claims (editors only). Each claim is changed in its own
 * transaction with its own checks and audit entry, so one that may not change (approved already,
 * the editor's own) is skipped with its reason and the others still go through.
 */
export async function actInBulk(db: Database, actor: Actor | null, input: unknown): Promise<BulkResult> {
  enforce(mayActInBulk(actor), actor);
  const request = parseInput(bulkActionSchema, input);
  const result: BulkResult = { done: [], skipped: [] };
  for (const id of request.ids) {
    try {
      if (request.action === "assign") {
        await db.transaction((tx) => assignInTransaction(tx, actor!, id, { assigneeId: request.assigneeId, dueOn: request.dueOn }));
      } else {
        const [current] = await db.select({ version: annotations.version }).from(annotations).where(eq(annotations.id, id));
        await changeStatus(db, actor, id, { to: "changes_requested", comment: request.comment, version: current?.version ?? 1 });
      }
      result.done.push(id);
    } catch (error) {
      if (!(error instanceof Invalid || error instanceof Forbidden || error instanceof NotFound || error instanceof Conflict)) throw error;
      result.skipped.push({ id, reason: error.message });
    }
  }
  return result;
}
