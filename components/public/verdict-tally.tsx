import { VERDICT_LABELS, type VerdictCount } from "@/lib/annotations/verdicts";
import { describeTally } from "@/lib/publishing/public-index";

/** How many claims a fact-check found of each verdict: one badge a verdict, and the same in words for screen readers. */
export function VerdictTally({ tally }: { tally: VerdictCount[] }) {
  return (
    <p className="verdict-tally">
      <span className="visually-hidden">{describeTally(tally)}.</span>
      {tally.length === 0 ? (
        <span aria-hidden="true" className="muted">
          No claim checked yet
        </span>
      ) : (
        tally.map(({ verdict, count }) => (
          <span key={verdict ?? "none"} aria-hidden="true" className={`verdict-badge verdict-badge--${verdict ?? "none"}`}>
            {count} {verdict ? VERDICT_LABELS[verdict] : "No verdict"}
          </span>
        ))
      )}
    </p>
  );
}
