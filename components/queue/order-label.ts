import type { QueueSort, SortDirection } from "@/lib/reviews/queue-input";

const ORDER_LABELS: Record<Exclude<QueueSort, "urgency">, Record<SortDirection, string>> = {
  updated: { asc: "by last change, oldest first", desc: "by last change, newest first" },
  created: { asc: "by creation, oldest first", desc: "by creation, newest first" },
  due: { asc: "by due date, soonest first", desc: "by due date, latest first" },
  status: { asc: "by status, in workflow order", desc: "by status, in reverse workflow order" },
  article: { asc: "by article title, A to Z", desc: "by article title, Z to A" },
};

/** The order in words, as in "sorted by due date, soonest first". */
export function describeOrder(sort: QueueSort, dir: SortDirection): string {
  return sort === "urgency" ? "most urgent first" : ORDER_LABELS[sort][dir];
}
