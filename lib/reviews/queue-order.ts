import { asc, desc, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { annotations, articles } from "@/db/schema";
import type { QueueQuery, SortDirection } from "./queue-input";
import { isClosed, statusUrgency } from "./urgency";

/** Most urgent first: the keys and the rule are in lib/reviews/urgency.ts, shared with the index that serves them. */
function urgencyOrder(): SQL[] {
  return [
    asc(isClosed(annotations.status)),
    sql`${annotations.dueOn} asc nulls last`,
    asc(statusUrgency(annotations.status)),
    asc(annotations.updatedAt),
    asc(annotations.id),
  ];
}

/** `columns` all in `direction`: every single-column sort breaks ties by the last change, then by id, the same way. */
function inDirection(direction: SortDirection, columns: (AnyPgColumn | SQL)[]): SQL[] {
  return columns.map((column) => (direction === "asc" ? asc(column) : desc(column)));
}

/**
 * The ORDER BY of the query's sort. Ties follow the sort's direction so that each order is one walk,
 * forwards or backwards, of an index (see the indexes on `annotations` in db/schema.ts).
 * Claims without a due date come last whichever way the due date is sorted.
 */
export function queueOrder(query: Pick<QueueQuery, "sort" | "dir">): SQL[] {
  const { dir } = query;
  const tieBreak = [annotations.updatedAt, annotations.id];
  switch (query.sort) {
    case "urgency":
      return urgencyOrder();
    case "updated":
      return inDirection(dir, [annotations.updatedAt, annotations.id]);
    case "created":
      return inDirection(dir, [annotations.createdAt, annotations.id]);
    case "due":
      return [sql`${annotations.dueOn} ${sql.raw(dir)} nulls last`, ...inDirection(dir, tieBreak)];
    case "status":
      return inDirection(dir, [annotations.status, ...tieBreak]);
    case "article":
      return inDirection(dir, [articles.title, articles.id, ...tieBreak]);
    default:
      return query.sort satisfies never;
  }
}
