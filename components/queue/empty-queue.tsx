import Link from "next/link";
import type { QueuePage } from "@/lib/reviews/queue";
import { queueHref } from "@/lib/reviews/queue-url";

/**
 * What to do when the page shows no claim: past the last page, nothing assigned to me, nothing
 * matching the filters, or no claims at all yet. Each says why and offers the way on.
 */
export function EmptyQueue({ page, filtered }: { page: QueuePage; filtered: boolean }) {
  const { query, total, pageCount } = page;
  if (total > 0) {
    return (
      <div className="empty-state queue-empty">
        <p>
          There is no page {query.page.toLocaleString("en")}: these filters give {pageCount.toLocaleString("en")}{" "}
          {pageCount === 1 ? "page" : "pages"}.
        </p>
        <p>
          <Link href={queueHref(query, { page: pageCount })}>Go to the last page</Link>
        </p>
      </div>
    );
  }
  const mineOnly = query.assignee === "me";
  const underAnyStatus = Object.values(page.countsByStatus).reduce((sum, count) => sum + count, 0);
  if (mineOnly && !filtered && underAnyStatus === 0) {
    return (
      <div className="empty-state queue-empty">
        <p>Nothing is assigned to you.</p>
        <p className="muted">
          When an editor assigns you a claim, it appears here, most urgent first. Meanwhile, the{" "}
          <Link href="/queue">review queue</Link> lists every claim, and the{" "}
          <Link href="/queue?assignee=unassigned&status=in_review">claims in review that nobody is assigned</Link> may need you.
        </p>
      </div>
    );
  }
  if (filtered || query.status.length) {
    return (
      <div className="empty-state queue-empty">
        <p>No claims match these filters.</p>
        <p className="muted">
          Choose another status above, widen the dates or pick another person, or{" "}
          <Link href={mineOnly ? "/queue?assignee=me" : "/queue"}>clear the filters</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="empty-state queue-empty">
      <p>No claims yet.</p>
      <p className="muted">
        Claims appear here as fact-checkers annotate articles. Open an article from the <Link href="/">list of articles</Link>, select a
        sentence and choose “Annotate claim”.
      </p>
    </div>
  );
}
