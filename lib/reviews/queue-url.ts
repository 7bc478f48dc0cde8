import { DEFAULT_DIRECTIONS, DEFAULT_PAGE_SIZE, type QueueQuery } from "./queue-input";

/**
 * The queue's address for `query` with `change` applied: `/queue?...`, with only what differs from
 * the defaults, so that links stay short and a shared link reads like what it shows. Any change other
 * than a new page starts again at page 1, where the new filter or order begins.
 */
export function queueHref(query: QueueQuery, change: Partial<QueueQuery> = {}): string {
  const next = { ...query, ...change, page: change.page ?? (Object.keys(change).length ? 1 : query.page) };
  const defaultSort = next.assignee === "me" ? "urgency" : "updated";
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  for (const status of next.status) params.append("status", status);
  for (const verdict of next.verdict) params.append("verdict", verdict);
  for (const placement of next.placement) params.append("placement", placement);
  for (const name of ["assignee", "author", "article", "claimant", "topic", "from", "to"] as const) {
    const value = next[name];
    if (value) params.set(name, value);
  }
  if (next.sort !== defaultSort) params.set("sort", next.sort);
  if (next.dir !== DEFAULT_DIRECTIONS[next.sort]) params.set("dir", next.dir);
  if (next.page > 1) params.set("page", String(next.page));
  if (next.pageSize !== DEFAULT_PAGE_SIZE) params.set("pageSize", String(next.pageSize));
  const search = params.toString();
  return search ? `/queue?${search}` : "/queue";
}
