import Link from "next/link";
import type { QueuePage } from "@/lib/reviews/queue";
import type { QueueQuery } from "@/lib/reviews/queue-input";
import { queueHref } from "@/lib/reviews/queue-url";
import { REVIEW_STATUSES, REVIEW_STATUS_LABELS, type ReviewStatus } from "@/lib/reviews/statuses";

type TabProps = { query: QueueQuery; label: string; count: number; status: ReviewStatus[]; current: boolean; variant: string };

function StatusTab({ query, label, count, status, current, variant }: TabProps) {
  return (
    <li>
      <Link href={queueHref(query, { status })} className={`status-tab status-tab--${variant}`} aria-current={current ? "page" : undefined}>
        {label} <span className="status-tab__count">{count.toLocaleString("en")}</span>
      </Link>
    </li>
  );
}

/**
 * One tab per status, and All, each with how many claims it would show under the other filters.
 * Links, so that each is an address of its own and the back button returns to the previous one.
 */
export function StatusTabs({ page }: { page: QueuePage }) {
  const { query, countsByStatus } = page;
  const all = REVIEW_STATUSES.reduce((sum, status) => sum + countsByStatus[status], 0);
  const only = query.status.length === 1 ? query.status[0] : undefined;
  return (
    <nav aria-label="Status" className="status-tabs">
      <ul>
        <StatusTab query={query} label="All" count={all} status={[]} current={query.status.length === 0} variant="all" />
        {REVIEW_STATUSES.map((status) => (
          <StatusTab
            key={status}
            query={query}
            label={REVIEW_STATUS_LABELS[status]}
            count={countsByStatus[status]}
            status={[status]}
            current={only === status}
            variant={status}
          />
        ))}
      </ul>
    </nav>
  );
}
