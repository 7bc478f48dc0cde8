import Link from "next/link";
import type { ArticleSummary } from "@/lib/articles/list";
import type { ReviewStatus } from "@/lib/reviews/statuses";

type Part = { key: ReviewStatus | "orphaned"; count: number; label: string };

/**
 * Left to right, the way a check progresses: done (approved, rejected), waiting for a reviewer or
 * for its author, not yet submitted; orphaned claims apart at the end, hatched, as they are in no
 * status's hands until someone re-attaches them.
 */
const ORDER: { key: Part["key"]; one: string; many: string }[] = [
  { key: "approved", one: "approved", many: "approved" },
  { key: "rejected", one: "rejected", many: "rejected" },
  { key: "in_review", one: "in review", many: "in review" },
  { key: "changes_requested", one: "with changes requested", many: "with changes requested" },
  { key: "draft", one: "draft", many: "drafts" },
  { key: "orphaned", one: "orphaned", many: "orphaned" },
];

function partsOf(article: Pick<ArticleSummary, "claimsByStatus" | "orphanedClaims">): Part[] {
  return ORDER.map(({ key, one, many }) => {
    const count = key === "orphaned" ? article.orphanedClaims : article.claimsByStatus[key];
    return { key, count, label: `${count.toLocaleString("en")} ${count === 1 ? one : many}` };
  }).filter((part) => part.count > 0);
}

/**
 * An article's claims as a bar stacked by status, in the status badges' colours, with the same
 * figures in words beside each swatch (the bar itself is hidden from assistive technology: the words
 * say it all, e.g. "12 claims: 5 approved, 3 in review, 4 drafts"). The count links to the article's
 * claims in the review queue, and the placements a revision left to check to those claims; the row's
 * header names the article.
 */
export function ClaimProgress({ article }: { article: Pick<ArticleSummary, "id" | "claimsByStatus" | "orphanedClaims" | "placementsToCheck"> }) {
  const parts = partsOf(article);
  const total = parts.reduce((sum, part) => sum + part.count, 0);
  if (total === 0) return <span className="muted">No claims yet</span>;
  return (
    <div className="claim-progress">
      <div className="claim-progress__bar" aria-hidden="true">
        {parts.map((part) => (
          <span
            key={part.key}
            className={`claim-progress__segment claim-progress__segment--${part.key}`}
            style={{ flexGrow: part.count }}
            title={part.label}
          />
        ))}
      </div>
      <p className="claim-progress__legend">
        <Link href={`/queue?article=${article.id}`}>
          {total.toLocaleString("en")} {total === 1 ? "claim" : "claims"}
          <span className="visually-hidden"> in the review queue</span>
        </Link>
        <span className="visually-hidden">:</span>
        {parts.map((part, index) => (
          <span key={part.key} className="claim-progress__item">
            <span className={`claim-progress__swatch claim-progress__segment--${part.key}`} aria-hidden="true" />
            {part.label}
            {index < parts.length - 1 && <span className="visually-hidden">,</span>}
          </span>
        ))}
        {article.placementsToCheck > 0 && <span className="visually-hidden">;</span>}
        {article.placementsToCheck > 0 && (
          <Link className="badge badge--check" href={`/queue?article=${article.id}&placement=check`}>
            {article.placementsToCheck.toLocaleString("en")} {article.placementsToCheck === 1 ? "placement" : "placements"} to check
          </Link>
        )}
      </p>
    </div>
  );
}
