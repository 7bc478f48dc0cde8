import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { ReviewStatus } from "./statuses";

/**
 * "Most urgent first", the order of My queue:
 *  1. claims with work left (draft, in review, changes requested) before closed ones (approved,
 *     rejected): a closed claim is never urgent, however long ago it was due;
 *  2. then by due date, earliest first: overdue claims lead because their dates are the earliest;
 *     claims without a due date come after every dated one;
 *  3. then by how close the claim is to the assignee's desk: in review (waiting for their check),
 *     changes requested (waiting for the author, then checked again), draft (not yet submitted);
 *  4. then the one whose last change is oldest, as it has waited longest; then by id, for a stable order.
 *
 * The keys are expressions over the status column, shared by the query (lib/reviews/queue-order.ts)
 * and the index that serves it (db/schema.ts): PostgreSQL uses an expression index only for the
 * very same expression. Written with the vocabulary's values, never user input.
 */
const URGENCY_OF_STATUS: readonly ReviewStatus[] = ["in_review", "changes_requested", "draft", "approved", "rejected"];
const CLOSED_STATUSES: readonly ReviewStatus[] = ["approved", "rejected"];

const literal = (status: ReviewStatus) => sql.raw(`'${status}'`);

/** True for an approved or rejected claim: key 1, false (work left) first. */
export function isClosed(status: AnyPgColumn): SQL {
  return sql`(${status} in (${sql.join(CLOSED_STATUSES.map(literal), sql`, `)}))`;
}

/** The status's rank in URGENCY_OF_STATUS: key 3. */
export function statusUrgency(status: AnyPgColumn): SQL {
  const cases = URGENCY_OF_STATUS.map((value, rank) => sql`when ${literal(value)} then ${sql.raw(String(rank))}`);
  return sql`(case ${status} ${sql.join(cases, sql` `)} end)`;
}
