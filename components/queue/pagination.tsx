import Link from "next/link";
import type { QueuePage } from "@/lib/reviews/queue";
import { queueHref } from "@/lib/reviews/queue-url";

/** Page x of y, with links to the first, previous, next and last pages (plain text where there is none). */
export function Pagination({ page }: { page: QueuePage }) {
  const { query, pageCount } = page;
  if (pageCount <= 1 && query.page === 1) return null;
  const step = (label: string, target: number, rel?: "prev" | "next") =>
    target >= 1 && target <= pageCount && target !== query.page ? (
      <Link href={queueHref(query, { page: target })} rel={rel} className="pagination__link">
        {label}
      </Link>
    ) : (
      <span className="pagination__link pagination__link--disabled" aria-disabled="true">
        {label}
      </span>
    );
  return (
    <nav aria-label="Pages" className="pagination">
      {step("« First", 1)}
      {step("‹ Previous", query.page - 1, "prev")}
      <span className="pagination__where" aria-current="page">
        Page {query.page.toLocaleString("en")} of {pageCount.toLocaleString("en")}
      </span>
      {step("Next ›", query.page + 1, "next")}
      {step("Last »", pageCount)}
    </nav>
  );
}
