import Link from "next/link";

/**
 * Page x of y, with links to the first, previous, next and last pages (plain text where there is
 * none); nothing when everything fits on one page, or past the last page (whose own message
 * links back). `href` gives a page's address.
 */
export function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1 || page > pageCount) return null;
  const step = (label: string, target: number, rel?: "prev" | "next") =>
    target >= 1 && target <= pageCount && target !== page ? (
      <Link href={href(target)} rel={rel} className="pagination__link">
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
      {step("‹ Previous", page - 1, "prev")}
      <span className="pagination__where" aria-current="page">
        Page {page.toLocaleString("en")} of {pageCount.toLocaleString("en")}
      </span>
      {step("Next ›", page + 1, "next")}
      {step("Last »", pageCount)}
    </nav>
  );
}
